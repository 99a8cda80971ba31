/// `/api`: the JSON API explained for people, in Chinese, made from the route table itself so
/// it lists exactly the routes served (the machine-readable description is `/openapi.json`).
enum APIGuidePage {
    /// What each operation answers, by `operationID`; a route missing here shows its English summary.
    static let summaries: [String: String] = [
        "search": "全文检索：方案、法律条文和清单事项，摘要中 […] 标出命中的词。",
        "ask": "用一句话提问（如“市监局不予处罚清单有哪些”），返回如何理解这个问题和结构化的答案。",
        "article": "按条文序号取法律的一条。",
        "cite": "识别一处引用（如《行政处罚法》第三十三条第二款），返回所引条文。",
        "deadlines": "实施方案规定的工作时限，最近的在前。",
        "documents": "收录的文件及其版本、日期和效力。",
        "departments": "部门名录、可用的简称，以及各部门公布的清单版本数。",
        "lists": "全部清单版本，及其日期和是否现行。",
        "list": "某部门某种清单在某日施行的版本及其全部事项。",
        "changes": "清单各版本之间的变化：新增、删除、逐字段修改的事项（field 为字段路径，label 为中文名称）。",
        "citedBy": "引用某一条文的清单事项、方案段落和法律条文。",
        "compare": "法律两个版本的新旧对照：按内容对应的条文（未修改、仅条号变化、修改，含拆分、合并）及逐字差异，新增和删除的条文。",
        "openapi": "本 API 的机器可读说明（OpenAPI 3.1），可导入各种 API 工具。",
    ]

    /// What each parameter means, by name, or by `operationID.name` where one route uses the name otherwise.
    static let parameters: [String: String] = [
        "q": "检索词或问题：空格分隔的词须同时出现，OR 连接的词出现其一即可，-词 排除，\"…\" 为整体短语。",
        "cite.q": "一处引用：全称或简称，中文或阿拉伯数字，可到款、项。",
        "ask.q": "用一句话提出的问题：部门、清单种类、法律条文、日期都可以按平常的说法写。",
        "kind": "文件类型：plan 实施方案、regulation 法律法规、list 清单。",
        "list.kind": "清单种类：名称或简称（不予处罚事项清单、免罚清单、裁量基准）。",
        "changes.kind": "只看该种清单：名称或简称（裁量基准）。",
        "changes.department": "只看该部门的清单：全称、简称或编号。",
        "document": "法律：全称、简称或文号。",
        "department": "部门：全称、简称（市监局）或编号（scjg）。",
        "list_kind": "清单种类：名称或简称（免罚清单、裁量基准）。",
        "as_of": "日期（YYYY-MM-DD）：使用当日施行的清单版本，默认今日（北京时间）。",
        "limit": "每页条数。",
        "offset": "跳过的条数，用于翻页。",
        "number": "条文序号：33、第33条 或 第三十三条。",
        "since": "只看该日（YYYY-MM-DD）之后施行的新版本。",
        "from": "比较该日现行的版本（与 to 同用）…",
        "to": "… 与该日现行的版本（与 from 同用）。",
        "compare.from": "对照的旧版本（如 2017），默认为现行版本的上一版本。",
        "compare.to": "对照的新版本（如 2021），默认为现行版本。",
        "version": "法律的版本（如 2017），默认为现行版本。",
        "article.as_of": "日期（YYYY-MM-DD）：按现行（或 version 所指）版本的条号，取当日施行版本中对应的条文。",
        "cite.as_of": "日期（YYYY-MM-DD）：引用未写明版本时，按当日施行的法律版本解读。",
        "citedBy.as_of": "日期（YYYY-MM-DD）：使用当日施行的清单版本，条文取当日施行的法律版本中对应的一条；默认今日。",
        "search.as_of": "日期（YYYY-MM-DD）：检索当日施行的清单版本和法律版本，默认今日。",
    ]

