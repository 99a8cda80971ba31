// The targets reach the corpus parsers' internal entry points, as the tests do: they are
// compiled where the modules are built for testing, in debug builds and by Benchmarks/fuzz.sh.
#if DEBUG || LAWKB_LIBFUZZER
    import Foundation
    @testable import LawCorpus
    import LawQuery

    /// Targets that read text: numerals, dates, citations, amounts, queries.
    enum TextTargets {
        /// Every reading is consistent with `parse` and `ordinal`; a number reads back from its
        /// Arabic digits and, up to 9999, from the formatter's Chinese numeral.
        static func numeral(_ text: String) {
            let reading = ChineseNumeral.read(text)
            let parsed = ChineseNumeral.parse(text)
            switch reading {
            case .number(let value):
                Invariant.check(value >= 0, "negative value \(value)")
                Invariant.check(parsed == value, "parse \(String(describing: parsed)) ≠ read \(value)")
                Invariant.check(text.count <= ChineseNumeral.maximumLength, "a numeral of \(text.count) characters")
                Invariant.check(ChineseNumeral.parse(String(value)) == value, "\(value) does not read back from digits")
                if value <= 9999 {
                    let chinese = ChineseNumeralFormatter.format(value)
                    Invariant.check(ChineseNumeral.parse(chinese) == value, "\(value) → \(chinese) reads back differently")
                }
                let ordinal = ChineseNumeral.ordinal(text)
                Invariant.check(
                    (ordinal != nil) == (1...ChineseNumeral.maximumOrdinal).contains(value),
                    "ordinal \(String(describing: ordinal)) for \(value)")
            case .tooLarge, .invalid:
                Invariant.check(parsed == nil, "parse gave \(String(describing: parsed)) for \(reading)")
                Invariant.check(ChineseNumeral.ordinal(text) == nil, "an ordinal for \(reading)")
            }
            // The same characters inside text, as the corpus parsers scan them.
            let folded = FoldedText(text.prefix(64))
            for index in 0..<folded.count {
                guard let (value, end) = folded.numeral(at: index) else { continue }
                Invariant.check(end > index && end <= folded.count, "numeral run \(index)..<\(end)")
                Invariant.check(value >= 0, "negative numeral \(value)")
            }
        }

        /// ISO dates read back as written, with a year in range; day arithmetic stays in the
        /// calendar however far it goes; dates and deadlines found in text exist and sit inside it.
        static func date(_ text: String, bytes: UnsafeBufferPointer<UInt8>) {
            if let date = CalendarDate(iso: text) {
                Invariant.check(date.description == text, "\(text) reads as \(date)")
                Invariant.check(CalendarDate.parsedYears.contains(date.year), "year \(date.year) accepted")
                Invariant.check(CalendarDate(daysSinceEpoch: date.daysSinceEpoch) == date, "\(date) day count round trip")
                Invariant.check((1...7).contains(date.weekday), "weekday \(date.weekday)")
            }
            if let decoded = try? JSONDecoder().decode([CalendarDate].self, from: Data("[\"\(text)\"]".utf8)) {
                Invariant.check(decoded.allSatisfy { CalendarDate.parsedYears.contains($0.year) }, "decoded \(decoded)")
            }
            // Day arithmetic with the input's first bytes as a count of days, extremes included.
            let days = bytes.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
            for start in [
                CalendarDate(year: 1, month: 1, day: 1)!, CalendarDate(year: 2022, month: 10, day: 31)!,
                CalendarDate(year: 9999, month: 12, day: 31)!,
            ] {
                let moved = start.adding(days: days)
                Invariant.check(
                    CalendarDate(year: moved.year, month: moved.month, day: moved.day) == moved,
                    "\(start) + \(days) days gave a date that does not exist: \(moved)")
                Invariant.check(start.adding(days: 0) == start, "adding no days moved \(start)")
                let target = start.daysSinceEpoch.addingReportingOverflow(days)
                if !target.overflow, CalendarDate.representableDays.contains(target.partialValue) {
                    Invariant.check(moved.adding(days: -days) == start, "\(start) + \(days) − \(days) ≠ \(start)")
                }
            }
            let folded = FoldedText(text)
            var previousEnd = 0
            for (date, range) in DateScanner.dates(in: folded) {
                Invariant.check(CalendarDate.parsedYears.contains(date.year), "year \(date.year) in text")
                Invariant.check(
                    range.lowerBound >= previousEnd && range.upperBound <= folded.count,
                    "date range \(range) in \(folded.count) characters")
                previousEnd = range.upperBound
            }
            for expression in DeadlineExtractor(year: 2022).timeExpressions(in: folded) {
                Invariant.check(
                    expression.range.lowerBound >= 0 && expression.range.upperBound <= folded.count,
                    "deadline range \(expression.range)")
                if let due = expression.due {
                    Invariant.check(CalendarDate(year: due.year, month: due.month, day: due.day) == due, "due \(due)")
                }
            }
            _ = MetadataDeriver.effectiveDate(in: text)
            _ = MetadataDeriver.versionInFileName(text)
        }

        /// A few names to resolve, as the corpus registers them.
        static let names: DocumentNames = {
            var names = DocumentNames()
            names.register(title: "中华人民共和国行政处罚法", aliases: ["行政处罚法"])
            names.register(title: "中华人民共和国行政强制法", aliases: ["行政强制法"])
            names.register(title: "优化营商环境条例", aliases: [])
            return names
        }()

        /// Citations carry article, paragraph and item numbers in range and words of the text.
        static func citation(_ text: String) {
            let parser = CitationParser(names: names)
            for current in ["中华人民共和国行政处罚法", nil] {
                for citation in parser.citations(in: text, currentDocument: current) {
                    checkNumbers(citation)
                    Invariant.check(
                        !citation.text.isEmpty && text.contains(citation.text),
                        "citation text \(citation.text) is not in the input")
                }
            }
            if let typed = parser.parse(text) { checkNumbers(typed) }
            for reference in parser.outOfRangeReferences(in: text) {
                Invariant.check(text.contains(reference), "out-of-range reference \(reference) is not in the input")
            }
        }

        private static func checkNumbers(_ citation: Citation) {
            let range = 1...ChineseNumeral.maximumOrdinal
            Invariant.check(range.contains(citation.article), "article \(citation.article)")
            Invariant.check(citation.paragraph.map(range.contains) ?? true, "paragraph \(citation.paragraph!)")
            Invariant.check(citation.item.map(range.contains) ?? true, "item \(citation.item!)")
        }

        /// Amounts are finite, non-negative and bounded; any `Double`, even one no text gives,
        /// can be described.
        static func amount(_ text: String, bytes: UnsafeBufferPointer<UInt8>) {
            for range in AmountRange.ranges(in: text) {
                for value in [range.lower, range.upper].compactMap({ $0 }) {
                    Invariant.check(
                        value.isFinite && value >= 0 && value <= AmountRange.maximumAmount,
                        "amount \(value) from \(range.text)")
                }
                Invariant.check(range.unit == "元" || range.unit == "倍", "unit \(range.unit)")
                Invariant.check(!range.text.isEmpty, "empty amount text")
                _ = range.description
            }
            let bits = bytes.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let value = Double(bitPattern: bits)
            _ = AmountRange(lower: value, upper: -value, unit: "元", text: text).description
        }

        /// A statute's penalty reads with bounded, non-negative fine ranges, survives a JSON round
        /// trip, and a level read from the same text is checked against it without trapping;
        /// the text split in two is a paragraph and an item.
        static func penalty(_ text: String) {
            let statute = StatutoryPenalty.read(text)
            for range in statute.fines + statute.responsiblePersonFines {
                for value in [range.lower, range.upper].compactMap({ $0 }) {
                    Invariant.check(
                        value.isFinite && value >= 0 && value <= AmountRange.maximumAmount,
                        "fine \(value) from \(range.text)")
                }
            }
            Invariant.check(statute.text.count <= StatutoryPenalty.maximumLength, "text longer than the limit")
            let encoded = try? JSONEncoder().encode(statute)
            let decoded = encoded.flatMap { try? JSONDecoder().decode(StatutoryPenalty.self, from: $0) }
            Invariant.check(decoded == statute, "JSON round trip changed the penalty")
            let check = LevelCheck.check(BenchmarkLevel(level: "一般", penalty: text), against: statute)
            Invariant.check(check.findings.allSatisfy { !$0.chineseDescription.isEmpty }, "an empty finding")
            _ = statute.chineseSummary
            let middle = text.index(text.startIndex, offsetBy: text.count / 2)
            _ = StatutoryPenalty.read(String(text[..<middle]), item: text.count % 7)
        }

        /// A query is an expression whose terms are all quoted for FTS5 (a quoted term may be
        /// a prefix, `"罚"*`), or a clear error.
        static func query(_ text: String) {
            do {
                let expression = try QueryParser().parse(text)
                Invariant.check(!expression.required.isEmpty, "an expression with nothing required")
                let count = expression.required.reduce(0) { $0 + $1.count } + expression.excluded.count
                Invariant.check(count <= QueryParser.maximumTerms, "\(count) terms")
                for term in expression.terms + expression.excluded {
                    Invariant.check(!term.isEmpty, "an empty term")
                    Invariant.check(term.unicodeScalars.count <= QueryParser.maximumLength, "a term longer than the query")
                }
                // Scalar by scalar: FTS5 reads bytes, so a quote followed by a combining mark is still a quote.
                var inString = false
                var outside = String.UnicodeScalarView()
                for scalar in expression.fts5.unicodeScalars {
                    if scalar == "\"" { inString.toggle() } else if !inString { outside.append(scalar) }
                }
                Invariant.check(!inString, "unbalanced quotes in \(expression.fts5)")
                let leftover = String(outside).replacingOccurrences(of: "AND", with: "").replacingOccurrences(of: "OR", with: "")
                    .replacingOccurrences(of: "NOT", with: "").filter { !"() *".contains($0) }
                Invariant.check(leftover.isEmpty, "unquoted text \(leftover) in \(expression.fts5)")
            } catch {
                Invariant.check(!error.description.isEmpty, "an empty error")
            }
        }
    }
#endif
