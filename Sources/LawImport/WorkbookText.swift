/// Cell text made fit for a file that Excel and WPS open: the characters XML 1.0 forbids
/// taken out, line breaks unified, and XML's and Excel's own escapes applied.
enum WorkbookText {
    /// `text` without the characters XML 1.0 cannot carry (the C0 controls other than tab,
    /// line feed and carriage return, and U+FFFE/U+FFFF), which are **removed**: they are
    /// invisible in a cell and no reader shows them usefully. Line breaks (`\r\n`, `\r`)
    /// become `\n`, as Excel stores a line break inside a cell. The CSV writer applies the
    /// same rule, so both files of a table hold the same text.
    static func cleaned(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsCleaning) else { return text }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": result.append("\n")
            case "\n" where previousWasCR: continue
            case _ where isForbidden(scalar): continue
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether XML 1.0 forbids `scalar` (Swift strings hold no lone surrogates).
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    private static func needsCleaning(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\r" || isForbidden(scalar)
    }

    /// `text` with each literal `_xHHHH_` written `_x005F_xHHHH_`: Excel (and every reader
    /// that follows it) reads `_xHHHH_` in a string as the character U+HHHH, so a literal
    /// one has its underscore escaped to come back as written.
    static func excelEscaped(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_", isEscapeSequence(scalars, at: index) {
                result.append(contentsOf: "_x005F".unicodeScalars)
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// Whether `_xHHHH_` starts at `index`.
    private static func isEscapeSequence(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy(\.properties.isASCIIHexDigit)
    }

    /// `text` escaped for XML character data and double-quoted attribute values.
    static func xml(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Whether XML parsers would drop or fold blanks of `text` unless it is marked
    /// `xml:space="preserve"`: blanks at either end, or tabs and line breaks anywhere.
    static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" }
        return blank(first) || blank(last) || text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A })
    }

    /// How wide `text` shows, in Excel's character units: its longest line, East Asian
    /// wide characters counting two.
    static func displayWidth(_ text: String) -> Int {
        var widest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                widest = max(widest, current)
                current = 0
            } else {
                current += isWide(scalar) ? 2 : 1
            }
        }
        return max(widest, current)
    }

    /// CJK ideographs, kana, Hangul, CJK punctuation and full-width forms.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
