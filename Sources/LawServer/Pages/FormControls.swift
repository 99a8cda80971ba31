import LawQuery

/// One choice of a filter's `<select>`: the value sent, the label shown, whether it is chosen.
struct Choice {
    var value: String
    var label: String
    var selected: Bool

    init(_ value: String, _ label: String? = nil, selected: Bool) {
        self.value = value
        self.label = label ?? value
        self.selected = selected
    }
}

/// The controls the filter forms share (search, lists, changes).
enum FormControls {
    /// `<option value="…" selected>label</option>`.
    static func option(_ choice: Choice) -> HTML {
        "<option value=\"\(choice.value)\"\(choice.selected ? " selected" as HTML : "")>\(choice.label)</option>"
    }

    /// A filter: an empty option `all` (chosen when nothing is `given`), then `choices`. With
    /// `keepingGiven`, a `given` value that no choice matches is offered too, chosen, so the
    /// form shows what was asked even when it is not among the choices.
    static func select(
        _ name: String, label: String, all: String, given: String?, choices: [Choice],
        keepingGiven: Bool = false
    ) -> HTML {
        var options = [Choice("", all, selected: given == nil)] + choices
        if keepingGiven, let given, !choices.contains(where: \.selected) {
            options.append(Choice(given, selected: true))
        }
        return "<select name=\"\(name)\" aria-label=\"\(label)\">\(options.map(option).joined())</select>"
    }

    /// The departments that published lists, the one `given` (by name, id or short name) chosen.
    static func departmentChoices(_ departments: [DepartmentSummary], given: String?) -> [Choice] {
        departments.filter { $0.lists > 0 }.map { department in
            let selected = given.map { $0 == department.name || $0 == department.id || department.shortNames.contains($0) }
            return Choice(department.name, selected: selected ?? false)
        }
    }

    /// The kinds of list named in `kinds`, the one `given` chosen.
    static func kindChoices(_ kinds: [String], given: String?) -> [Choice] {
        kinds.map { Choice($0, selected: given == $0) }
    }

    /// `<label>label <input type="date" …></label>`.
    static func date(_ name: String, label: String, value: String?) -> HTML {
        "<label>\(label) <input type=\"date\" name=\"\(name)\" value=\"\(value ?? "")\"></label>"
    }
}
