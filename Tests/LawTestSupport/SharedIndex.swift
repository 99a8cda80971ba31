import Foundation
import LawIndex

/// The shipped corpus indexed once per test run, as a full and as a public index, for every
/// test target that reads an index. Tests only read these files; a test that changes an
/// index copies it first.
public enum SharedIndex {
    /// An index built for the tests: where it is and what the build reported.
    public struct Built: Sendable {
        /// The index file.
        public let path: String
        /// The build's report.
        public let report: IndexReport
    }

    /// The full index of the shipped corpus (`lawkb index`).
    public static let full = build(.full, named: "lawkb.sqlite")

    /// The public index of the shipped corpus (`lawkb index --public`).
    public static let published = build(.public, named: "lawkb-public.sqlite")

    private static func build(_ artifact: IndexArtifact, named name: String) -> Built {
        do {
            let path = try TestRepository.scratchDirectory("lawkb-tests").appendingPathComponent(name).path
            let report = try IndexBuilder(corpusRoot: TestRepository.corpus, artifact: artifact).build(to: path)
            return Built(path: path, report: report)
        } catch {
            fatalError("the shipped corpus does not index as \(artifact): \(error)")
        }
    }
}
