/// Facts about single Unicode scalars that the tokenizer needs, computed from code point
/// ranges alone (no tables, no allocation).
enum Scalars {
    /// Whether `value` is a Han character, i.e. a token of its own: CJK Unified Ideographs
    /// (U+4E00–9FFF), extension A (U+3400–4DBF), the ideographic planes 2 and 3 (extensions
    /// B–H) minus the compatibility supplement (U+2F800–2FA1F, which NFKC folds into the
    /// unified block), and 〇 (U+3007), which counts in Chinese numerals. Compatibility
    /// ideographs (U+F900–FAFF) are not listed: NFKC folds them first.
    @inline(__always)
    static func isHan(_ value: UInt32) -> Bool {
        value &- 0x4E00 < 0x5200 || value &- 0x3400 < 0x19C0 || value == 0x3007
            || (value &- 0x20000 < 0x20000 && value &- 0x2F800 >= 0x220)
    }

    /// Whether `value` is a quotation or book-title mark — “ ” ‘ ’ 〈 〉 《 》 「 」 『 』 — or the
    /// enumeration comma 、, which neither makes a token nor breaks a run of Han characters
    /// (ASCII " and ' are handled with ASCII, full-width ＂ ＇ fold to them, the small and
    /// half-width commas ﹑ ､ fold to 、).
    ///
    /// 、 joins the parts of one term in legal text (查封、扣押, 罚款、没收违法所得), which people
    /// type without it: as part of the run, 查封扣押 finds 查封、扣押 and 查封、扣押 finds 查封扣押.
    @inline(__always)
    static func isTransparentMark(_ value: UInt32) -> Bool {
        value &- 0x3008 < 8 || value &- 0x2018 < 2 || value &- 0x201C < 2 || value == 0x3001
    }

    /// Whether `value` is a variation selector (U+FE00–FE0F, U+E0100–E01EF): invisible,
    /// it picks a glyph for the character before it and is ignored entirely.
    @inline(__always)
    static func isVariationSelector(_ value: UInt32) -> Bool {
        value &- 0xFE00 < 0x10 || value &- 0xE0100 < 0xF0
    }

    /// The number of bytes of `value` in UTF-8.
    @inline(__always)
    static func utf8Length(_ value: UInt32) -> Int {
        value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
    }

    /// Writes `value` as UTF-8 at `output` (which must have room for 4 bytes) and returns the
    /// number of bytes written.
    @inline(__always)
    static func encode(_ value: UInt32, into output: UnsafeMutablePointer<UInt8>) -> Int {
        if value < 0x80 {
            output[0] = UInt8(truncatingIfNeeded: value)
            return 1
        }
        if value < 0x800 {
            output[0] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
            output[1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return 2
        }
        if value < 0x10000 {
            output[0] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
            output[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
            output[2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return 3
        }
        output[0] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
        output[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F)
        output[2] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
        output[3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
        return 4
    }
}

/// NFKC folding of single scalars, from the table in `NFKCTable.swift`.
///
/// The standard library has no compatibility mappings and Foundation's normalisation would
/// pull in ICU for a handful of characters, so the mappings are data: every scalar whose
/// NFKC form differs from itself (full-width and half-width forms, circled and parenthesised
/// numbers, compatibility ideographs and Kangxi radicals, ligatures, superscripts, …).
/// Folding is per scalar: a letter followed by a combining mark is not composed.
enum NFKC {
    /// The parsed table: sorted scalars, and for each the slice of `values` it maps to.
    struct Table: Sendable {
        var keys: [UInt32] = []
        /// `starts[i]..<starts[i + 1]` is the mapping of `keys[i]` in `values`.
        var starts: [Int32] = []
        var values: [UInt32] = []

        /// Parses the `SCALAR:MAPPED,MAPPED…` hexadecimal entries of `data`.
        init(parsing data: String) {
            keys.reserveCapacity(5_000)
            starts.reserveCapacity(5_001)
            values.reserveCapacity(7_000)
            var number: UInt32 = 0
            var digits = 0
            var inKey = true
            for byte in data.utf8 {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    number = number << 4 | UInt32(byte - UInt8(ascii: "0"))
                    digits += 1
                case UInt8(ascii: "A")...UInt8(ascii: "F"):
                    number = number << 4 | UInt32(byte - UInt8(ascii: "A") + 10)
                    digits += 1
                default:
                    if digits > 0 {
                        if inKey {
                            keys.append(number)
                            starts.append(Int32(values.count))
                        } else {
                            values.append(number)
                        }
                    }
                    inKey = byte != UInt8(ascii: ":") && byte != UInt8(ascii: ",")
                    number = 0
                    digits = 0
                }
            }
            if digits > 0 { values.append(number) }
            starts.append(Int32(values.count))
        }
    }

    /// The table, parsed on first use (thread-safe, like every global).
    static let table = Table(parsing: nfkcMappingData)

    /// The NFKC form of `value` when it differs from `value` itself, else `nil`.
    static func mapping(of value: UInt32) -> ArraySlice<UInt32>? {
        let table = Self.table
        var low = 0
        var high = table.keys.count
        while low < high {
            let middle = (low + high) / 2
            let key = table.keys[middle]
            if key == value {
                return table.values[Int(table.starts[middle])..<Int(table.starts[middle + 1])]
            }
            if key < value { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
