/// Makes control characters visible: text bound for a terminal or a log line shows an escape,
/// a line feed or a bidirectional override as `\u{1B}`, `\u{0A}`, `\u{202E}` instead of obeying it.
///
/// File names and corpus text are written by others; printed as they are, a name holding
/// `ESC ]` could retitle the terminal, clear it or hide the rest of a message, and a line feed
/// could forge a line of output.
public enum ControlCharacters {
    /// Whether `scalar` acts on the display rather than being shown: C0 and C1 controls, DEL,
    /// the line and paragraph separators and the bidirectional embeddings, overrides and isolates.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `text` with every control character (see ``isControl(_:)``) except those in `kept`
    /// written as `\u{XX}`; the text itself unchanged when it has none.
    ///
    /// ```swift
    /// ControlCharacters.escaped("a\u{1B}[2Jb")           // a\u{1B}[2Jb, printed literally
    /// ControlCharacters.escaped("一\n二", keeping: ["\n"]) // unchanged
    /// ```
    public static func escaped(_ text: some StringProtocol, keeping kept: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !kept.contains($0) }) else {
            return String(text)
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) && !kept.contains(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let padded = hex.count < 2 ? "0" + hex : hex
                result.append(contentsOf: "\\u{\(padded)}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
