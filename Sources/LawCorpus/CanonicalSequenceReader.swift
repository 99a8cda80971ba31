import Foundation

extension CanonicalYAML {
    /// A block sequence under a top-level key that ``Reader/document()`` left unread: the line
    /// of its first `-` and the line after its last (0-based), and the column of its `-`.
    struct DeferredSequence: Sendable {
        var first: Int
        var indent: Int
        var end: Int
    }
}

/// A document read by ``CanonicalYAML`` with the block sequence under one top-level key left
/// unread, to be read a few elements at a time: the items of a list file of 100,000 items need
/// not all be in memory at once, nor wait for the last to be read before the first is used.
///
/// The elements are read exactly as reading the whole document reads them; where one holds
/// something this reader leaves to Yams, ``next(_:)`` throws and the caller reads the file
/// with Yams instead, from the element it had reached.
final class CanonicalSequenceReader {
    /// The document's top-level mapping; the deferred key's value is given as an empty sequence
    /// on the line of its first element.
    let root: CanonicalYAML.Node
    /// Whether the key was there with a block sequence (otherwise `root` holds its value).
    var isDeferred: Bool { sequence != nil }

    private let data: Data
    private let lines: [(start: Int, end: Int)]
    private let sequence: CanonicalYAML.DeferredSequence?
    /// The line to go on reading from.
    private var line: Int

    /// Reads `data`, the bytes of a file, leaving the block sequence under the top-level `key`
    /// unread; `nil` when the document is not in the form ``CanonicalYAML`` reads.
    init?(data: Data, deferring key: String) {
        let parsed = data.withUnsafeBytes { raw -> (CanonicalYAML.Node, [(start: Int, end: Int)], CanonicalYAML.DeferredSequence?)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let lines = CanonicalYAML.readableLines(bytes) else { return nil }
            var reader = CanonicalYAML.Reader(bytes: bytes, lines: lines, next: 0)
            reader.deferredKey = key
            guard let root = try? reader.document() else { return nil }
            return (root, reader.lines, reader.deferred)
        }
        guard let (root, lines, sequence) = parsed else { return nil }
        self.data = data
        self.root = root
        self.lines = lines
        self.sequence = sequence
        self.line = sequence?.first ?? 0
    }

    /// The document as text, from the bytes read (checked to be UTF-8), for reading it with Yams.
    var text: String { String(decoding: data, as: UTF8.self) }

    /// The next elements of the deferred sequence, at most `count` of them; none once all are read.
    func next(_ count: Int) throws(CanonicalYAML.Unsupported) -> [CanonicalYAML.Node] {
        guard let sequence else { return [] }
        let result = data.withUnsafeBytes { raw -> Result<([CanonicalYAML.Node], Int), CanonicalYAML.Unsupported> in
            var reader = CanonicalYAML.Reader(bytes: raw.bindMemory(to: UInt8.self), lines: lines, next: line)
            do throws(CanonicalYAML.Unsupported) {
                return .success((try reader.elements(of: sequence, count: count), reader.next))
            } catch {
                return .failure(error)
            }
        }
        let (elements, next) = try result.get()
        line = next
        return elements
    }
}
