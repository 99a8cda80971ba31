/// Sheet names as Excel accepts them: at most 31 characters, none of `[ ] : * ? / \`,
/// not blank, not beginning or ending with an apostrophe, not the reserved `History`, and
/// unique regardless of letter case.
public enum SheetNames {
    /// The characters Excel refuses in a sheet name, each replaced by `_`.
    static let forbidden: Set<Unicode.Scalar> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Valid, unique names for `wished`, in order: forbidden characters become `_`, control
    /// characters go, blanks and apostrophes at either end go, a name is cut to 31
    /// characters (whole characters, counted in UTF-16 code units as Excel counts), a
    /// blank name becomes `Sheet<n>` (its position), and a name already taken gets
    /// ` (2)`, ` (3)`, … (cut further to stay within 31).
    public static func valid(_ wished: [String]) -> [String] {
        var taken: Set<String> = ["history"]
        var names: [String] = []
        for (position, name) in wished.enumerated() {
            var base = cleaned(name)
            if base.isEmpty { base = "Sheet\(position + 1)" }
            var candidate = fitted(base, suffix: "")
            var number = 2
            while taken.contains(candidate.lowercased()) {
                candidate = fitted(base, suffix: " (\(number))")
                number += 1
            }
            taken.insert(candidate.lowercased())
            names.append(candidate)
        }
        return names
    }

    /// `name` with forbidden characters replaced and the ends trimmed.
    static func cleaned(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if forbidden.contains(scalar) {
                scalars.append("_")
            } else if scalar.value >= 0x20 && scalar.value != 0x7F && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                scalars.append(scalar)
            }
        }
        return trimmed(String(scalars))
    }

    /// `name` without blanks or apostrophes at either end.
    private static func trimmed(_ name: String) -> String {
        let trimmable: (Character) -> Bool = { $0 == "'" || $0.unicodeScalars.allSatisfy(CellText.isBlankScalar) }
        return String(name.drop(while: trimmable).reversed().drop(while: trimmable).reversed())
    }

    /// `base` cut so that it and `suffix` fit in 31 UTF-16 code units, then trimmed again
    /// (a cut may leave a blank or an apostrophe at the end).
    private static func fitted(_ base: String, suffix: String) -> String {
        let room = WorkbookLimits.sheetName - suffix.utf16.count
        var cut = ""
        for character in base {
            guard cut.utf16.count + character.utf16.count <= room else { break }
            cut.append(character)
        }
        let trimmedCut = trimmed(cut)
        return (trimmedCut.isEmpty ? "Sheet" : trimmedCut) + suffix
    }
}
