import LawCorpus
import LawQuery

/// The search page's form: the words, the kind and document filters, and the list filters
/// (department, kind of list, day) folded away unless one is in use.
enum SearchForm {
    static func html(_ model: SearchPageModel) -> HTML {
        let open = model.department != nil || model.listKind != nil || model.asOf != nil || model.kind == DocumentKind.list.rawValue
        return """
            <form class="search" method="get" action="/" role="search">
            <label class="sr" for="q">检索词</label>
            \(queryInput(model.query))
            \(kindSelect(model))
            \(documentSelect(model))
            <button type="submit">检索</button>
            <details class="filters"\(open ? " open" : "")>
            <summary>清单筛选（部门、清单种类、施行日期）</summary>
            <div class="row">
            \(FormControls.select("department", label: "部门", all: "全部部门", given: model.department,
                                  choices: FormControls.departmentChoices(model.departments, given: model.department),
                                  keepingGiven: true))
            \(listKindSelect(model))
            \(FormControls.date("as_of", label: "施行于", value: model.asOf))
            </div>
            </details>
            </form>
            <p class="hint">空格分隔的词须同时出现；<code>OR</code> 连接的词出现其一即可；<code>-词</code> 排除含该词的条文；<code>"…"</code> 视为整体短语。中文无需空格。</p>

            """
    }

    /// The words to find, as typed.
    private static func queryInput(_ query: String) -> HTML {
        let hints: HTML = "maxlength=\"\(QueryParser.maximumLength)\" placeholder=\"例如：违法行为轻微 及时改正\" autocomplete=\"off\""
        return "<input id=\"q\" type=\"search\" name=\"q\" value=\"\(query)\" \(hints)>"
    }

    /// The kinds of document: plan, regulation, list.
    private static func kindSelect(_ model: SearchPageModel) -> HTML {
        let choices = SearchRequest.kinds.map { Choice($0.rawValue, $0.chineseName, selected: model.kind == $0.rawValue) }
        return FormControls.select("kind", label: "文件类型", all: "全部类型", given: model.kind, choices: choices)
    }

    /// The documents by the name people use, the plan marked as such.
    private static func documentSelect(_ model: SearchPageModel) -> HTML {
        let choices = model.documents.map { document in
            let value = document.shortName ?? document.title
            return Choice(
                value, document.kind == .plan ? "\(value)（\(DocumentKind.plan.chineseName)）" : value,
                selected: model.document == value || model.document == document.title)
        }
        return FormControls.select(
            "document", label: "文件", all: "全部文件", given: model.document, choices: choices,
            keepingGiven: true)
    }

    /// The kinds of list, an alias given (免罚清单) chosen as its canonical kind.
    private static func listKindSelect(_ model: SearchPageModel) -> HTML {
        let listKind = model.listKind.map { ListKind.resolve($0)?.rawValue ?? $0 }
        return FormControls.select(
            "list_kind", label: "清单种类", all: "全部清单", given: listKind,
            choices: FormControls.kindChoices(ListKind.allCases.map(\.rawValue), given: listKind),
            keepingGiven: true)
    }
}
