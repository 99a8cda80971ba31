import LawCorpus
import Testing

/// The vocabularies of the corpus: each word's code (its JSON form), its Chinese label, and
/// the names people type for it.
struct VocabularyTests {
    @Test func listStatusesHaveTheirChineseLabelsAndReadEitherSpelling() {
        #expect(ListStatus.official.chineseName == "正式")
        #expect(ListStatus.sample.chineseName == "示例")
        #expect(ListStatus.resolve("sample") == .sample)
        #expect(ListStatus.resolve("示例") == .sample)
        #expect(ListStatus.resolve(" Official ") == .official)
        #expect(ListStatus.resolve("正式") == .official)
        #expect(ListStatus.resolve("现行有效") == nil)
        #expect(ListStatus.resolve("") == nil)
    }

    @Test func aComparisonIsSampleWhenEitherVersionIs() {
        #expect(ListStatus.combined(.official, .official) == .official)
        #expect(ListStatus.combined(.official, .sample) == .sample)
        #expect(ListStatus.combined(.sample, .official) == .sample)
    }

    @Test func deadlineKindsHaveTheLabelsTheDeadlinesPageShows() {
        #expect(DeadlineKind.allCases.map(\.chineseName) == ["限期", "相对期限", "定期"])
    }

    @Test func documentKindsReadTheirCodesChineseNamesAndAliases() {
        #expect(DocumentKind.resolve("regulation") == .regulation)
        #expect(DocumentKind.resolve("PLAN") == .plan)
        #expect(DocumentKind.resolve("法律法规") == .regulation)
        #expect(DocumentKind.resolve("法规") == .regulation)
        #expect(DocumentKind.resolve("实施方案") == .plan)
        #expect(DocumentKind.resolve("清单") == .list)
        #expect(DocumentKind.resolve("novel") == nil)
        #expect(DocumentKind.resolve("") == nil)
    }

    @Test func textShowsTheCodeAsJSONWritesIt() throws {
        // Interpolated into text, a word reads as its code (or, for a kind of list, its name),
        // never as the Swift case name.
        #expect("\(DocumentKind.regulation)" == "regulation")
        #expect("\(ListStatus.sample)" == "sample")
        #expect("\(DeadlineKind.recurring)" == "recurring")
        #expect("\(ListKind.noPenalty)" == "不予处罚事项清单")
    }
}
