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
        let directory = (root as NSString).appendingPathComponent(Filing.folder)
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { paths.append(path) }
        }
        guard !paths.isEmpty else { return [] }
        guard let registry, let obligations else {
            throw CorpusError(
                file: directory,
                message: "filings/ 中有报送材料，但没有 departments.yaml 或 \(ObligationsParser.relativePath)，无法核对")
        }
        let parser = FilingParser(registry: registry, obligations: obligations, events: events)
        var filings: [Filing] = []
        for relative in paths.sorted() {
            let full = (directory as NSString).appendingPathComponent(relative)
            let components = (relative as NSString).pathComponents
            guard components.count == 2 else {
                throw CorpusError(
                    file: full, message: "报送材料应放在 \(Filing.folder)/<部门 id>/<收到日期>-<义务 id>.yaml")
            }
            filings.append(try parser.parse(full, folderID: components[0]))
        }
        return filings
    }

    /// Every dated event under `events/<department-id>/`, in path order.
    /// With `calendar`, the due dates each event sets must fall inside its years.
    func loadEvents(
        registry: DepartmentRegistry?, obligations: ObligationSet?, calendar: WorkingDayCalendar?
    ) throws(CorpusError) -> [PlanEvent] {
        let directory = (root as NSString).appendingPathComponent(PlanEvent.folder)
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { paths.append(path) }
        }
        guard !paths.isEmpty else { return [] }
        guard let registry, let obligations else {
            throw CorpusError(
                file: directory,
                message: "events/ 中有事件登记，但没有 departments.yaml 或 \(ObligationsParser.relativePath)，无法核对")
        }
        let parser = PlanEventParser(registry: registry, obligations: obligations, calendar: calendar)
        var events: [PlanEvent] = []
        for relative in paths.sorted() {
            let full = (directory as NSString).appendingPathComponent(relative)
            let components = (relative as NSString).pathComponents
            guard components.count == 2 else {
                throw CorpusError(
                    file: full, message: "事件登记应放在 \(PlanEvent.folder)/<部门 id>/<事件日期>-<事件种类代码>.yaml")
            }
            events.append(try parser.parse(full, folderID: components[0]))
        }
        return events
    }
}
