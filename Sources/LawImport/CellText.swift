import Foundation

/// Cleaning of cell text as spreadsheets store it.
enum CellText {
    /// Line breaks as `\n`, each line without trailing blanks, the whole without leading or
    /// trailing blanks (ASCII, full-width U+3000 and no-break spaces alike).
    static func clean(_ text: String) -> String {
        guard !text.isEmpty, !isClean(text) else { return text }
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = unified.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop(while: isBlank).reversed())
        }
        return trim(lines.joined(separator: "\n"))
    }

    /// Whether ``clean(_:)`` would leave `text` as it is: no carriage return, no blank at
    /// either end or before a line break (the common case, checked in one pass).
    private static func isClean(_ text: String) -> Bool {
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar == "\r" { return false }
            if scalar == "\n", let previous, isBlankScalar(previous) { return false }
            if previous == nil, isBlankScalar(scalar) { return false }
            previous = scalar
        }
        return previous.map { !isBlankScalar($0) } ?? true
    }

    /// `text` without leading or trailing whitespace, line breaks included.
    static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlankScalar($0) }),
            let last = scalars.lastIndex(where: { !isBlankScalar($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Decodes the `_xHHHH_` escapes Excel writes for control characters (`_x000D_` is a
    /// carriage return); `_x005F_` escapes a literal underscore.
    static func decodeExcelEscapes(_ text: String) -> String {
        guard zip(text.utf8, text.utf8.dropFirst()).contains(where: { $0 == 0x5F && $1 == 0x78 }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x",
                scalars[index + 6] == "_", let value = hexValue(scalars[(index + 2)...(index + 5)]),
                let scalar = Unicode.Scalar(value)
            {
                result.append(scalar)
                index += 7
                continue
            }
            result.append(scalars[index])
            index += 1
        }
        return String(result)
    }

    /// The value of four hexadecimal digits.
    private static func hexValue(_ digits: ArraySlice<Unicode.Scalar>) -> UInt32? {
        var value: UInt32 = 0
        for digit in digits {
            guard digit.isASCII, digit != "+", digit != "-", let nibble = UInt32(String(digit), radix: 16) else {
                return nil
            }
            value = value * 16 + nibble
        }
        return value
    }

    /// Header text reduced for comparison: no whitespace or line breaks, full-width ASCII
    /// folded to half-width, no `*` marks and no trailing colon.
    static func headerKey(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isBlankScalar(scalar) || scalar == "*" || scalar == "＊" { continue }
            if (0xFF01...0xFF5E).contains(scalar.value), let folded = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(folded)
            } else {
                scalars.append(scalar)
            }
        }
        var key = String(scalars)
        while key.hasSuffix(":") || key.hasSuffix("：") { key.removeLast() }
        return key
    }

    /// The first character of ``headerKey(_:)`` of `text`, found without building the key.
    static func keyStart(_ text: String) -> Unicode.Scalar? {
        for scalar in text.unicodeScalars where !isBlankScalar(scalar) && scalar != "*" && scalar != "＊" {
            if (0xFF01...0xFF5E).contains(scalar.value) { return Unicode.Scalar(scalar.value - 0xFEE0) }
            return scalar
        }
        return nil
    }

    /// A header as a field name: as written, without spaces or line breaks.
    static func displayHeader(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isBlankScalar($0) }))
    }

    /// The header key without a bracketed remark: `罚款幅度(元)` → `罚款幅度`.
    static func withoutRemark(_ key: String) -> String {
        guard let open = key.firstIndex(where: { $0 == "(" || $0 == "（" || $0 == "[" || $0 == "【" }),
            open != key.startIndex
        else { return key }
        return String(key[..<open])
    }

    private static func isBlank(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy(isBlankScalar)
    }

    /// White space (Unicode's White_Space property, listed here to avoid a property lookup
    /// per character), the byte-order mark and the zero-width space.
    static func isBlankScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }
}
