import Testing
import Yams

@testable import LawImport

@Suite("YAML scalars")
struct YAMLWriterTests {
    @Test(
        "plain when unambiguous, quoted when YAML would read something else",
        arguments: [
            ("违反明码标价规定", false),
            ("《中华人民共和国价格法》第四十二条", false),
            ("处5000元以下罚款", false),
            ("2022-10-25", true),
            ("5000", true),
            ("0.5", true),
            ("1e3", true),
            ("yes", true),
            ("否", false),
            ("null", true),
            ("~", true),
            ("注意: 见说明", true),
            ("见 #3", true),
            ("- 一般", true),
            ("*重点", true),
            ("\"引号\"开头", true),
            (" 前导空格", true),
            ("尾随空格 ", true),
            ("", true),
            ("a\tb", true),
        ])
    func quoting(value: String, quoted: Bool) throws {
        #expect(YAMLScalar.needsQuotes(value) == quoted)
        let yaml = "key: " + YAMLScalar.inline(value) + "\n"
        let node = try Yams.compose(yaml: yaml)
        #expect(node?.mapping?["key"]?.scalar?.string == value)
        if !value.isEmpty, !quoted {
            #expect(try Yams.load(yaml: yaml) as? [String: String] == ["key": value])
        }
    }

    @Test("multi-line values are literal blocks that read back exactly")
    func blocks() throws {
        let value = "《中华人民共和国行政处罚法》第三十三条第一款；\n\n  《中华人民共和国价格法》第四十二条: 处5000元以下罚款 #注"
        let block = try #require(YAMLScalar.block(value, indent: 6))
        let yaml = "items:\n  - id: X\n    basis: \(block.header)\n\(block.body)    measure: 责令改正\n"
        let node = try Yams.compose(yaml: yaml)
        let item = node?.mapping?["items"]?.sequence?.first?.mapping
        #expect(item?["basis"]?.string == value)
        #expect(item?["measure"]?.string == "责令改正")
        #expect(YAMLScalar.block(" 前导空格\n第二行", indent: 4) == nil)
    }
}
