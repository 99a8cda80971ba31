import Foundation

extension CorpusLoader {
    /// The department registry from `departments.yaml`, or `nil` when the corpus has none.
    ///
    /// Also used on its own, e.g. by the importer to resolve a department's name.
    public func loadDepartments() throws(CorpusError) -> DepartmentRegistry? {
        let file = (root as NSString).appendingPathComponent("departments.yaml")
        guard let text = try TextFile.read(file, required: false) else { return nil }
        let yaml = try Sidecar(file: file, yaml: text)
        var departments: [Department] = []
        for entry in try yaml.mappings("departments") {
            guard let id = try entry.string("id"), let name = try entry.string("name") else {
                throw CorpusError(file: file, line: entry.line, message: "部门必须有 id 和 name")
            }
            departments.append(
                Department(
                    id: id, name: name, shortNames: try entry.strings("short_names") ?? [],
                    type: try entry.string("type"), sector: try entry.string("sector"),
                    laws: try entry.strings("laws") ?? []))
        }
        do {
            return try DepartmentRegistry(departments)
        } catch {
            throw CorpusError(file: file, line: nil, message: error.description)
        }
    }

    /// Every list version under `lists/`, in path order.
    func loadLists(
        registry: DepartmentRegistry?, parser: CitationParser, deferringItems: Bool = false,
        warnings: inout [String], itemWarningPlaces: inout [String: Int]
    ) throws(CorpusError) -> [ListVersion] {
        let directory = (root as NSString).appendingPathComponent("lists")
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                files.append((directory as NSString).appendingPathComponent(path))
            }
        }
        guard !files.isEmpty else { return [] }
        guard let registry else {
            throw CorpusError(
                file: (root as NSString).appendingPathComponent("departments.yaml"),
                message: "lists/ 中有清单，但没有 departments.yaml，无法确定清单所属部门")
        }
        let listParser = ListParser(registry: registry, citations: parser)
        let sorted = files.sorted()
        // Files are independent: parse them on all cores, then report in file order.
        let results = ParallelResults<Result<(ListVersion, [String]), CorpusError>>(count: sorted.count)
        DispatchQueue.concurrentPerform(iterations: sorted.count) { index in
            var fileWarnings: [String] = []
            do throws(CorpusError) {
                let list =
                    deferringItems
                    ? try listParser.parseHeader(sorted[index], warnings: &fileWarnings)
                    : try listParser.parse(sorted[index], warnings: &fileWarnings)
                results[index] = .success((list, fileWarnings))
            } catch {
                results[index] = .failure(error)
            }
        }
        var lists: [ListVersion] = []
        for result in results.values {
            switch result {
            case .success(let (list, fileWarnings)):
                lists.append(list)
                warnings += fileWarnings
                if list.itemsAreDeferred { itemWarningPlaces[list.file] = warnings.count }
            case .failure(let error):
                throw error
            case nil:
                continue
            }
        }
        return lists
    }

    /// Each version of a list is one file (``ListVersionOrder/checkUnique(_:)``).
    static func checkUniqueVersions(_ lists: [ListVersion]) throws(CorpusError) {
        try ListVersionOrder.checkUnique(lists.map(\.place))
    }

    /// Orders versions of each list and sets when each stops being in force: the day the next one starts.
    static func setInForcePeriods(_ lists: inout [ListVersion], warnings: inout [String]) {
        lists.sort { ListVersionPlace.precedes($0.place, $1.place) }
        let periods = ListVersionOrder.inForceUntil(lists.map(\.place))
        for index in lists.indices {
            lists[index].inForceUntil = periods.until[index]
        }
        warnings += periods.warnings
    }
}

/// Slots written from concurrent iterations, each index by exactly one of them.
public final class ParallelResults<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    /// `count` empty slots.
    public init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    public subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    /// The slots, in order.
    public var values: [Value?] { lock.withLock { storage } }
}
