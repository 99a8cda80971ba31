import Foundation
import GRDB
import LawCorpus

/// A list item made ready to store: everything worked out from the item and its list alone —
/// its searchable text and the places of its columns in it, its levels and fields as JSON, its
/// levels checked against their statutes, its citations linked to the law versions they open —
/// so that items can be prepared on one core while another stores those before them
/// (``ListItemPipeline``).
struct PreparedListItem: Sendable {
    /// The unit's title (the item's name), text and line.
    var title: String
    var text: String
    var line: Int
    /// The values of `list_item_row` after `document_id, unit_id, ordinal` (``IndexWriter/insertListItem``).
    var values: [DatabaseValue]
    /// The levels' check, for the report's tally.
    var check: BenchmarkCheck?
    var citations: [PreparedCitation]
}

/// A citation made ready to store in `citation_row` once its unit's id is known.
struct PreparedCitation: Sendable {
    /// The values after `id, unit_id`: `document_id, name, article, paragraph, item, text, text_at, text_length`.
    var values: [DatabaseValue]
    /// Why the citation opens no article, when it opens none.
    var unresolved: UnresolvedCitation?

    /// The citations `list`, written in `unitText`, each linked to the version of the law it
    /// opens from `place`. The words of a citation are kept as their place in `unitText` when
    /// they are written there (``StoredSpan``).
    static func prepare(
        _ list: [Citation], unitText: String, place: CitationPlace, targets: CitationTargets
    ) -> [PreparedCitation] {
        guard !list.isEmpty else { return [] }
        return list.map { citation in
            let target = targets.versions.target(
                of: citation, on: place.date, citingRegulation: place.citingRegulation, in: targets.regulations)
            let documentID = target.regulation.map { targets.documentIDs[$0] }
            let text = StoredSpan(citation.text, at: IndexWriter.span(of: citation.text, in: unitText))
            let values: [DatabaseValue] = [
                documentID.databaseValue, citation.name.databaseValue, citation.article.databaseValue,
                citation.paragraph.databaseValue, citation.item.databaseValue, text.literal.databaseValue,
                text.start.databaseValue, text.length.databaseValue,
            ]
            let unresolved = UnresolvedCitation(citation, target: target, place: place, regulations: targets.regulations)
            return PreparedCitation(values: values, unresolved: unresolved)
        }
    }
}

/// Prepares the items of one list version (``PreparedListItem``).
struct ListItemPreparer {
    let list: ListVersion
    let targets: CitationTargets
    private let checker: BenchmarkChecker
    private let encoder: JSONEncoder

    init(list: ListVersion, targets: CitationTargets) {
        self.list = list
        self.targets = targets
        checker = targets.checker
        encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same bytes from every build of the same corpus
    }

    func prepare(_ item: ListItem) throws -> PreparedListItem {
        let layout = IndexWriter.searchableLayout(of: item)
        var values: [DatabaseValue] = [item.id.databaseValue]
        for column in ListColumn.allCases {
            let stored = StoredSpan(item[column], at: layout.spans[column])
            values += [stored.literal.databaseValue, stored.start.databaseValue, stored.length.databaseValue]
        }
        let check = checker.check(item, on: list.version)
        values += [
            try json(item.levels).databaseValue,
            try json(item.fields).databaseValue,
            try check.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.databaseValue,
            item.line.databaseValue,
        ]
        let place = CitationPlace(file: list.file, line: item.line, date: list.version, citingRegulation: nil)
        let citations = PreparedCitation.prepare(item.citations, unitText: layout.text, place: place, targets: targets)
        return PreparedListItem(
            title: item.name, text: layout.text, line: item.line, values: values, check: check, citations: citations)
    }

    /// `array` as JSON; most items have no levels or fields, and `[]` needs no encoder.
    private func json<Element: Encodable>(_ array: [Element]) throws -> String {
        array.isEmpty ? "[]" : String(decoding: try encoder.encode(array), as: UTF8.self)
    }
}
