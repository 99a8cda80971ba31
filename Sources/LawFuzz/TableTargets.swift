// The targets reach the corpus parsers' internal entry points, as the tests do: they are
// compiled where the modules are built for testing, in debug builds and by Benchmarks/fuzz.sh.
#if DEBUG || LAWKB_LIBFUZZER
    import Foundation
    @testable import LawCorpus
    import LawImport

    /// Targets that read files: a list version and departments' CSV and XLSX tables.
    enum TableTargets {
        /// A registry with two departments, so that folder and department can disagree.
        static let registry: DepartmentRegistry = try! DepartmentRegistry([
            Department(id: "scjg", name: "乌审旗市场监督管理局", shortNames: ["市场监管局"]),
            Department(id: "jtys", name: "乌审旗交通运输局", shortNames: ["交通运输局"]),
        ])

        /// Where the list is said to be: a department folder and a kind folder, as in the corpus.
        static let listFile = "Corpus/lists/scjg/不予处罚事项清单/2022-10-25.yaml"

        /// A list parses to items with unique ids and citations in range, or fails with an error
        /// on one line that names the file.
        static func listYAML(_ text: String) {
            let parser = ListParser(registry: registry, citations: CitationParser(names: TextTargets.names))
            var warnings: [String] = []
            do {
                let list = try parser.parse(text: text, file: listFile, warnings: &warnings)
                Invariant.check(Set(list.items.map(\.id)).count == list.items.count, "duplicate item ids accepted")
                Invariant.check(CalendarDate.parsedYears.contains(list.version.year), "version \(list.version)")
                for citation in list.items.flatMap(\.citations) {
                    Invariant.check(
                        (1...ChineseNumeral.maximumOrdinal).contains(citation.article),
                        "article \(citation.article)")
                }
                for item in list.items {
                    for level in item.levels { _ = level.amounts.map(\.description) }
                }
            } catch {
                Invariant.check(error.file == listFile, "error names \(error.file)")
                Invariant.check(Invariant.isOneVisibleLine(error.description), "error is not one visible line")
            }
            for warning in warnings {
                Invariant.check(warning.hasPrefix(listFile), "warning without the file: \(warning.prefix(80))")
            }
        }

        /// Rows of a CSV table are numbered from 1, in order.
        static func csv(_ data: Data) {
            do {
                let table = try CSVReader().read(data: data, file: "fuzz.csv")
                checkRows(table)
            } catch {
                Invariant.check(!error.description.isEmpty, "an empty error")
            }
        }

        /// A workbook, written to a file as the reader takes one: rows numbered from 1, in order.
        static func xlsx(_ data: Data) {
            let path = NSTemporaryDirectory() + "lawkb-fuzz-\(getpid()).xlsx"
            guard FileManager.default.createFile(atPath: path, contents: data) else {
                Invariant.check(false, "cannot write \(path)")
                return
            }
            defer { try? FileManager.default.removeItem(atPath: path) }
            do {
                let table = try XLSXReader().read(path: path, sheet: nil)
                checkRows(table)
            } catch {
                Invariant.check(!error.description.isEmpty, "an empty error")
            }
        }

        private static func checkRows(_ table: SourceTable) {
            var previous = 0
            for row in table.rows {
                Invariant.check(row.number > previous, "row \(row.number) after row \(previous)")
                previous = row.number
            }
        }
    }
#endif
