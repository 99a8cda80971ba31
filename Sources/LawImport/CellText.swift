/// Cleaning of cell text as spreadsheets store it.
enum CellText {
    /// Line breaks as `\n`, each line without trailing blanks, the whole without leading or
    /// trailing blanks (ASCII, full-width U+3000 and no-break spaces alike).
    static func clean(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = unified.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop(while: isBlank).reversed())
        }
        return trim(lines.joined(separator: "\n"))
    }

    /// `text` without leading or trailing whitespace, line breaks included.
    static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlankScalar($0) }),
              let last = scalars.lastIndex(where: { !isBlankScalar($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// Decodes the `_xHHHH_` escapes Excel writes for control characters (`_x000D_` is a
    /// carriage return); `_x005F_` escapes a literal underscore.
    static func decodeExcelEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first {
            if first == "_", scalars.count >= 7 {
                let candidate = scalars.prefix(7)
                let chars = Array(candidate)
                if chars[1] == "x", chars[6] == "_",
                   let value = UInt32(String(String.UnicodeScalarView(chars[2...5])), radix: 16),
                   let scalar = Unicode.Scalar(value) {
                    result.unicodeScalars.append(scalar)
                    scalars = scalars.dropFirst(7)
                    continue
                }
            }
            result.unicodeScalars.append(first)
            scalars = scalars.dropFirst()
        }
        return result
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

    /// A header as a field name: as written, without spaces or line breaks.
    static func displayHeader(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isBlankScalar($0) }))
    }

    /// The header key without a bracketed remark: `罚款幅度(元)` → `罚款幅度`.
    static func withoutRemark(_ key: String) -> String {
        guard let open = key.firstIndex(where: { $0 == "(" || $0 == "（" || $0 == "[" || $0 == "【" }),
              open != key.startIndex else { return key }
        return String(key[..<open])
    }

    private static func isBlank(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy(isBlankScalar)
    }

    static func isBlankScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}" || scalar == "\u{200B}"
    }
}
