/// The structure of a plan text, before metadata and citations are attached.
struct ParsedPlan: Sendable {
    /// The document number on the first line (`乌司发〔2022〕11号`), if any.
    var number: String?
    /// The notice title, joined across broken lines.
    var noticeTitle: String?
    var sections: [PlanSection]
    /// Body paragraphs with the measure they belong to, for deadline extraction.
    var paragraphs: [PlanParagraph]
    var announcedMeasureCount: Int?
    var announcedLine: Int?
    var measureCount: Int
    /// The part whose measures are counted (`二、方法措施`).
    var measurePart: String?
    var warnings: [String]
}

/// One line of a plan's body and where it sits.
struct PlanParagraph: Sendable {
    var line: Int
    var text: String
    /// `二、（一）推行包容审慎监管执法制度`, or the part heading, or `前言`.
    var measure: String
}

/// Parses a plan (实施方案 in a 通知): document number, notice title (possibly broken over
/// lines), preamble, parts `一、`, measures `（一）`, points `1.`, `进度安排` paragraphs and the
/// `附件` list.
struct PlanParser {
    /// Path of the file, used in warnings.
    let file: String

    static let preambleTitle = "前言"
    static let scheduleTitle = "进度安排"
    static let attachmentsTitle = "附件"

    private enum LineKind {
        case part(numeral: String, title: String)
        case measure(number: Int, heading: String, title: String)
        case point(title: String)
        case schedule
        case attachments
        case text

        var isStructural: Bool {
            if case .text = self { return false }
            return true
        }
    }

    func parse(_ contents: String) throws(CorpusError) -> ParsedPlan {
        let lines = TextSupport.lines(of: contents)
        var index = 0
        func skipBlank() { while index < lines.count, TextSupport.isBlank(lines[index]) { index += 1 } }
        skipBlank()
        guard index < lines.count else { throw CorpusError(file: file, line: 1, message: "方案文件是空的") }

        var sections: [PlanSection] = []
        var warnings: [String] = []

        // Header: number line and notice title.
        var number: String?
        var headerLines: [String] = []
        let headerStart = index + 1
        let first = TextSupport.trim(lines[index])
        if Self.isDocumentNumber(first) {
            number = first
            headerLines.append(first)
            index += 1
        }
        var titleParts: [String] = []
        while index < lines.count, titleParts.count < 4 {
            skipBlank()
            guard index < lines.count else { break }
            let line = TextSupport.trim(lines[index])
            if line.hasSuffix("：") || line.hasSuffix(":") || Self.classify(line).isStructural { break }
            titleParts.append(line)
            index += 1
            if Self.endsTitle(line) { break }
        }
        let noticeTitle = titleParts.isEmpty ? nil : titleParts.joined()
        if let noticeTitle { headerLines.append(noticeTitle) }
        if !headerLines.isEmpty {
            sections.append(
                PlanSection(
                    kind: .heading, title: noticeTitle ?? number ?? "", path: [],
                    text: headerLines.joined(separator: "\n"), line: headerStart))
        }

        // Body.
        var paragraphs: [PlanParagraph] = []
        var part: (numeral: String, heading: String)?
        var measure: String?
        var current: Int?  // index in sections of the unit that takes continuation lines
        var measuresPerPart: [(part: String, numbers: [Int])] = []
        var inAttachments = false

        while index < lines.count {
            let lineNumber = index + 1
            let line = TextSupport.trim(lines[index])
            index += 1
            if line.isEmpty { continue }
            if inAttachments {
                sections[current!].text += "\n" + line
                continue
            }
            let kind = Self.classify(line)
            let measureLabel: String
            switch kind {
            case .part(let numeral, let title):
                let heading = numeral + "、" + title
                part = (numeral, heading)
                measure = nil
                measuresPerPart.append((heading, []))
                sections.append(PlanSection(kind: .part, title: title, path: [heading], text: line, line: lineNumber))
                current = sections.count - 1
                measureLabel = heading
            case .measure(let n, let heading, let title):
                if part == nil {
                    warnings.append("\(file):\(lineNumber): measure \(heading) outside any part")
                    measuresPerPart.append(("", []))
                }
                let numbers = measuresPerPart[measuresPerPart.count - 1].numbers
                if n != numbers.count + 1 {
                    warnings.append("\(file):\(lineNumber): measure \(heading) follows measure \(numbers.count)")
                }
                measuresPerPart[measuresPerPart.count - 1].numbers.append(n)
                measure = heading
                sections.append(
                    PlanSection(
                        kind: .measure, title: title,
                        path: [part?.heading, heading].compactMap { $0 },
                        text: line, line: lineNumber))
                current = sections.count - 1
                measureLabel = Self.measureLabel(part: part?.numeral, measure: heading)
            case .point(let title):
                sections.append(
                    PlanSection(
                        kind: .point, title: title,
                        path: [part?.heading, measure].compactMap { $0 },
                        text: line, line: lineNumber))
                current = sections.count - 1
                measureLabel =
                    measure.map { Self.measureLabel(part: part?.numeral, measure: $0) }
                    ?? part?.heading ?? Self.preambleTitle
            case .schedule:
                sections.append(
                    PlanSection(
                        kind: .schedule, title: Self.scheduleTitle,
                        path: [part?.heading, measure].compactMap { $0 },
                        text: line, line: lineNumber))
                current = sections.count - 1
                measureLabel =
                    measure.map { Self.measureLabel(part: part?.numeral, measure: $0) }
                    ?? part?.heading ?? Self.preambleTitle
            case .attachments:
                sections.append(
                    PlanSection(
                        kind: .attachments, title: Self.attachmentsTitle, path: [],
                        text: line, line: lineNumber))
                current = sections.count - 1
                inAttachments = true
                continue
            case .text:
                if let current {
                    sections[current].text += "\n" + line
                } else {
                    sections.append(
                        PlanSection(
                            kind: .preamble, title: Self.preambleTitle, path: [],
                            text: line, line: lineNumber))
                    current = sections.count - 1
                }
                measureLabel =
                    measure.map { Self.measureLabel(part: part?.numeral, measure: $0) }
                    ?? part?.heading ?? Self.preambleTitle
            }
            paragraphs.append(PlanParagraph(line: lineNumber, text: line, measure: measureLabel))
        }

        if !sections.contains(where: { $0.kind == .part }) {
            warnings.append("\(file): no parts (一、二、…) found")
        }

        // Measures announced (十一项措施) and enumerated.
        var announced: (Int, Int)?
        for paragraph in paragraphs {
            if let count = Self.announcedMeasures(in: paragraph.text) {
                announced = (count, paragraph.line)
                break
            }
        }
        let counted =
            measuresPerPart.first { $0.part.contains("措施") }
            ?? measuresPerPart.max { $0.numbers.count < $1.numbers.count }
        return ParsedPlan(
            number: number, noticeTitle: noticeTitle, sections: sections, paragraphs: paragraphs,
            announcedMeasureCount: announced?.0, announcedLine: announced?.1,
            measureCount: counted?.numbers.count ?? 0,
            measurePart: counted?.part, warnings: warnings)
    }

