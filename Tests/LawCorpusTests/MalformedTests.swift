import Foundation
import Testing

@testable import LawCorpus

@Suite("Malformed files") struct MalformedTests {
    static let valid = """
        # 测试条例

        2022年1月1日 国务院令第1号公布

        <!-- INFO END -->

        ## 第一章　总则

        第一条 为了测试，制定本条例。

        第二条 本条例自2022年3月1日起施行。

        """

    /// Loads a scratch corpus holding one regulation `text` (and optionally its sidecar).
    func load(_ text: String, sidecar: String? = nil) throws -> (Result<Corpus, CorpusError>, String, String) {
        let root = try Fixture.scratchCorpus()
        try Fixture.write(text, to: "regulations/测试条例(2022).md", in: root)
        if let sidecar { try Fixture.write(sidecar, to: "regulations/测试条例(2022).yaml", in: root) }
        let result = Result { () throws(CorpusError) -> Corpus in try CorpusLoader(root: root.path).load() }
        return (
            result, Fixture.reported("regulations/测试条例(2022).md", in: root),
            Fixture.reported("regulations/测试条例(2022).yaml", in: root)
        )
    }

    func error(_ result: Result<Corpus, CorpusError>) -> CorpusError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    @Test func validFileLoadsWithDerivedMetadata() throws {
        let (result, _, _) = try load(Self.valid)
        let corpus = try result.get()
        let metadata = try #require(corpus.regulations.first?.metadata)
        #expect(
            metadata
                == RegulationMetadata(
                    title: "测试条例", shortNames: [], issuer: "国务院", category: "行政法规",
                    promulgated: CalendarDate(iso: "2022-01-01"), effective: CalendarDate(iso: "2022-03-01"),
                    status: "现行有效", version: "2022"))
        #expect(corpus.regulations[0].articles[1].citations.isEmpty)
    }

    @Test func missingTitle() throws {
        let (result, file, _) = try load(Self.valid.replacingOccurrences(of: "# 测试条例\n", with: ""))
        let failure = try #require(error(result))
        #expect(failure.file == file)
        #expect(failure.line == 1)
        #expect(failure.description.hasPrefix("\(file):1: "))
    }

    @Test func duplicateArticleNumber() throws {
        let text = Self.valid.replacingOccurrences(of: "第二条 本条例", with: "第一条 本条例")
        let (result, file, _) = try load(text)
        let failure = try #require(error(result))
        #expect(failure.file == file)
        #expect(failure.line == 11)
        #expect(failure.message.contains("条号重复"))
    }

    @Test func gapInArticleNumbers() throws {
        let text = Self.valid.replacingOccurrences(of: "第二条 本条例", with: "第四条 本条例")
        let (result, file, _) = try load(text)
        let failure = try #require(error(result))
        #expect(failure.file == file)
        #expect(failure.line == 11)
        #expect(failure.message.contains("2…3"))
    }

    @Test func articlesOutOfOrder() throws {
        let text = Self.valid.replacingOccurrences(of: "第一条 为了", with: "第二条 为了")
            .replacingOccurrences(of: "第二条 本条例", with: "第一条 本条例")
        let (result, _, _) = try load(text)
        #expect(error(result)?.line == 9)
    }

    @Test func noArticles() throws {
        let (result, file, _) = try load("# 测试条例\n\n只有文字。\n")
        let failure = try #require(error(result))
        #expect(failure.file == file)
        #expect(failure.message.contains("没有条文"))
    }

    @Test func badSidecarDate() throws {
        let sidecar = "title: 测试条例\nissuer: 国务院\npromulgated: 2022-02-30\n"
        let (result, _, yaml) = try load(Self.valid, sidecar: sidecar)
        let failure = try #require(error(result))
        #expect(failure.file == yaml)
        #expect(failure.line == 3)
        #expect(failure.message.contains("promulgated"))
    }

    @Test func sidecarDateInAnotherFormat() throws {
        let (result, _, yaml) = try load(Self.valid, sidecar: "effective: 2022年3月1日\n")
        #expect(
            error(result)
                == CorpusError(
                    file: yaml, line: 1,
                    message: "'effective' must be a date written YYYY-MM-DD with a year "
                        + "from 1900 to 2200, not '2022年3月1日'"))
    }

    @Test func invalidYAML() throws {
        let (result, _, yaml) = try load(Self.valid, sidecar: "title: 测试条例\nshort_names: [a, b\nissuer: x\n")
        let failure = try #require(error(result))
        #expect(failure.file == yaml)
        #expect(failure.line != nil)
        #expect(failure.message.hasPrefix("YAML 格式有误"))
    }

    @Test func sidecarThatIsNotAMapping() throws {
        let (result, _, yaml) = try load(Self.valid, sidecar: "- 测试条例\n")
        #expect(error(result)?.file == yaml)
    }

    @Test func invalidUTF8() throws {
        let root = try Fixture.scratchCorpus()
        var bytes = Data(Self.valid.utf8)
        bytes.insert(contentsOf: [0xFF, 0xFE, 0xC3], at: bytes.count - 4)
        let url = root.appendingPathComponent("regulations/坏文件(2022).md")
        try bytes.write(to: url)
        #expect(throws: CorpusError.self) { try CorpusLoader(root: root.path).load() }
        do {
            _ = try CorpusLoader(root: root.path).load()
        } catch {
            #expect(error.file == Fixture.reported("regulations/坏文件(2022).md", in: root))
            #expect(error.line == 11)
            #expect(error.message.contains("UTF-8"))
        }
    }

    @Test func missingCorpusDirectory() {
        #expect(throws: CorpusError.self) { try CorpusLoader(root: "/nonexistent/Corpus").load() }
    }

    @Test func textOutsideArticlesAndUnknownHeadingsAreWarnings() throws {
        let text = Self.valid.replacingOccurrences(of: "## 第一章　总则", with: "序言文字\n\n## 目录\n\n## 第一章　总则")
        let (result, _, _) = try load(text)
        let corpus = try result.get()
        #expect(corpus.warnings.count == 2)
        #expect(corpus.regulations[0].headings.count == 1)
    }
}
