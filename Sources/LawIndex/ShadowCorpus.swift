import Foundation
import LawCorpus

/// The corpus as the loader sees it when only some list files are to be read: a temporary
/// directory linking to everything of the corpus but `lists/`, which links only the files
/// asked for. Loading it reads the laws, the plan and the registry (which citations and
/// departments need) and those lists, never the unchanged ones.
///
/// Paths the loader reports (list files, errors, warnings) are turned back into the
/// corpus's own, as a full load would write them.
struct ShadowCorpus {
    /// The corpus directory, as given.
    let root: String
    /// The temporary directory.
    let directory: String

    /// Links the corpus at `root` with only `lists` (relative to `root`) of its list files.
    init(root: String, lists: [String]) throws(CorpusError) {
        self.root = root
        let fm = FileManager.default
        directory = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "lawkb-corpus-\(getpid())-\(UUID().uuidString)")
        let absoluteRoot = Self.absolute(root)
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: root) where name != "lists" {
                try fm.createSymbolicLink(
                    atPath: (directory as NSString).appendingPathComponent(name),
                    withDestinationPath: (absoluteRoot as NSString).appendingPathComponent(name))
            }
            for list in lists {
                let link = (directory as NSString).appendingPathComponent(list)
                try fm.createDirectory(
                    atPath: (link as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try fm.createSymbolicLink(
                    atPath: link, withDestinationPath: (absoluteRoot as NSString).appendingPathComponent(list))
            }
        } catch {
            remove()
            throw CorpusError(file: root, message: "无法准备增量更新所需的临时目录：\(error)")
        }
    }

    /// Loads the linked corpus; laws, plans and lists are named by their paths in the corpus.
    func load() throws(CorpusError) -> Corpus {
        var corpus: Corpus
        do {
            corpus = try CorpusLoader(root: directory).load()
        } catch {
            throw CorpusError(file: originalPath(error.file), line: error.line, message: original(error.message))
        }
        for index in corpus.regulations.indices {
            corpus.regulations[index].file = originalPath(corpus.regulations[index].file)
        }
        for index in corpus.plans.indices {
            corpus.plans[index].file = originalPath(corpus.plans[index].file)
        }
        for index in corpus.lists.indices {
            corpus.lists[index].file = originalPath(corpus.lists[index].file)
        }
        corpus.warnings = corpus.warnings.map(original)
        return corpus
    }

    /// Removes the temporary directory (the links, never what they point to).
    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A path in the temporary directory as the same path in the corpus.
    func originalPath(_ path: String) -> String {
        let prefix = directory + "/"
        guard path.hasPrefix(prefix) else { return path }
        return (root as NSString).appendingPathComponent(String(path.dropFirst(prefix.count)))
    }

    /// `text` with the temporary directory written as the corpus directory, the way the
    /// loader joins paths (`root/lists/…`).
    func original(_ text: String) -> String {
        let prefix = directory + "/"
        guard text.contains(prefix) else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: prefix) {
            result += rest[..<range.lowerBound]
            let path = rest[range.upperBound...].prefix { !$0.isWhitespace && $0 != ":" && $0 != "：" }
            result += (root as NSString).appendingPathComponent(String(path))
            rest = rest[path.endIndex...]
        }
        return result + rest
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/")
            ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }
}
