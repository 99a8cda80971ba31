import Foundation
import LawCorpus

/// Reads `departments.yaml` of a corpus into a ``DepartmentRegistry``, as the index builder does.
public enum DepartmentsFile {
    /// The registry of the corpus at `corpus` (`Corpus/departments.yaml`).
    public static func registry(corpus: String) throws(ImportError) -> DepartmentRegistry {
        let file = (corpus as NSString).appendingPathComponent("departments.yaml")
        let registry: DepartmentRegistry?
        do {
            registry = try CorpusLoader(root: corpus).loadDepartments()
        } catch {
            throw ImportError.departments(
                file: error.line.map { "\(error.file):\($0)" } ?? error.file,
                reason: error.message)
        }
        guard let registry else {
            throw ImportError.departments(
                file: file,
                reason: ImportError.departmentsNotFound)
        }
        return registry
    }
}
