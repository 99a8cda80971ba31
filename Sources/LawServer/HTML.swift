import LawQuery

/// Building blocks of the web pages: escaping, the page frame and its style sheet, labels.
///
/// Every piece of data goes through ``escape(_:)`` (or ``snippet(_:)``, which escapes
/// first); markup is only ever written by these helpers.
public enum HTML {
    /// `text` safe inside element content and quoted attribute values.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A search snippet: escaped, its matches wrapped in `<mark>`.
    public static func snippet(_ text: String) -> String {
        Highlight.render(escape(text), open: "<mark>", close: "</mark>")
    }

    /// A link; `href` is escaped here.
    public static func link(_ href: String, _ label: String, attributes: String = "") -> String {
        "<a href=\"\(escape(href))\"\(attributes.isEmpty ? "" : " " + attributes)>\(escape(label))</a>"
    }

    /// The `示例` label for records whose `status` is `sample`, or nothing.
    public static func sampleLabel(status: String?) -> String {
        status == "sample" ? "<span class=\"sample\" title=\"示例数据，非正式公布内容\">示例</span>" : ""
    }

    /// The Chinese name of a kind of document.
    public static func kindName(_ kind: String) -> String {
        switch kind {
        case "plan": return "实施方案"
        case "regulation": return "法律法规"
        case "list": return "清单"
        default: return kind
        }
    }

    /// The address of an article's page.
    public static func articlePath(document: String, article: Int) -> String {
        "/articles/\(QueryString.encode(document))/\(article)"
    }

    /// A complete page: `<!DOCTYPE html>`, `lang="zh-CN"`, the style sheet, navigation,
    /// `main` and a footer saying whether this is the public edition.
    public static func page(title: String, publicMode: Bool, current: String, main: String) -> String {
        func navigation(_ href: String, _ label: String) -> String {
            href == current
                ? "<a href=\"\(href)\" aria-current=\"page\">\(label)</a>"
                : "<a href=\"\(href)\">\(label)</a>"
        }
        let edition = publicMode
            ? "公开版：仅含公开信息，个人联系方式已隐去。"
            : "内部版：供执法人员使用，请勿对外转发。"
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · 行政执法法规库</title>
            <style>\(styleSheet)</style>
            </head>
            <body>
            <header class="top"><div class="bar">
            <a class="brand" href="/">行政执法法规库</a>
            <nav aria-label="主导航">\(navigation("/", "检索"))\(navigation("/deadlines", "工作时限"))<a href="/openapi.json">API</a></nav>
            </div></header>
            <main>
            \(main)
            </main>
            <footer><p>收录乌司发〔2022〕11号《行政执法质量提升年实施方案》及其引用的法律法规。\(edition)</p></footer>
            </body>
            </html>

            """
    }

    /// The style sheet, inline (no external files, allowed by the page's CSP).
    static let styleSheet = """
        :root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--accent:#0b4f8a;--bg:#f5f7fa}
        *{box-sizing:border-box}
        body{margin:0;color:var(--ink);background:var(--bg);font:16px/1.7 "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
        a{color:var(--accent)}
        .top{background:var(--accent);color:#fff}
        .bar{max-width:56rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem}
        .brand{color:#fff;font-weight:700;font-size:1.15rem;text-decoration:none}
        .top nav a{color:#fff;margin-left:1.2rem;text-decoration:none;opacity:.85}
        .top nav a[aria-current=page]{opacity:1;border-bottom:2px solid #fff}
        main{max-width:56rem;margin:0 auto;padding:1.2rem 1rem 2rem;background:#fff;min-height:60vh}
        h1{font-size:1.5rem;margin:.2rem 0 1rem}
        h2{font-size:1.1rem;margin:0}
        form.search{display:flex;flex-wrap:wrap;gap:.5rem;margin-bottom:.4rem}
        form.search input[type=search]{flex:1 1 18rem;font:inherit;padding:.45rem .7rem;border:1px solid #9aa5b1;border-radius:4px}
        form.search select,form.search button{font:inherit;padding:.45rem .6rem;border:1px solid #9aa5b1;border-radius:4px;background:#fff}
        form.search button{background:var(--accent);border-color:var(--accent);color:#fff;padding:.45rem 1.2rem;cursor:pointer}
        .hint{color:var(--muted);font-size:.85rem;margin:.2rem 0 1.2rem}
        .hint code{background:var(--bg);padding:0 .25rem;border-radius:3px}
        .summary{color:var(--muted);border-bottom:1px solid var(--line);padding-bottom:.5rem}
        ol.results{list-style:none;padding:0;margin:0}
        ol.results li{padding:.8rem 0;border-bottom:1px solid var(--line)}
        .where{color:var(--muted);font-size:.85rem;margin:.1rem 0 .3rem}
        .snippet{margin:0;white-space:pre-line}
        mark{background:#ffe58f;color:inherit;padding:0 .05em}
        .kind{display:inline-block;font-size:.75rem;color:var(--accent);border:1px solid var(--accent);border-radius:3px;padding:0 .3rem;margin-right:.4rem;vertical-align:.1em}
        .sample{display:inline-block;font-size:.75rem;color:#8a4b00;background:#fff3d6;border:1px solid #e5a53b;border-radius:3px;padding:0 .3rem;margin-left:.4rem}
        .pager{display:flex;justify-content:space-between;align-items:center;margin-top:1rem}
        .error{background:#fdecea;border-left:4px solid #c62828;padding:.6rem .9rem;margin:1rem 0}
        .crumbs{font-size:.85rem;color:var(--muted);margin-bottom:.4rem}
        .meta{color:var(--muted);margin-top:-.6rem}
        .law-text p{margin:.4rem 0;text-indent:2em}
        .neighbours{display:flex;justify-content:space-between;margin:1.5rem 0 0;padding-top:.8rem;border-top:1px solid var(--line)}
        section.citing{margin-top:2rem;padding:1rem;background:var(--bg);border:1px solid var(--line);border-radius:4px}
        section.citing ul{margin:.5rem 0 0;padding-left:1.2rem}
        table{border-collapse:collapse;width:100%;font-size:.92rem}
        th,td{border-bottom:1px solid var(--line);padding:.45rem .4rem;text-align:left;vertical-align:top}
        th{background:var(--bg);white-space:nowrap}
        td.due{white-space:nowrap;font-variant-numeric:tabular-nums}
        .rule{color:var(--muted);font-size:.85rem}
        .documents td:last-child{text-align:right;white-space:nowrap}
        footer{max-width:56rem;margin:0 auto;padding:1rem;color:var(--muted);font-size:.8rem}
        .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        """
}
