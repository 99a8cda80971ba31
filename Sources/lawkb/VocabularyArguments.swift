import ArgumentParser
import LawCorpus
import LawQuery

// The vocabularies the command line takes as option values. Each value is read as people
// write it (a code, a Chinese name or an alias: regulation, 法律法规, 免罚清单 …), so a word
// that names nothing fails at its option, which the argument parser names, followed by the
// accepted values in Chinese.

/// A word an option does not accept, with the accepted words in Chinese.
struct UnknownOptionValue: Error, CustomStringConvertible {
    /// What to write instead.
    var description: String
}

extension DocumentKind: ExpressibleByArgument {
    /// The kind called `argument`: its code, its Chinese name or an alias.
    public init?(argument: String) {
        guard let kind = DocumentKind.resolve(argument) else { return nil }
        self = kind
    }

    /// The codes, for completion and help.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// `--kind`'s value: the kind `text` names, or why none.
    static func option(_ text: String) throws(UnknownOptionValue) -> DocumentKind {
        guard let kind = DocumentKind(argument: text) else {
            let names = allCases.map { "\($0.rawValue)（\($0.chineseName)）" }.joined(separator: "、")
            throw UnknownOptionValue(description: "“\(text.prefix(40))”不是文件类型，应为 \(names) 之一")
        }
        return kind
    }
}

extension ListKind: ExpressibleByArgument {
    /// The kind called `argument`: its name or an alias, with or without 清单/事项/目录.
    public init?(argument: String) {
        guard let kind = ListKind.resolve(argument) else { return nil }
        self = kind
    }

    /// The canonical names, for completion and help.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// A list-kind option's value: the kind `text` names, or why none (with the closest names).
    static func option(_ text: String) throws(UnknownOptionValue) -> ListKind {
        do {
            return try LawQueries.listKind(text)
        } catch {
            throw UnknownOptionValue(description: error.message(ErrorMessage.queryHints))
        }
    }
}

extension ListStatus: ExpressibleByArgument {
    /// The status called `argument`: its code or its Chinese name.
    public init?(argument: String) {
        guard let status = ListStatus.resolve(argument) else { return nil }
        self = status
    }

    /// The codes, for completion and help.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// `--status`'s value: the status `text` names, or why none.
    static func option(_ text: String) throws(UnknownOptionValue) -> ListStatus {
        guard let status = ListStatus(argument: text) else {
            let names = allCases.map { "\($0.rawValue)（\($0.chineseName)）" }.joined(separator: "或")
            throw UnknownOptionValue(description: "“\(text.prefix(40))”不是清单状态，应为 \(names)")
        }
        return status
    }
}
