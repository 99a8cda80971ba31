/// Where one version of a list stands among the versions of its list: what decides which of them
/// is in force on a day. The loader takes it from parsed versions, an index update from stored
/// ones, and both order and check them with ``ListVersionOrder``.
public struct ListVersionPlace: Sendable, Equatable {
    /// The department's id (`jtys`) and official name.
    public var department: String
    public var departmentName: String
    /// The kind of list, as its name (`不予处罚事项清单`).
    public var kind: String
    /// The first day in force, and the version's own date.
    public var inForceFrom: CalendarDate
    public var version: CalendarDate
    /// The file of the version, as the corpus names it.
    public var file: String

    public init(
        department: String, departmentName: String, kind: String, inForceFrom: CalendarDate, version: CalendarDate,
        file: String
    ) {
        self.department = department
        self.departmentName = departmentName
        self.kind = kind
        self.inForceFrom = inForceFrom
        self.version = version
        self.file = file
    }

    /// The order of list versions: department, kind, first day in force, version.
    public static func precedes(_ a: ListVersionPlace, _ b: ListVersionPlace) -> Bool {
        (a.department, a.kind, a.inForceFrom, a.version) < (b.department, b.kind, b.inForceFrom, b.version)
    }

    /// Whether `other` is a version of the same list.
    func isSameList(as other: ListVersionPlace) -> Bool {
        department == other.department && kind == other.kind
    }
}

extension ListVersion {
    /// Where this version stands among the versions of its list.
    public var place: ListVersionPlace {
        ListVersionPlace(
            department: department.id, departmentName: department.name, kind: kind.rawValue,
            inForceFrom: inForceFrom, version: version, file: file)
    }
}

/// The rules that make the versions of a list one sequence, each in force until the next starts.
public enum ListVersionOrder {
    /// Each version of a list is one file: two files with the same department, kind and version
    /// would make which of them is in force depend on file order, so they are an error naming both.
    public static func checkUnique(_ places: [ListVersionPlace]) throws(CorpusError) {
        struct Key: Hashable {
            var department: String
            var kind: String
            var version: CalendarDate
        }
        var first: [Key: String] = [:]
        for place in places.sorted(by: { $0.file < $1.file }) {
            let key = Key(department: place.department, kind: place.kind, version: place.version)
            if let earlier = first[key] {
                throw CorpusError(
                    file: place.file,
                    message: "与 \(earlier) 同为\(place.departmentName)\(place.kind)的 \(place.version) 版本；"
                        + "同一版本只能有一个文件，请删除或改正其中一个")
            }
            first[key] = place.file
        }
    }

    /// For versions in ``ListVersionPlace/precedes(_:_:)`` order: the day each stops being in
    /// force (the day the next version of its list starts; `nil` for the latest), and a warning
    /// for each version that starts on the same day as the one before it.
    public static func inForceUntil(_ sorted: [ListVersionPlace]) -> (until: [CalendarDate?], warnings: [String]) {
        var until: [CalendarDate?] = Array(repeating: nil, count: sorted.count)
        var warnings: [String] = []
        for index in sorted.indices.dropLast() {
            let (place, next) = (sorted[index], sorted[index + 1])
            guard next.isSameList(as: place) else { continue }
            if next.inForceFrom == place.inForceFrom {
                warnings.append("\(next.file): comes into force on \(next.inForceFrom), the same day as \(place.file)")
            }
            until[index] = next.inForceFrom
        }
        return (until, warnings)
    }
}
