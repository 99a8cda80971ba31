/// The frame every page shares: the document head with the style sheet, the top bar with
/// the navigation, the page's `main`, and a footer saying which edition this is.
enum PageFrame {
    /// The sections of the navigation, in order: their address and name.
    static let sections: [(path: String, label: String)] = [
        ("/", "检索"), ("/documents", "法规"), ("/lists", "清单"), ("/changes", "变更"), ("/deadlines", "期限"), ("/api", "API"),
    ]

    /// The section only an internal server has (``ComplianceRoutes``), after 期限.
    static let complianceSection: (path: String, label: String) = ("/compliance", "督导")

    /// The sections of a public or an internal server's navigation.
    static func sections(publicMode: Bool) -> [(path: String, label: String)] {
        guard !publicMode, let index = sections.firstIndex(where: { $0.path == "/deadlines" }) else { return sections }
        var sections = sections
        sections.insert(complianceSection, at: index + 1)
        return sections
    }

    /// A complete page: `<!DOCTYPE html>`, `lang="zh-CN"`, the style sheet, navigation
    /// (`current` marked as the page shown), `main` and the footer. A `wide` page (two texts
    /// side by side) uses more of a large screen.
    static func render(title: String, publicMode: Bool, current: String, main: HTML, wide: Bool = false) -> String {
        let page: HTML = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · 行政执法法规库</title>
            <style>\(HTML.styleSheet)</style>
            </head>
            <body\(wide ? " class=\"wide\"" as HTML : "")>
            <header class="top"><div class="bar">
            <a class="brand" href="/">行政执法法规库</a>
            \(navigation(current: current, publicMode: publicMode))
            </div></header>
            <main>
            \(main)
            </main>
            \(footer(publicMode: publicMode))
            </body>
            </html>

            """
        return page.markup
    }

    /// The main navigation, the section shown marked `aria-current="page"`; 督导 only on an
    /// internal server, the only one that serves it.
    private static func navigation(current: String, publicMode: Bool) -> HTML {
        let links = sections(publicMode: publicMode).map { section -> HTML in
            section.path == current
                ? "<a href=\"\(section.path)\" aria-current=\"page\">\(section.label)</a>"
                : "<a href=\"\(section.path)\">\(section.label)</a>"
        }
        return "<nav aria-label=\"主导航\">\(links.joined())</nav>"
    }

    /// What the corpus holds and whether this is the public or the internal edition.
    private static func footer(publicMode: Bool) -> HTML {
        let edition =
            publicMode
            ? "公开版：仅含公开信息，个人联系方式已隐去。"
            : "内部版：供执法人员使用，请勿对外转发。"
        return "<footer><p>收录乌司发〔2022〕11号《行政执法质量提升年实施方案》、其引用的法律法规和各部门公布的清单。标有“示例”的为演示数据，并非部门正式公布的内容。\(edition)</p></footer>"
    }
}
