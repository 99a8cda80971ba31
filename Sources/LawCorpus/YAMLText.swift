/// Text as a YAML double-quoted scalar, the one form that can hold any text: the
/// corpus files lawkb writes (imported lists, filings, events, generated lists) use it for every value a
/// person typed, so what they read back is exactly what was written.
public enum YAMLText {
    /// `value` in double quotes, with `\\`, `\"`, line and paragraph separators and control
    /// characters escaped (a YAML reader would otherwise fold or refuse them).
    public static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{85}": out += "\\N"
            case "\u{A0}": out += "\\_"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if isControl(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// C0 and C1 controls, DEL and the byte-order mark.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar == "\u{FEFF}"
    }
}
