import Foundation

extension CorpusLoader {
    /// The obligations of `plan/obligations.yaml`, checked against `plans` and `registry`;
    /// `nil` when the corpus has no such file.
    func loadObligations(plans: [Plan], registry: DepartmentRegistry?) throws(CorpusError) -> ObligationSet? {
        let file = (root as NSString).appendingPathComponent(ObligationsParser.relativePath)
        guard let text = try TextFile.read(file, required: false) else { return nil }
        guard let registry else {
            throw CorpusError(
                file: file, message: "有义务清单，但没有 departments.yaml，无法确定义务约束哪些部门")
        }
        return try ObligationsParser(file: file, plans: plans, registry: registry).parse(text)
    }

    /// Every filing under `filings/<department-id>/`, in path order.
    func loadFilings(
        registry: DepartmentRegistry?, obligations: ObligationSet?, events: [PlanEvent]
    ) throws(CorpusError) -> [Filing] {
        try loadDepartmentRecords(
            folder: Filing.folder, what: "报送材料", layout: "<部门 id>/<收到日期>-<义务 id>.yaml",
            registry: registry, obligations: obligations
        ) { registry, obligations in
            let parser = FilingParser(registry: registry, obligations: obligations, events: events)
            return { file, folderID throws(CorpusError) in try parser.parse(file, folderID: folderID) }
        }
    }

    /// Every dated event under `events/<department-id>/`, in path order.
    /// With `calendar`, the due dates each event sets must fall inside its years.
    func loadEvents(
        registry: DepartmentRegistry?, obligations: ObligationSet?, calendar: WorkingDayCalendar?
    ) throws(CorpusError) -> [PlanEvent] {
        try loadDepartmentRecords(
            folder: PlanEvent.folder, what: "事件登记", layout: "<部门 id>/<事件日期>-<事件种类代码>.yaml",
            registry: registry, obligations: obligations
        ) { registry, obligations in
            let parser = PlanEventParser(registry: registry, obligations: obligations, calendar: calendar)
            return { file, folderID throws(CorpusError) in try parser.parse(file, folderID: folderID) }
        }
    }

    /// The records (filings, events) of `folder`, one YAML file each under a department's id,
    /// in path order, each read by the parser `makeParser` gives; a file elsewhere, or records
    /// without the registry and the obligations to check them against, is an error.
    private func loadDepartmentRecords<Record>(
        folder: String, what: String, layout: String, registry: DepartmentRegistry?, obligations: ObligationSet?,
        makeParser: (DepartmentRegistry, ObligationSet) -> (String, String) throws(CorpusError) -> Record
    ) throws(CorpusError) -> [Record] {
        let directory = (root as NSString).appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { paths.append(path) }
        }
        guard !paths.isEmpty else { return [] }
        guard let registry, let obligations else {
            throw CorpusError(
                file: directory,
                message: "\(folder)/ 中有\(what)，但没有 departments.yaml 或 \(ObligationsParser.relativePath)，无法核对")
        }
        let parse = makeParser(registry, obligations)
        var records: [Record] = []
        for relative in paths.sorted() {
            let full = (directory as NSString).appendingPathComponent(relative)
            let components = (relative as NSString).pathComponents
            guard components.count == 2 else {
                throw CorpusError(file: full, message: "\(what)应放在 \(folder)/\(layout)")
            }
            records.append(try parse(full, components[0]))
        }
        return records
    }
}
