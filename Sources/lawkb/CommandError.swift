import LawQuery

/// Why a command could not answer, beyond what the queries themselves report; in Chinese.
enum CommandError: Error, CustomStringConvertible {
    /// No department has a list of this kind in force on the day asked about.
    case noDepartmentHasKind(String, asOf: String?)
    /// A name that is neither a department nor a kind of list.
    case neitherDepartmentNorKind(String, known: [String])

    var description: String {
        switch self {
        case .noDepartmentHasKind(let kind, let asOf):
            return "没有部门在\(asOf ?? "今日")施行\(kind)"
        case .neitherDepartmentNorKind(let name, let known):
            let names = NameSuggestions.closest(to: name, among: known)
            let hint =
                names.isEmpty
                ? "可用 lawkb departments 查看部门。"
                : "您是不是要找：\(names.joined(separator: "、"))？"
            return "“\(name)”既不是部门，也不是清单种类。\(hint)"
        }
    }
}
