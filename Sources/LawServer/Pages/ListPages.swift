import LawCorpus
import LawQuery

/// What the lists page shows: the departments and every version of their lists.
struct ListsPageModel: Sendable {
    /// The departments of the registry.
    var departments: [DepartmentSummary]
    /// Every list version (on a public server, the public ones only).
    var lists: [ListSummary]
    /// The day for which versions in force are marked; today when `nil`.
    var asOf: String?
    /// The department the lists were narrowed to (official name), if any.
    var department: String?
    /// The kind of list the lists were narrowed to (canonical name), if any.
    var kind: String?
    /// Whether `lists` holds only the department's or kind's lists (departments without any are then not named).
    var filtered: Bool

    /// Creates the model.
    init(
        departments: [DepartmentSummary], lists: [ListSummary], asOf: String? = nil,
        department: String? = nil, kind: String? = nil, filtered: Bool = false
    ) {
        self.departments = departments
        self.lists = lists
        self.asOf = asOf
        self.department = department
        self.kind = kind
        self.filtered = filtered
    }
}

/// What the changes page shows: the form as filled in and the changes found.
struct ChangesPageModel: Sendable {
    /// The filters, as far as they were read.
    var request: ChangesRequest
    /// The kind of list as given (a name or an alias, or a word that names nothing), shown in the form.
    var kindName: String?
    /// Departments offered in the form.
    var departments: [DepartmentSummary]
    /// Every list version, for the kinds offered and the links to the versions compared.
    var lists: [ListSummary]
    /// The changes found, unless the request failed.
    var changes: [ListChange]?
    /// Why the request failed, if it did.
    var error: ServiceError?

    /// Creates the model.
    init(
        request: ChangesRequest, departments: [DepartmentSummary], lists: [ListSummary],
        changes: [ListChange]? = nil, error: ServiceError? = nil
    ) {
        self.request = request
        self.departments = departments
        self.lists = lists
        self.changes = changes
        self.error = error
    }
}

/// Whether a list version is in force on the day shown.
enum VersionState {
    case inForce, replaced, pending

    var label: String {
        switch self {
        case .inForce: return "现行"
        case .replaced: return "已替换"
        case .pending: return "尚未施行"
        }
    }

    var cssClass: String {
        switch self {
        case .inForce: return "in-force"
        case .replaced: return "replaced"
        case .pending: return "pending"
        }
    }

    /// The state of each of `versions` (one list's versions, oldest first): those before the
    /// version in force were replaced, those after it are not yet in force.
    static func of(_ versions: [ListSummary]) -> [VersionState] {
        guard let current = versions.firstIndex(where: \.inForce) else {
            return versions.map { _ in .pending }
        }
        return versions.indices.map { $0 < current ? .replaced : $0 == current ? .inForce : .pending }
    }
}
