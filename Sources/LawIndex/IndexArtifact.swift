/// Which audience an index file is built for; recorded in the index's `meta` table.
public enum IndexArtifact: String, Codable, Sendable {
    /// The whole corpus as written, lists not marked public included: for internal servers
    /// and the command line.
    case full
    /// What a public replica serves: lists marked `public: false` are not stored at all, and
    /// personal numbers are masked in the stored text itself, so no snippet, highlight, count
    /// or search can reveal them.
    case `public`

    /// The `meta` key under which an index records its artifact.
    static let metaKey = "artifact"

    /// The artifact recorded in an index's `meta` table; an index that records none is full.
    init(recorded value: String?) {
        self = value.flatMap(IndexArtifact.init(rawValue:)) ?? .full
    }
}
