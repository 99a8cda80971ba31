/// Writes integers the way Chinese legislative texts number articles: 33 → 三十三, 100 → 一百, 105 → 一百零五.
public enum ChineseNumeralFormatter {
    private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    private static let units = ["", "十", "百", "千"]

    /// The numeral for `value` (0…9999); other values are written in Arabic digits.
    public static func format(_ value: Int) -> String {
        guard (0...9999).contains(value) else { return String(value) }
        if value == 0 { return digits[0] }
        var result = ""
        var pendingZero = false
        let positions = String(value).compactMap { $0.wholeNumberValue }
        for (index, digit) in positions.enumerated() {
            let unit = units[positions.count - 1 - index]
            if digit == 0 {
                pendingZero = !result.isEmpty
                continue
            }
            if pendingZero {
                result += digits[0]
                pendingZero = false
            }
            // 十五, not 一十五, at the start of the number.
            if !(digit == 1 && unit == "十" && result.isEmpty) { result += digits[digit] }
            result += unit
        }
        return result
    }
}
