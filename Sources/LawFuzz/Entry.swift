import Foundation

#if LAWKB_LIBFUZZER
    /// libFuzzer's driver (`-sanitize=fuzzer` links it in): parses the fuzzer's options from the
    /// command line and calls `body` for every input it generates.
    @_silgen_name("LLVMFuzzerRunDriver")
    private func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// The fuzzer: libFuzzer runs the target named by `LAWKB_FUZZ_TARGET` on input after input.
    /// Built only by `Benchmarks/fuzz.sh` (`-sanitize=fuzzer -D LAWKB_LIBFUZZER`). The package's
    /// own `main` hands over to libFuzzer's driver, as an executable target cannot use
    /// libFuzzer's `main`.
    @main
    enum Fuzzer {
        static func main() {
            guard FuzzTarget.selected != nil else {
                let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
                FileHandle.standardError.write(Data("set \(FuzzTarget.variable) to one of: \(names)\n".utf8))
                exit(2)
            }
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(
                runFuzzerDriver(&argc, &argv) { data, size in
                    FuzzTarget.selected!.run(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
                    return 0
                })
        }
    }
#elseif DEBUG
    /// Without libFuzzer: replays inputs (crash files, seeds) through the target named by
    /// `LAWKB_FUZZ_TARGET`, one file per argument, so a crash found by the fuzzer can be rerun
    /// in a debugger or after a fix: `LAWKB_FUZZ_TARGET=numeral swift run LawFuzz crash-…`.
    @main
    enum Replay {
        static func main() {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            guard let target = FuzzTarget.selected else {
                FileHandle.standardError.write(Data("set \(FuzzTarget.variable) to one of: \(names)\n".utf8))
                exit(2)
            }
            let files = CommandLine.arguments.dropFirst()
            guard !files.isEmpty else {
                FileHandle.standardError.write(Data("usage: \(FuzzTarget.variable)=<\(names)> LawFuzz FILE…\n".utf8))
                exit(2)
            }
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("\(file): cannot be read\n".utf8))
                    exit(1)
                }
                data.withUnsafeBytes { raw in target.run(raw.bindMemory(to: UInt8.self)) }
                print("\(file): ok")
            }
        }
    }
#else
    /// A release build without libFuzzer: the targets need modules built for testing, which
    /// only debug builds and `Benchmarks/fuzz.sh` make.
    @main
    enum Unavailable {
        static func main() {
            FileHandle.standardError.write(
                Data(
                    "LawFuzz runs in a debug build (swift run LawFuzz FILE…) or through Benchmarks/fuzz.sh\n".utf8))
            exit(2)
        }
    }
#endif
