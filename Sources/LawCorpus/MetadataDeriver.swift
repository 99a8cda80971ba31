/// Derives a regulation's metadata from its text, so that a new file needs no sidecar:
/// title from `# `, version from `(2021)` in the file name (else the last history year),
/// promulgation from the history line that says 公布 (else the last dated one), entry into force
/// from `本法自…起施行` in the last articles, issuer and category from the history lines.
enum MetadataDeriver {
    /// Bodies recognised in history lines, most specific first, with the category of what they enact.
    static let issuers: [(name: String, category: String)] = [
        ("全国人民代表大会常务委员会", "法律"),
        ("全国人民代表大会", "法律"),
        ("国务院", "行政法规"),
    ]

    static func derive(_ parsed: ParsedRegulation, fileName: String) -> RegulationMetadata {
        let title = parsed.title
        let dated = parsed.history.compactMap { line in DateScanner.firstDate(in: line).map { (line, $0) } }

        let promulgation =
            dated.last { $0.0.contains("公布") }
            ?? dated.last { !$0.0.contains("施行") && !$0.0.contains("生效") }
        var effective: CalendarDate?
        for article in parsed.articles.suffix(3).reversed() {
            if let date = effectiveDate(in: article.paragraphs.joined()) {
                effective = date
                break
            }
        }
        if effective == nil {
            effective = dated.last { $0.0.contains("施行") }?.1
        }

        let (issuer, category) = issuer(promulgation: promulgation?.0, history: parsed.history)
        let version =
            versionInFileName(fileName)
            ?? (dated.last?.1.year ?? effective?.year).map(String.init) ?? ""
        let short = DocumentNames.strippingCountry(title)
        return RegulationMetadata(
            title: title, shortNames: short != title && !short.isEmpty ? [short] : [],
            issuer: issuer ?? "", category: category,
            promulgated: promulgation?.1, effective: effective,
            status: parsed.annotations["STATUS"].flatMap { validStatus($0) } ?? RegulationMetadata.Status.inForce,
            version: version)
    }

    /// `本法自2021年7月15日起施行` → 2021-07-15.
    static func effectiveDate(in text: String) -> CalendarDate? {
        let t = FoldedText(text)
        for (date, range) in DateScanner.dates(in: t) {
            let before = range.lowerBound > 0 && t.folded[range.lowerBound - 1] == "自"
            let after =
                t.has("起施行", at: range.upperBound) || t.has("起生效", at: range.upperBound)
                || t.has("施行", at: range.upperBound)
            if before && after { return date }
        }
        return nil
    }

    /// The enacting body, preferring the promulgation line, and the category it implies.
    static func issuer(promulgation: String?, history: [String]) -> (String?, String?) {
        for line in [promulgation].compactMap({ $0 }) + history.reversed() {
            for (name, category) in issuers where line.contains(name) {
                return (name, category)
            }
            // A local people's congress standing committee: 内蒙古自治区第十三届人民代表大会常务委员会
            if let local = localBody(in: line, keyword: "人民代表大会常务委员会") { return (local, "地方性法规") }
            if let local = localBody(in: line, keyword: "人民政府") { return (local, "地方政府规章") }
        }
        return (nil, nil)
    }

    private static func localBody(in line: String, keyword: String) -> String? {
        guard let range = line.range(of: keyword) else { return nil }
        // The Han run before the keyword, without the session (第十三届).
        var prefix = String(line[..<range.lowerBound].reversed().prefix { TextSupport.isHan($0) }.reversed())
        if let session = prefix.range(of: "第") { prefix = String(prefix[..<session.lowerBound]) }
        guard !prefix.isEmpty else { return nil }
        return prefix + keyword
    }

    /// `中华人民共和国行政处罚法(2021).md` → `2021`.
    static func versionInFileName(_ name: String) -> String? {
        let t = FoldedText(name)
        var i = 0
        var found: String?
        while i < t.count {
            if t.folded[i] == "(", let (value, end) = t.digits(at: i + 1), end < t.count, t.folded[end] == ")",
                CalendarDate.parsedYears.contains(value)
            {
                found = String(value)
            }
            i += 1
        }
        return found
    }

    static func validStatus(_ text: String) -> String? {
        let all = [
            RegulationMetadata.Status.inForce, RegulationMetadata.Status.amended,
            RegulationMetadata.Status.repealed, RegulationMetadata.Status.notYetInForce,
        ]
        return all.first { text.contains($0) }
    }
}
