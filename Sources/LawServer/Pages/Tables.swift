/// Pieces of the pages' tables.
enum Tables {
    /// `<thead>` with one column header per label, then `extra` headers.
    static func head(_ labels: [String], extra: HTML = "") -> HTML {
        let headers = labels.map { label -> HTML in "<th scope=\"col\">\(label)</th>" }
        return "<thead><tr>\(headers.joined())\(extra)</tr></thead>"
    }
}
