/// An enforcement department or 苏木镇 government that publishes lists.
public struct Department: Codable, Equatable, Sendable {
    /// Stable ASCII id, used in corpus paths: `scjg`.
    public var id: String
    /// Official name: 乌审旗市场监督管理局.
    public var name: String
    /// Names people use: 市场监管局, 市监局; the former names people still use (``formerNames``)
    /// come last, so that every reader of the registry or the index resolves them too.
    public var shortNames: [String]
    /// Names of the offices merged into this one that people still use: 工商局, 质监局.
    public var formerNames: [String]
    /// 行政执法部门, 苏木镇, 行政执法监督机关 …
    public var type: String?
    /// The sector it supervises: 市场监管.
    public var sector: String?
    /// Full titles of the sector laws its lists rest on.
    public var laws: [String]

    enum CodingKeys: String, CodingKey {
        case id, name
        case shortNames = "short_names"
        case formerNames = "former_names"
        case type, sector, laws
    }

    public init(
        id: String, name: String, shortNames: [String] = [], formerNames: [String] = [],
        type: String? = nil, sector: String? = nil, laws: [String] = []
    ) {
        self.id = id
        self.name = name
        self.shortNames = shortNames + formerNames.filter { !shortNames.contains($0) }
        self.formerNames = formerNames
        self.type = type
        self.sector = sector
        self.laws = laws
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        let short = try container.decodeIfPresent([String].self, forKey: .shortNames) ?? []
        formerNames = try container.decodeIfPresent([String].self, forKey: .formerNames) ?? []
        shortNames = short + formerNames.filter { !short.contains($0) }
        type = try container.decodeIfPresent(String.self, forKey: .type)
        sector = try container.decodeIfPresent(String.self, forKey: .sector)
        laws = try container.decodeIfPresent([String].self, forKey: .laws) ?? []
    }
}

/// All departments of the corpus, resolvable by id, official name or short name, and by
/// the forms people derive from them: without 乌审旗/旗, without 局 (交通, 环保, 文旅),
/// the sector's head with 局 (市场局), the sector itself (市场监管).
///
/// Official and short names are unique; a derived form may name several departments, and
/// then ``resolve(_:)`` does not choose but ``matches(_:)`` lists them all.
public struct DepartmentRegistry: Sendable {
    /// The departments in file order.
    public private(set) var departments: [Department] = []
    private var byName: [String: Int] = [:]
    private var byDerivedName: [String: [Int]] = [:]

    /// Creates a registry; throws a message when two departments share a name or id.
    public init(_ departments: [Department]) throws(DuplicateName) {
        for department in departments {
            let index = self.departments.count
            for name in [department.id, department.name] + department.shortNames {
                let key = Self.normalize(name)
                if let other = byName[key], other != index {
                    throw DuplicateName(name: name, first: self.departments[other].name, second: department.name)
                }
                byName[key] = index
            }
            self.departments.append(department)
        }
        for (index, department) in self.departments.enumerated() {
            for form in Self.derivedForms(of: department) where byName[form] == nil {
                if !(byDerivedName[form] ?? []).contains(index) { byDerivedName[form, default: []].append(index) }
            }
        }
    }

    /// Two departments claim the same name.
    public struct DuplicateName: Error, CustomStringConvertible {
        public var name: String
        public var first: String
        public var second: String
        public var description: String { "名称“\(name)”同时属于\(first)和\(second)" }
    }

    /// The department called `name`: id, official name, short name or a form derived from
    /// them that names only one department; tolerant of spacing and of a leading 乌审旗/旗.
    public func resolve(_ name: String) -> Department? {
        let found = matches(name)
        return found.count == 1 ? found[0] : nil
    }

    /// Every department `name` may mean, best first: one for an official, short or unique
    /// derived name, several for an ambiguous derived one, none for an unknown name.
    public func matches(_ name: String) -> [Department] {
        let key = Self.normalize(name)
        guard !key.isEmpty, key.count <= 60 else { return [] }
        for candidate in Self.variants(of: key) {
            if let index = byName[candidate] { return [departments[index]] }
        }
        for candidate in Self.variants(of: key) {
            if let indices = byDerivedName[candidate] { return indices.map { departments[$0] } }
        }
        return []
    }

    /// Every spelling that names a department, longest first, with the departments it may
    /// mean: for finding departments inside a sentence. Ids and one-character forms are left out.
    public var spellings: [(spelling: String, departments: [Department])] {
        var result: [(spelling: String, departments: [Department])] = []
        for (key, index) in byName where key.count >= 2 && !key.allSatisfy(\.isASCII) {
            result.append((key, [departments[index]]))
        }
        for (key, indices) in byDerivedName where key.count >= 2 {
            result.append((key, indices.map { departments[$0] }))
        }
        return result.sorted {
            $0.spelling.count != $1.spelling.count ? $0.spelling.count > $1.spelling.count : $0.spelling < $1.spelling
        }
    }

    /// `key` as typed, then without a leading 乌审旗/旗, then with 乌审旗 added.
    private static func variants(of key: String) -> [String] {
        var result = [key]
        for prefix in [county, "旗"] where key.hasPrefix(prefix) && key.count > prefix.count {
            result.append(String(key.dropFirst(prefix.count)))
        }
        result.append(county + key)
        return result
    }

    private static let county = "乌审旗"

    /// The forms people derive from a department's names and sector (normalized).
    static func derivedForms(of department: Department) -> [String] {
        var forms: [String] = []
        func add(_ form: String) {
            if form.count >= 2, !forms.contains(form) { forms.append(form) }
        }
        let names = ([department.name] + department.shortNames).map(normalize)
        for name in names {
            var stem = name
            for prefix in [county, "旗"] where stem.hasPrefix(prefix) && stem.count > prefix.count + 1 {
                stem = String(stem.dropFirst(prefix.count))
            }
            add(stem)
            if stem.hasSuffix("局") { add(String(stem.dropLast())) }
            if stem.hasSuffix("人民政府") { add(String(stem.dropLast(4))) }
        }
        // The sector names only the offices (局) that supervise it, not the 苏木镇 sharing one.
        if let sector = department.sector.map(normalize), department.name.hasSuffix("局"), sector.count >= 3 {
            add(sector)
            add(sector + "局")
            add(String(sector.prefix(2)) + "局")
        }
        return forms
    }

    static func normalize(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.unicodeScalars.filter {
                    !$0.properties.isWhitespace && $0 != "《" && $0 != "》"
                })
        ).lowercased()
    }
}
