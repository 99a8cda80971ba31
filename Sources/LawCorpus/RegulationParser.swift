/// The structure of a regulation text before metadata and citations are attached.
struct ParsedRegulation: Sendable {
    /// The title from the `# ` line.
    var title: String
    /// Header lines between title and `<!-- INFO END -->`, trimmed.
    var history: [String]
    var headings: [Heading]
    var articles: [Article]
    /// `KEY: value` pairs of HTML comments in the file (`<!-- STATUS: 已修改 -->`).
    var annotations: [String: String]
    /// Things worth telling the corpus editor that do not stop parsing.
    var warnings: [String]
}

/// Parses the Markdown form of a Chinese law: `# title`, history, `<!-- INFO END -->`,
/// `## 第一章　总则` headings (编/章/节), articles `第X条 …` and their paragraphs.
struct RegulationParser {
    /// Path of the file, used in errors and warnings.
    let file: String

    func parse(_ contents: String) throws(CorpusError) -> ParsedRegulation {
        let lines = TextSupport.lines(of: contents)
        var index = 0
        while index < lines.count, TextSupport.isBlank(lines[index]) { index += 1 }
        guard index < lines.count, let title = Self.title(of: lines[index]) else {
            throw CorpusError(file: file, line: 1, message: "没有标题：文件应以“# 标题”一行开头")
        }
        index += 1

        // Header: history lines up to <!-- INFO END -->, or up to the first heading or article.
        let hasInfoEnd = lines.contains { $0.contains("INFO END") }
        var history: [String] = []
        var annotations: [String: String] = [:]
        var warnings: [String] = []
        while index < lines.count {
            let line = TextSupport.trim(lines[index])
            if line.contains("INFO END") {
                index += 1
                break
            }
            if !hasInfoEnd && (Self.heading(in: line) != nil || Self.articleStart(of: line) != nil) { break }
            if let (key, value) = Self.annotation(in: line) {
                annotations[key] = value
            } else if !line.isEmpty && !line.hasPrefix("<!--") {
                history.append(line)
            }
            index += 1
        }

        var headings: [Heading] = []
        var articles: [Article] = []
        var path: [HeadingLevel: String] = [:]
        var current: (number: Int, label: String, line: Int, path: [String], paragraphs: [String])?
        var firstLine: [Int: Int] = [:]  // article number → line, for duplicate reports
        var inComment = false

        func finish() {
            if let c = current {
                articles.append(
                    Article(
                        number: c.number, label: c.label, path: c.path,
                        paragraphs: c.paragraphs, line: c.line))
            }
            current = nil
        }

        while index < lines.count {
            let lineNumber = index + 1
            let raw = lines[index]
            index += 1
            let line = TextSupport.trim(raw)
            if line.isEmpty { continue }
            if inComment || line.hasPrefix("<!--") {
                if let (key, value) = Self.annotation(in: line) { annotations[key] = value }
                inComment = !line.contains("-->")
                continue
            }
            if line.hasPrefix("#") {
                guard let heading = Self.heading(in: line, line: lineNumber) else {
                    warnings.append("\(file):\(lineNumber): heading not understood, ignored: \(line)")
                    continue
                }
                finish()
                path[heading.level] = heading.text
                for level in [HeadingLevel.part, .chapter, .section] where level > heading.level {
                    path[level] = nil
                }
                headings.append(heading)
                continue
            }
            if let start = Self.articleStart(of: line) {
                finish()
                let number = start.number
                let expected = (articles.last?.number ?? 0) + 1
                if let previous = firstLine[number] {
                    throw CorpusError(
                        file: file, line: lineNumber,
                        message: "条号重复：\(start.label)（\(number)），第 \(previous) 行已有")
                }
                guard number == expected else {
                    let message =
                        number > expected
                        ? "article numbers jump from \(expected - 1) to \(number): articles "
                            + "\(expected)…\(number - 1) are missing before \(start.label)"
                        : "article \(start.label) (\(number)) is out of order after article \(expected - 1)"
                    throw CorpusError(file: file, line: lineNumber, message: message)
                }
                firstLine[number] = lineNumber
                current = (
                    number, start.label, lineNumber,
                    [HeadingLevel.part, .chapter, .section].compactMap { path[$0] },
                    [start.rest]
                )
                continue
            }
            if current != nil {
                if ItemMarker.parse(line) != nil, let last = current!.paragraphs.indices.last {
                    current!.paragraphs[last] += "\n" + line
                } else {
                    current!.paragraphs.append(line)
                }
            } else {
                warnings.append("\(file):\(lineNumber): text outside any article, ignored: \(line.prefix(30))")
            }
        }
        finish()
        guard !articles.isEmpty else {
            throw CorpusError(file: file, line: nil, message: "没有条文：应有以“第一条 ”开头的段落")
        }
        return ParsedRegulation(
            title: title, history: history, headings: headings, articles: articles,
            annotations: annotations, warnings: warnings)
    }

    /// The title of a `# title` line.
    static func title(of line: String) -> String? {
        let trimmed = TextSupport.trim(line)
        guard trimmed.hasPrefix("#"), !trimmed.hasPrefix("##") else { return nil }
        let title = TextSupport.normaliseSpacing(trimmed.dropFirst())
        return title.isEmpty ? nil : title
    }

    /// `<!-- KEY: value -->` → (KEY, value).
    static func annotation(in line: String) -> (String, String)? {
        guard line.hasPrefix("<!--"), line.hasSuffix("-->") else { return nil }
        let inner = TextSupport.trim(line.dropFirst(4).dropLast(3))
        guard let colon = inner.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let key = TextSupport.trim(inner[..<colon])
        let value = TextSupport.trim(inner[inner.index(after: colon)...])
        guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") }) else { return nil }
        return (key.uppercased(), value)
    }

    /// A `## 第二章　…` line as a heading; `nil` when it is not a numbered 编/章/节 heading.
    static func heading(in line: String, line number: Int = 0) -> Heading? {
        guard line.hasPrefix("#") else { return nil }
        let body = TextSupport.trim(line.drop { $0 == "#" })
        let text = FoldedText(body)
        guard text.has("第", at: 0) else { return nil }
        let end = text.numeralRunEnd(from: 1)
        guard end > 1, end < text.count, ChineseNumeral.ordinal(text.foldedText(1..<end)) != nil,
            let level = [HeadingLevel.part, .chapter, .section].first(where: { $0.character == text.folded[end] })
        else { return nil }
        let label = text.text(0..<(end + 1))
        let title = TextSupport.normaliseSpacing(text.text((end + 1)..<text.count))
        return Heading(
            level: level, label: label, title: title,
            text: title.isEmpty ? label : label + "\u{3000}" + title, line: number)
    }

    /// `第三十三条 违法…` → (33, `第三十三条`, `违法…`); `nil` unless the label is followed by a space.
    static func articleStart(of line: String) -> (number: Int, label: String, rest: String)? {
        guard line.hasPrefix("第") else { return nil }
        let text = FoldedText(line.prefix(24))
        let end = text.numeralRunEnd(from: 1)
        guard end > 1, end + 1 < text.count, text.folded[end] == "条",
            TextSupport.isSpace(text.original[end + 1]) || text.folded[end + 1] == " ",
            let number = ChineseNumeral.ordinal(text.foldedText(1..<end))
        else { return nil }
        let label = text.text(0..<(end + 1))
        let rest = TextSupport.trim(line.dropFirst(end + 1))
        return (number, label, rest)
    }
}
