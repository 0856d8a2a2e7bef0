/// robots.txt rules per origin, fetched once per fetcher lifetime; concurrent askers share one fetch.
actor RobotsCache {
    private var entries: [String: Task<RobotsRules, Never>] = [:]

    /// The rules for `origin`, loading them with `load` the first time.
    func rules(for origin: String, load: @escaping @Sendable () async -> RobotsRules) async -> RobotsRules {
        if let entry = entries[origin] { return await entry.value }
        let entry = Task { await load() }
        entries[origin] = entry
        return await entry.value
    }
}
