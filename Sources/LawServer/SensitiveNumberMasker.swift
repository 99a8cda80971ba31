/// Masks personal numbers in text: mobile numbers, fixed-line numbers and 身份证 numbers.
///
/// Numbers are recognised as whole digit runs (ASCII or full-width digits): a run is never
/// masked in part because it happens to contain a shorter pattern, so a 20-digit 统一社会信用代码
/// or a long document number stays as it is. Masked digits become `*`:
/// - mobile `1[3-9]` + 9 digits keeps the first 3 and last 4: `150****4088`; also with the
///   `86` prefix and written 3-4-4 with spaces or hyphens (`150-4713-4088`);
/// - fixed line `0` + 2–3 digits, optional `-`, 7–8 digits keeps the area code and the last 4:
///   `0477-***4567`;
/// - 身份证 17 digits + a digit or `X` keeps the first 6 and the last 4.
public struct SensitiveNumberMasker: Sendable {
    /// Creates a masker.
    public init() {}

    /// `text` with every personal number masked.
    public func mask(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { Self.digitValue($0) != nil }) else { return text }
        var changed = false
        var index = 0
        while index < scalars.count {
            guard Self.digitValue(scalars[index]) != nil else {
                index += 1
                continue
            }
            let run = runEnd(scalars, from: index)
            let next = maskRun(&scalars, start: index, end: run, changed: &changed)
            index = max(next, run)
        }
        guard changed else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// Whether `text` contains a number that ``mask(_:)`` would mask.
    public func containsSensitiveNumber(_ text: String) -> Bool {
        mask(text) != text
    }

    /// Masks the number starting with the digit run `start..<end` if it is personal;
    /// returns where scanning continues.
    private func maskRun(_ s: inout [Unicode.Scalar], start: Int, end: Int, changed: inout Bool) -> Int {
        let length = end - start
        let digits = (start..<end).map { Self.digitValue(s[$0])! }
        func hide(_ range: Range<Int>) {
            for position in range where Self.digitValue(s[position]) != nil {
                s[position] = "*"
            }
            changed = true
        }
        // 身份证: 18 digits, or 17 digits and X.
        if length == 18 {
            hide(start + 6..<start + 14)
            return end
        }
        if length == 17, end < s.count, "Xx\u{FF38}\u{FF58}".unicodeScalars.contains(s[end]),
           end + 1 >= s.count || !Self.isASCIIAlphanumeric(s[end + 1]) {
            hide(start + 6..<start + 14)
            return end + 1
        }
        // Mobile: 11 digits, or 13 with the country code 86.
        if length == 11, Self.isMobile(digits[...]) {
            hide(start + 3..<start + 7)
            return end
        }
        if length == 13, digits[0] == 8, digits[1] == 6, Self.isMobile(digits[2...]) {
            hide(start + 5..<start + 9)
            return end
        }
        // Mobile written 3-4-4.
        if length == 3, digits[0] == 1, (3...9).contains(digits[1]),
           let second = followingRun(s, after: end, separators: " -\u{2010}\u{2011}\u{2012}\u{2013}\u{FF0D}"),
           second.upperBound - second.lowerBound == 4,
           let third = followingRun(s, after: second.upperBound, separators: " -\u{2010}\u{2011}\u{2012}\u{2013}\u{FF0D}"),
           third.upperBound - third.lowerBound == 4 {
            hide(second)
            return third.upperBound
        }
        // Fixed line: area code (0 + 2–3 digits), optional hyphen, 7–8 digits.
        if digits[0] == 0 {
            if (3...4).contains(length),
               let local = followingRun(s, after: end, separators: "-\u{FF0D}"),
               (7...8).contains(local.upperBound - local.lowerBound) {
                hide(local.lowerBound..<local.upperBound - 4)
                return local.upperBound
            }
            if (10...12).contains(length) {
                hide(start + 4..<end - 4)
                return end
            }
        }
        return end
    }

    private static func isMobile(_ digits: ArraySlice<Int>) -> Bool {
        digits.count == 11 && digits[digits.startIndex] == 1 && (3...9).contains(digits[digits.startIndex + 1])
    }

    /// The end of the digit run starting at `start`.
    private func runEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < s.count, Self.digitValue(s[end]) != nil { end += 1 }
        return end
    }

    /// The digit run right after one separator at `position`, if there is one.
    private func followingRun(_ s: [Unicode.Scalar], after position: Int, separators: String) -> Range<Int>? {
        guard position + 1 < s.count, separators.unicodeScalars.contains(s[position]),
              Self.digitValue(s[position + 1]) != nil
        else { return nil }
        return (position + 1)..<runEnd(s, from: position + 1)
    }

    /// 0–9 for ASCII and full-width digits, `nil` otherwise.
    static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
        default: return nil
        }
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || digitValue(scalar) != nil)
    }
}
