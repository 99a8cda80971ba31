import Foundation

/// Wall-clock seconds of the phases of an index build (loading, rows, full-text index …), in
/// order, for the build's report: where the time goes is what tuning a build starts from.
public struct PhaseTimings: Codable, Sendable, Equatable {
    /// Each phase and its seconds, in the order they ran.
    public private(set) var phases: [Phase] = []
    private var lastLap = Date()

    /// One phase of a build.
    public struct Phase: Codable, Sendable, Equatable {
        public var name: String
        public var seconds: Double
    }

    public init() {}

    /// Ends the phase `name`, which ran since the previous lap (or since this value was made).
    public mutating func lap(_ name: String) {
        let now = Date()
        phases.append(Phase(name: name, seconds: now.timeIntervalSince(lastLap)))
        lastLap = now
    }

    /// Starts timing the next phase now, leaving out the time since the last lap.
    public mutating func restart() {
        lastLap = Date()
    }

    /// Appends the phases of `other`.
    public mutating func append(_ other: PhaseTimings) {
        phases += other.phases
        lastLap = Date()
    }

    enum CodingKeys: String, CodingKey { case phases }
}
