import Testing

@testable import LawCorpus

/// Text bound for a terminal shows control characters instead of obeying them.
@Suite("Control characters") struct ControlCharactersTests {
    @Test func controlCharactersAreWrittenAsEscapes() {
        #expect(ControlCharacters.escaped("a\u{1B}[2Jb") == #"a\u{1B}[2Jb"#)
        #expect(ControlCharacters.escaped("一\n二\t三\u{7F}\u{9B}") == #"一\u{0A}二\u{09}三\u{7F}\u{9B}"#)
        #expect(ControlCharacters.escaped("名\u{202E}txt.yaml") == #"名\u{202E}txt.yaml"#)
        #expect(ControlCharacters.escaped("\u{2028}") == #"\u{2028}"#)
    }

    @Test func keptCharactersAndOrdinaryTextAreUnchanged() {
        #expect(ControlCharacters.escaped("第一条\n第二条\t注", keeping: ["\n", "\t"]) == "第一条\n第二条\t注")
        let ordinary = "《中华人民共和国行政处罚法》第三十三条 ＡＢＣ😀 é"
        #expect(ControlCharacters.escaped(ordinary) == ordinary)
    }

    @Test func corpusErrorsAreOneVisibleLine() {
        let error = CorpusError(file: "lists/\u{1B}]0;x\u{7}.yaml", line: 3, message: "unknown department '甲\n乙'")
        #expect(error.description == #"lists/\u{1B}]0;x\u{07}.yaml:3: unknown department '甲\u{0A}乙'"#)
        #expect(error.file == "lists/\u{1B}]0;x\u{7}.yaml")
    }

    @Test func planYearsAreBounded() throws {
        let sidecar = try Sidecar(file: "plan.yaml", yaml: "year: 99999\n")
        #expect(throws: CorpusError(file: "plan.yaml", line: 1, message: "“year”应为 1900 至 2200 之间的年份，而不是 99999")) {
            try sidecar.year("year")
        }
        #expect(try Sidecar(file: "plan.yaml", yaml: "year: 2022\n").year("year") == 2022)
    }
}
