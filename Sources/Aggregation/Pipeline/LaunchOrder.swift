/// Decides which due source to start next. Sources are committed in configuration order, but a
/// source whose host already has its share of requests running would only wait for the host
/// while holding one of the run's concurrency slots; so the next source is the first one, within
/// a bounded look-ahead, whose host has room. The look-ahead bounds how many finished sources
/// wait for an earlier one to be committed.
struct LaunchOrder {
    /// Each due source's host; `nil` for local files, which no host limit applies to.
    private let hosts: [String?]
    private let perHost: Int
    private let lookAhead: Int
    /// Due sources not started yet, in configuration order.
    private var waiting: [Int]
    private var runningByHost: [String: Int] = [:]

    init(hosts: [String?], perHost: Int, lookAhead: Int) {
        self.hosts = hosts
        self.perHost = max(1, perHost)
        self.lookAhead = max(1, lookAhead)
        waiting = Array(hosts.indices)
    }

    /// The index of the source to start now, marked as running; `nil` when all have started,
    /// or when none below `bound` is left to start.
    mutating func next(below bound: Int = .max) -> Int? {
        guard let first = waiting.first, first < bound else { return nil }
        let window = waiting.prefix(lookAhead).prefix { $0 < bound }
        let position =
            window.firstIndex { index in
                guard let host = hosts[index] else { return true }
                return runningByHost[host, default: 0] < perHost
            } ?? waiting.startIndex
        let index = waiting.remove(at: position)
        if let host = hosts[index] { runningByHost[host, default: 0] += 1 }
        return index
    }

    /// Marks the source at `index` as finished, freeing room on its host.
    mutating func finished(_ index: Int) {
        guard let host = hosts[index], let running = runningByHost[host] else { return }
        runningByHost[host] = running > 1 ? running - 1 : nil
    }
}
