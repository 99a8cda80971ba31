/// One occurrence of a query term in a unit's text: where it starts, how many tokens it
/// spans, and which required group of the query it stands for.
public struct TermOccurrence: Equatable, Sendable {
    /// Token position of its first token.
    public var start: Int
    /// Tokens it spans.
    public var length: Int
    /// The required group of the query it belongs to (0-based).
    public var group: Int

    /// Creates an occurrence.
    public init(start: Int, length: Int, group: Int) {
        self.start = start
        self.length = length
        self.group = group
    }
}

/// How close together and how early the terms of a query occur in a text, as a factor on
/// its BM25 score: `1 + proximityWeight·proximity + earlinessWeight·earliness`, where
/// `proximity` = (total length of the terms) / (length of the shortest window holding one
/// occurrence of every group), and `earliness` = 1 / (1 + window start / earlinessScale).
///
/// In legal text the article whose opening sentence holds all the terms side by side
/// answers a query better than one that mentions them far apart. The rank function
/// (``RankFunction``) computes it from the positions FTS5 already has; `ProximityRanker`
/// from the text itself.
public struct ProximityWeights: Sendable, Equatable {
    /// Weight of the proximity factor.
    public var proximityWeight = 0.6
    /// Weight of the earliness factor.
    public var earlinessWeight = 0.8
    /// Position at which earliness has dropped to one half.
    public var earlinessScale = 32.0

    /// Creates the default weights.
    public init() {}

    /// The shortest span holding one occurrence of every group.
    public struct Window: Equatable, Sendable {
        /// Where it starts.
        public var start: Int
        /// Tokens from its start to the end of its last occurrence.
        public var length: Int
        /// The longest occurrence of each group in it, summed.
        public var termLength: Int

        /// The window of a single occurrence.
        public init(occurrence: TermOccurrence) {
            self.init(start: occurrence.start, length: occurrence.length, termLength: occurrence.length)
        }

        init(start: Int, length: Int, termLength: Int) {
            self.start = start
            self.length = length
            self.termLength = termLength
        }
    }

    /// The factor for the occurrences `events` (sorted by start) of `groups` groups: ≥ 1,
    /// and 1 when some group does not occur.
    public func boost(_ events: [TermOccurrence], groups: Int) -> Double {
        var scratch = Scratch()
        return boost(events, groups: groups, scratch: &scratch)
    }

    /// ``boost(_:groups:)`` reusing `scratch`'s storage between calls.
    public func boost(_ events: [TermOccurrence], groups: Int, scratch: inout Scratch) -> Double {
        Self.shortestWindow(events, groups: groups, scratch: &scratch).map(factor) ?? 1
    }

    /// The factor of `window`.
    @inline(__always)
    public func factor(_ window: Window) -> Double {
        guard window.length > 0 else { return 1 }
        let proximity = min(1, Double(window.termLength) / Double(window.length))
        let earliness = 1 / (1 + Double(window.start) / earlinessScale)
        return 1 + proximityWeight * proximity + earlinessWeight * earliness
    }

    /// Counters reused by ``shortestWindow(_:groups:scratch:)``.
    public struct Scratch: Sendable {
        var counts: [Int] = []
        var lengths: [Int] = []

        /// Empty counters.
        public init() {}
    }

    /// The shortest span holding one occurrence of every group (ties: the earliest), or `nil`
    /// when some group does not occur. `events` must be sorted by start; groups outside
    /// `0..<groups` are ignored.
    public static func shortestWindow(
        _ events: [TermOccurrence], groups: Int, scratch: inout Scratch
    ) -> Window? {
        guard groups > 0 else { return nil }
        if groups == 1 { return shortestOccurrence(events) }
        Self.reset(&scratch.counts, to: groups)
        var covered = 0
        var best: Window?
        var left = 0
        for right in events.indices {
            let group = events[right].group
            guard (0..<groups).contains(group) else { continue }
            if scratch.counts[group] == 0 { covered += 1 }
            scratch.counts[group] += 1
            while covered == groups, left <= right {
                let leaving = events[left].group
                guard (0..<groups).contains(leaving) else {
                    left += 1
                    continue
                }
                // The window reaches at least as far as its first and last events: when that is
                // already no shorter than the best, it cannot win, and is not measured.
                let start = events[left].start
                let reach = max(events[left].start + events[left].length, events[right].start + events[right].length)
                if best == nil || reach - start < best!.length {
                    let candidate = window(events[left...right], groups: groups, scratch: &scratch)
                    if best == nil || candidate.length < best!.length { best = candidate }
                }
                scratch.counts[leaving] -= 1
                if scratch.counts[leaving] == 0 { covered -= 1 }
                left += 1
            }
        }
        return best
    }

    /// With one group, every occurrence is a window: the shortest, the earliest of those.
    private static func shortestOccurrence(_ events: [TermOccurrence]) -> Window? {
        var best: TermOccurrence?
        for event in events where event.group == 0 {
            if best == nil || event.length < best!.length { best = event }
        }
        return best.map(Window.init(occurrence:))
    }

    /// Sets `counters` to `count` zeros, reusing its storage.
    private static func reset(_ counters: inout [Int], to count: Int) {
        if counters.count == count {
            for index in counters.indices { counters[index] = 0 }
        } else {
            counters = Array(repeating: 0, count: count)
        }
    }

    /// The window spanning `events` (its first event starts it).
    private static func window(
        _ events: ArraySlice<TermOccurrence>, groups: Int, scratch: inout Scratch
    ) -> Window {
        reset(&scratch.lengths, to: groups)
        let start = events.first?.start ?? 0
        var end = start
        for event in events where (0..<groups).contains(event.group) {
            end = max(end, event.start + event.length)
            scratch.lengths[event.group] = max(scratch.lengths[event.group], event.length)
        }
        return Window(start: start, length: end - start, termLength: scratch.lengths.reduce(0, +))
    }
}
