/// An enforcement department or 苏木镇 government that publishes lists.
public struct Department: Codable, Equatable, Sendable {
    /// Stable ASCII id, used in corpus paths: `scjg`.
    public var id: String
    /// Official name: 乌审旗市场监督管理局.
    public var name: String
    /// Names people use: 市场监管局, 市监局.
    public var shortNames: [String]
    /// 行政执法部门, 苏木镇, 行政执法监督机关 …
    public var type: String?
    /// The sector it supervises: 市场监管.
    public var sector: String?
    /// Full titles of the sector laws its lists rest on.
    public var laws: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, shortNames = "short_names", type, sector, laws
    }

    public init(id: String, name: String, shortNames: [String] = [], type: String? = nil,
                sector: String? = nil, laws: [String] = []) {
        self.id = id
        self.name = name
        self.shortNames = shortNames
        self.type = type
        self.sector = sector
        self.laws = laws
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        shortNames = try container.decodeIfPresent([String].self, forKey: .shortNames) ?? []
        type = try container.decodeIfPresent(String.self, forKey: .type)
        sector = try container.decodeIfPresent(String.self, forKey: .sector)
        laws = try container.decodeIfPresent([String].self, forKey: .laws) ?? []
    }
}

/// All departments of the corpus, resolvable by id, official name or short name.
public struct DepartmentRegistry: Sendable {
    /// The departments in file order.
    public private(set) var departments: [Department] = []
    private var byName: [String: Int] = [:]

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
    }

    /// Two departments claim the same name.
    public struct DuplicateName: Error, CustomStringConvertible {
        public var name: String
        public var first: String
        public var second: String
        public var description: String { "the name '\(name)' is used by both \(first) and \(second)" }
    }

    /// The department called `name`: id, official name or short name; tolerant of
    /// spacing and of a leading 乌审旗/旗.
    public func resolve(_ name: String) -> Department? {
        let key = Self.normalize(name)
        if let index = byName[key] { return departments[index] }
        for prefix in ["乌审旗", "旗"] where key.hasPrefix(prefix) {
            if let index = byName[String(key.dropFirst(prefix.count))] { return departments[index] }
        }
        if let index = byName["乌审旗" + key] { return departments[index] }
        return nil
    }

    static func normalize(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.filter { !$0.properties.isWhitespace })).lowercased()
    }
}
