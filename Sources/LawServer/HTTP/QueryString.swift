/// The parameters of a request's query string, decoded strictly.
///
/// Unlike a lenient decoder, a malformed percent-escape (`%ZZ`, `%E4%B8`) or bytes that
/// are not UTF-8 reject the request (400 `invalid_encoding`) instead of being passed on
/// half-decoded. `+` means a space, as HTML forms send it. A parameter given twice is
/// rejected; parameters no route knows are ignored.
struct QueryString: Sendable, Equatable {
    /// The decoded name/value pairs in order.
    private(set) var pairs: [(name: String, value: String)]

    /// Decodes `query` (the part of the target after `?`, without the `?`).
    init(_ query: String?) throws(ServiceError) {
        pairs = []
        guard let query, !query.isEmpty else { return }
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(pieces[0], plusIsSpace: true, what: "the query string")
            let value = pieces.count > 1 ? try Self.decode(pieces[1], plusIsSpace: true, what: "parameter \(name)") : ""
            pairs.append((name, value))
        }
    }

    /// The value of `name`; `nil` when absent; throws when given more than once.
    func value(_ name: String) throws(ServiceError) -> String? {
        let values = pairs.filter { $0.name == name }
        guard values.count <= 1 else {
            throw .invalidParameter(name, "given \(values.count) times; give it once", chinese: "重复出现，只能给出一次。")
        }
        return values.first?.value
    }

    /// The value of `name`, `nil` when absent or empty (an empty form field).
    func nonEmptyValue(_ name: String) throws(ServiceError) -> String? {
        guard let value = try value(name), !value.isEmpty else { return nil }
        return value
    }

    /// The integer value of `name`, or `defaultValue` when absent or empty.
    func integer(_ name: String, default defaultValue: Int) throws(ServiceError) -> Int {
        guard let text = try nonEmptyValue(name) else { return defaultValue }
        guard let value = Int(text) else {
            throw .invalidParameter(name, "must be a whole number, got '\(text.prefix(20))'", chinese: "必须是整数。")
        }
        return value
    }

    /// Strict percent-decoding of `text` into UTF-8.
    static func decode(_ text: Substring, plusIsSpace: Bool, what: String) throws(ServiceError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw .invalidEncoding(what)
                }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self), !decoded.unicodeScalars.contains("\u{0}") else {
            throw .invalidEncoding(what)
        }
        return decoded
    }

    /// Percent-encodes `text` for a query string or path segment (RFC 3986 unreserved characters stay).
    static func encode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return result
    }

    /// `path?name=value&…` with the non-nil values encoded.
    static func link(_ path: String, _ parameters: [(String, String?)]) -> String {
        let items = parameters.compactMap { name, value in value.map { "\(encode(name))=\(encode($0))" } }
        return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Pairs are equal when names and values are equal in order.
    static func == (lhs: QueryString, rhs: QueryString) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }
}
