import Foundation
import LawCorpus
import Yams

/// Reads `departments.yaml` of a corpus into a ``DepartmentRegistry``.
public enum DepartmentsFile {
    /// The registry of the corpus at `corpus` (`Corpus/departments.yaml`).
    public static func registry(corpus: String) throws(ImportError) -> DepartmentRegistry {
        let file = (corpus as NSString).appendingPathComponent("departments.yaml")
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ImportError.departments(file: file, reason: "not found; pass --corpus with the corpus directory "
                + "that holds departments.yaml")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError.departments(file: file, reason: "not UTF-8 text")
        }
        return try registry(yaml: text, file: file)
    }

    /// The registry described by the YAML `text` of `file`.
    public static func registry(yaml text: String, file: String) throws(ImportError) -> DepartmentRegistry {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ImportError.departments(file: file, reason: "invalid YAML: \(error)")
        }
        guard let entries = root?.mapping?["departments"]?.sequence else {
            throw ImportError.departments(file: file, reason: "expected a 'departments' list")
        }
        var departments: [Department] = []
        for entry in entries {
            guard let mapping = entry.mapping, let id = mapping["id"]?.string, let name = mapping["name"]?.string else {
                let line = entry.mark.map { ":\($0.line)" } ?? ""
                throw ImportError.departments(file: file + line, reason: "a department needs an 'id' and a 'name'")
            }
            departments.append(Department(
                id: id, name: name, shortNames: strings(mapping["short_names"]),
                type: mapping["type"]?.string, sector: mapping["sector"]?.string, laws: strings(mapping["laws"])))
        }
        do {
            return try DepartmentRegistry(departments)
        } catch {
            throw ImportError.departments(file: file, reason: error.description)
        }
    }

    private static func strings(_ node: Node?) -> [String] {
        if let sequence = node?.sequence { return sequence.compactMap(\.string) }
        return node?.string.map { [$0] } ?? []
    }
}
