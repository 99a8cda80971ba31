import Foundation
import LawIndex
import LawTestSupport

/// Paths of the repository and a scratch directory for one test.
enum Fixture {
    /// The repository root.
    static let repository = TestRepository.root

    /// The shipped corpus.
    static let corpus = TestRepository.corpus

    /// A fresh empty directory under the system temporary directory.
    static func scratchDirectory() throws -> URL {
        try TestRepository.scratchDirectory("lawkb-index-tests")
    }

    /// A copy of the shipped corpus that a test may damage.
    static func corpusCopy() throws -> URL {
        try TestRepository.corpusCopy("lawkb-index-tests")
    }

    /// The shipped corpus, indexed once per test run.
    static let shared: (report: IndexReport, knowledgeBase: KnowledgeBase) =
        (SharedIndex.full.report, try! KnowledgeBase(path: SharedIndex.full.path))
}

extension Fixture {
    /// A public list, written for these tests, with personal numbers in every column a
    /// route can show: the list's title and note, an item's name, conduct, conditions,
    /// measure, note, benchmark levels and the department's own columns.
    static let listWithPersonalNumbers = """
        department: 乌审旗嘎鲁图镇人民政府
        kind: 重点监管事项清单
        title: 乌审旗嘎鲁图镇人民政府重点监管事项清单（监管热线0477-8123456）
        version: 2022-06-01
        published: 2022-06-02
        status: sample
        public: true
        note: 咨询：镇综合执法办 150.4713.4088；监督电话（0477）8123456。
        items:
          - id: GLTZ-ZDJG-001
            name: 对农村自建房施工安全的监管（网格员150 47134088）
            conduct: 农村自建房施工现场未设置安全防护设施
            basis: 《中华人民共和国行政处罚法》第二十四条
            conditions: 网格员巡查发现后报告，巡查电话150-4713-4088
            measure: 责令改正；拒不改正的，移交有关部门依法处理
            note: 承办人身份证号150102 19900101 123X，旧证150102900101123。
            levels:
              - level: 一般
                circumstances: 经网格员（电话150\u{00A0}4713\u{00A0}4088）提醒后仍未改正的
                penalty: 处2000元以上1万元以下罚款
            fields:
              联系电话: 150-4713-4088
              举报电话: （0477）8123456
              负责人: 王某某 0477 8123456
        """

    /// A copy of the shipped corpus with ``listWithPersonalNumbers`` added.
    static func corpusWithPersonalNumbers() throws -> URL {
        let corpus = try corpusCopy()
        let folder = corpus.appendingPathComponent("lists/gltz/重点监管事项清单")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try listWithPersonalNumbers.write(
            to: folder.appendingPathComponent("2022-06-01.yaml"), atomically: true, encoding: .utf8)
        return corpus
    }

    /// ``corpusWithPersonalNumbers()`` indexed once as a full and once as a public index.
    static let bothArtifacts: (corpus: URL, full: IndexReport, public: IndexReport) = {
        let corpus = try! corpusWithPersonalNumbers()
        let index = corpus.deletingLastPathComponent().appendingPathComponent("Index")
        let full = try! IndexBuilder(corpusRoot: corpus.path)
            .build(to: index.appendingPathComponent("lawkb.sqlite").path)
        let published = try! IndexBuilder(corpusRoot: corpus.path, artifact: .public)
            .build(to: index.appendingPathComponent("lawkb-public.sqlite").path)
        return (corpus, full, published)
    }()
}
