// The targets reach the corpus parsers' internal entry points, as the tests do: they are
// compiled where the modules are built for testing, in debug builds and by Benchmarks/fuzz.sh.
#if DEBUG || LAWKB_LIBFUZZER
    import Foundation

    /// The parsers lawkb fuzzes, one per run, chosen by the environment variable
    /// `LAWKB_FUZZ_TARGET`. Each target feeds one input to its parser and checks what comes back:
    /// not only that nothing traps, but that the result keeps the parser's promises (offsets on
    /// character boundaries, numbers in range, dates that exist, errors on one line).
    enum FuzzTarget: String, CaseIterable, Sendable {
        /// `ChineseNumeral.read`, checked against the formatter and Arabic digits.
        case numeral
        /// ISO dates, dates in text (`2022年10月31日`), deadlines and day arithmetic.
        case date
        /// Citations in text (`《行政处罚法》第三十三条第一款`), typed citations, out-of-range numbers.
        case citation
        /// Money and multiple ranges in penalty text (`1000元以上5000元以下`).
        case amount
        /// A statute's penalty (kinds, fine ranges, references) and a benchmark level checked against it.
        case penalty
        /// The search query syntax.
        case query
        /// The Han tokenizer on raw bytes, in both modes.
        case tokenizer
        /// One list version file (`Corpus/lists/…/*.yaml`).
        case listyaml
        /// A department's CSV table.
        case csv
        /// A department's `.xlsx` workbook.
        case xlsx
        /// A regulation's text (`Corpus/regulations/*.md`).
        case regulation
        /// A plan's text (`Corpus/plan/*.txt`) and its deadlines.
        case plan
        /// The working-day calendar (`Corpus/calendar/workdays.yaml`) and its counts.
        case workdays

        /// The environment variable naming the target.
        static let variable = "LAWKB_FUZZ_TARGET"

        /// The target named by ``variable``; `nil` when it is unset or names no target. Read once:
        /// the fuzzer asks for it on every input.
        static let selected: FuzzTarget? = ProcessInfo.processInfo.environment[variable].flatMap(FuzzTarget.init(rawValue:))

        /// Runs the target's parser on `input` and checks its invariants; a broken invariant stops
        /// the process (see ``Invariant``), which the fuzzer records as a crash with its input.
        func run(_ input: UnsafeBufferPointer<UInt8>) {
            switch self {
            case .tokenizer: TokenizerTarget.run(input)
            case .csv: TableTargets.csv(Data(buffer: input))
            case .xlsx: TableTargets.xlsx(Data(buffer: input))
            default:
                let text = String(decoding: input, as: UTF8.self)
                switch self {
                case .numeral: TextTargets.numeral(text)
                case .date: TextTargets.date(text, bytes: input)
                case .citation: TextTargets.citation(text)
                case .amount: TextTargets.amount(text, bytes: input)
                case .penalty: TextTargets.penalty(text)
                case .query: TextTargets.query(text)
                case .listyaml: TableTargets.listYAML(text)
                case .regulation: DocumentTargets.regulation(text)
                case .plan: DocumentTargets.plan(text)
                case .workdays: CalendarTarget.workdays(text)
                case .tokenizer, .csv, .xlsx: break
                }
            }
        }
    }

    /// Checks made by the targets. A failed check prints what was expected and aborts, so that
    /// libFuzzer (or the replay runner) reports the input that broke it.
    enum Invariant {
        static func check(
            _ condition: Bool, _ message: @autoclosure () -> String,
            file: StaticString = #fileID, line: UInt = #line
        ) {
            guard !condition else { return }
            FileHandle.standardError.write(Data("invariant broken at \(file):\(line): \(message())\n".utf8))
            abort()
        }

        /// Whether `text` is one line with no control character: what every error description
        /// must be, whatever file name or text it quotes.
        static func isOneVisibleLine(_ text: String) -> Bool {
            !text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        }
    }
#endif