    /// `二、（一）推行包容审慎监管执法制度`.
    static func measureLabel(part: String?, measure: String) -> String {
        part.map { $0 + "、" + measure } ?? measure
    }

    /// A document number such as `乌司发〔2022〕11号`.
    static func isDocumentNumber(_ line: String) -> Bool {
        line.count <= 30 && line.hasSuffix("号") && (line.contains("〔") || line.contains("[") || line.contains("［"))
    }

    /// Whether a title line completes the notice title.
    static func endsTitle(_ line: String) -> Bool {
        ["通知", "方案", "意见", "决定", "办法", "规定", "报告", "函", "批复", "通报"].contains { line.hasSuffix($0) }
    }

    /// `十一项措施` → 11.
    static func announcedMeasures(in text: String) -> Int? {
        let t = FoldedText(text)
        var from = 0
        while let k = t.firstIndex(of: "项措施", from: from) {
            var start = k
            while start > 0, TextSupport.isNumeral(t.folded[start - 1]) { start -= 1 }
            if start < k, let value = ChineseNumeral.parse(t.foldedText(start..<k)) { return value }
            from = k + 1
        }
        return nil
    }

    private static func classify(_ line: String) -> LineKind {
        let t = FoldedText(line.prefix(40))
        // 一、目标任务 — a short heading line of its own.
        let partEnd = t.numeralRunEnd(from: 0)
        if partEnd > 0, partEnd < t.count, t.folded[partEnd] == "、",
            t.folded[0..<partEnd].allSatisfy({ !$0.isASCII && TextSupport.isHan($0) }),
            ChineseNumeral.parse(t.foldedText(0..<partEnd)) != nil,
            line.count <= 30, !line.contains("。")
        {
            return .part(numeral: t.text(0..<partEnd), title: TextSupport.trim(line.dropFirst(partEnd + 1)))
        }
        // （一）推行包容审慎监管执法制度。…
        if let (n, length) = ItemMarker.parse(line) {
            let rest = line.dropFirst(length)
            let title = TextSupport.trim(rest.prefix { $0 != "。" })
            return .measure(number: n, heading: String(line.prefix(length)) + title, title: title)
        }
        // 1.不予处罚事项清单。…
        if let (_, end) = t.digits(at: 0), end < t.count, ".、".contains(t.folded[end]),
            end + 1 < t.count, !t.folded[end + 1].isWholeNumber
        {
            return .point(title: TextSupport.trim(line.prefix { $0 != "。" }))
        }
        if t.has("进度安排", at: 0), t.count > 4, ":：".contains(t.original[4]) || t.folded[4] == ":" {
            return .schedule
        }
        if t.has("附件", at: 0), t.count > 2, t.folded[2] == ":" || t.folded[2].isWholeNumber {
            return .attachments
        }
        return .text
    }
}
