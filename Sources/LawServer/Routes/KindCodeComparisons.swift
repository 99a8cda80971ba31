import LawCorpus

// Comparisons of a typed document kind with a kind's code, for code that still holds kinds
// as codes (`PublicationPolicy.publicKinds`). Once every such set holds `DocumentKind`
// values, this file goes.

extension Set where Element == String {
    /// Whether the set holds the code of `kind`.
    func contains(_ kind: DocumentKind) -> Bool { contains(kind.rawValue) }
}

extension DocumentKind {
    /// Whether `kind` is the kind whose code is `code`.
    static func == (kind: DocumentKind, code: String) -> Bool { kind.rawValue == code }
}