    /// The error codes a client may meet, with what they mean.
    static let errorCodes: [(code: String, meaning: String)] = [
        ("invalid_parameter", "参数缺失、格式不对或超出范围（400）。"),
        ("empty_query", "没有检索词（400）。"),
        ("unknown_document", "没有这个文件；message 中给出最接近的名称（404）。"),
        ("unknown_department", "没有这个部门；message 中给出最接近的名称（404）。"),
        ("no_such_article", "该法律没有这一条（404）。"),
        ("no_counterpart", "所问日期施行的版本中没有与该条对应的条文（后来新增或已删除，404）。"),
        ("no_such_list", "该部门没有这种清单，或当日没有施行的版本（404）。"),
        ("rate_limited", "请求过于频繁，按 Retry-After 头所示秒数后再试（429）。"),
        ("query_timeout", "检索耗时过长被停止，请换用更具体的词（503）。"),
        ("unavailable", "索引暂时无法回答，稍后再试（503）。"),
    ]

    /// The page describing the JSON routes among `routes`.
    static func render(_ routes: [Route], publicMode: Bool) -> String {
        let sections = routes.filter { $0.audience == .api }.map(section)
        let codes = errorCodes.map { code -> HTML in
            "<tr><th scope=\"row\"><code>\(code.code)</code></th><td>\(code.meaning)</td></tr>"
        }
        let publicNote: HTML =
            publicMode
            ? "<p class=\"notice\">这是公开版服务：个人号码已隐去，只提供公开的清单，每个客户端的请求频率有限制，API 可跨域读取。</p>\n"
            : ""
        let main: HTML = """
            <h1>API 使用说明</h1>
            <p>本库的全部内容都可以用程序读取：每个地址只接受 GET（和 HEAD）请求，返回 JSON，内容与命令行 <code>lawkb … --json</code> 的输出相同。JSON 的键名是英文，供程序使用；文字内容和错误说明是中文。</p>
            \(publicNote)<p>机器可读的完整说明（OpenAPI 3.1）：\(HTML.link("/openapi.json", "/openapi.json"))。</p>
            <h2>出错时</h2>
            <p>出错时返回相应的 HTTP 状态码和 <code>{"error":{"code":"…","message":"…"}}</code>：\
            <code>code</code> 是固定的英文代码，供程序判断；<code>message</code> 是给人看的中文说明。</p>
            <div class="table-scroll"><table class="codes">
            <tbody>
            \(codes.joined(separator: "\n"))
            </tbody>
            </table></div>
            <h2>地址一览</h2>
            \(sections.joined())
            """
        return PageFrame.render(title: "API 使用说明", publicMode: publicMode, current: "/api", main: main)
    }

    /// The example address as people read it: the parameters' examples not percent-encoded.
    static func readableExample(_ route: Route) -> String {
        var target = route.path
        var query: [String] = []
        for parameter in route.parameters {
            switch parameter.location {
            case .path: target = target.replacingOccurrences(of: "{\(parameter.name)}", with: parameter.example)
            case .query where parameter.required: query.append("\(parameter.name)=\(parameter.example)")
            case .query: break
            }
        }
        return query.isEmpty ? target : target + "?" + query.joined(separator: "&")
    }

    /// One route: its address, what it answers, its parameters and an example that answers.
    private static func section(_ route: Route) -> HTML {
        let summary = summaries[route.operationID] ?? route.summary
        let rows = route.parameters.map { parameterRow($0, of: route) }
        let table: HTML =
            rows.isEmpty
            ? "<p class=\"list-note\">无参数。</p>\n"
            : """
            <div class="table-scroll"><table class="parameters stack">
            \(Tables.head(["参数", "位置", "含义"]))
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table></div>

            """
        return """
            <section class="endpoint">
            <h3><code>GET \(route.path)</code></h3>
            <p>\(summary)</p>
            \(table)<p class="example">示例：\(HTML.link(route.exampleTarget, readableExample(route)))</p>
            </section>

            """
    }

    /// One parameter: its name, where it goes, whether it is required, what it means, an example.
    private static func parameterRow(_ parameter: RouteParameter, of route: Route) -> HTML {
        let meaning = parameters["\(route.operationID).\(parameter.name)"] ?? parameters[parameter.name] ?? parameter.description
        let required = parameter.required ? "必填" : "可选"
        let place = parameter.location == .path ? "路径" : "查询"
        return """
            <tr><th scope="row"><code>\(parameter.name)</code></th>\
            <td class="rule">\(place) · \(required)</td>\
            <td>\(meaning)<div class="rule">例：\(parameter.example)</div></td></tr>
            """
    }
}
