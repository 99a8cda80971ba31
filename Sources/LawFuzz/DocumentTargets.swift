// The targets reach the corpus parsers' internal entry points, as the tests do: they are
// compiled where the modules are built for testing, in debug builds and by Benchmarks/fuzz.sh.
#if DEBUG || LAWKB_LIBFUZZER
    @testable import LawCorpus

    /// Targets that read whole corpus documents: a regulation and a plan.
    enum DocumentTargets {
        static let regulationFile = "Corpus/regulations/测试条例(2022).md"
        static let planFile = "Corpus/plan/测试方案.txt"

        /// Articles are numbered 1, 2, 3 … within the ordinal range, and their metadata is
        /// derived; or the file is refused with one visible line naming it.
        static func regulation(_ text: String) {
            do {
                let parsed = try RegulationParser(file: regulationFile).parse(text)
                for (index, article) in parsed.articles.enumerated() {
                    Invariant.check(article.number == index + 1, "article \(article.number) at position \(index + 1)")
                }
                let metadata = MetadataDeriver.derive(parsed, fileName: "测试条例(2022).md")
                for date in [metadata.promulgated, metadata.effective].compactMap({ $0 }) {
                    Invariant.check(CalendarDate.parsedYears.contains(date.year), "derived date \(date)")
                }
                for warning in parsed.warnings {
                    Invariant.check(warning.hasPrefix(regulationFile), "warning without the file: \(warning.prefix(80))")
                }
            } catch {
                check(error, file: regulationFile)
            }
        }

        /// Sections lie on lines of the file, deadlines have real dates; or the file is refused
        /// with one visible line naming it.
        static func plan(_ text: String) {
            do {
                let parsed = try PlanParser(file: planFile).parse(text)
                let lineCount = TextSupport.lines(of: text).count
                for section in parsed.sections {
                    Invariant.check((1...max(1, lineCount)).contains(section.line), "section at line \(section.line)")
                }
                let metadata = CorpusLoader.derivePlanMetadata(parsed, fallbackYear: 2022)
                Invariant.check(CalendarDate.parsedYears.contains(metadata.year), "plan year \(metadata.year)")
                for deadline in DeadlineExtractor(year: metadata.year).deadlines(in: parsed.paragraphs) {
                    if let due = deadline.due {
                        Invariant.check(CalendarDate(year: due.year, month: due.month, day: due.day) == due, "due \(due)")
                    }
                }
            } catch {
                check(error, file: planFile)
            }
        }

        private static func check(_ error: CorpusError, file: String) {
            Invariant.check(error.file == file, "error names \(error.file)")
            Invariant.check(Invariant.isOneVisibleLine(error.description), "error is not one visible line")
        }
    }
#endif
