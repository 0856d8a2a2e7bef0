import Foundation

extension FeedFetcher {
    /// Throws when robots.txt of the URL's origin forbids it to our User-Agent.
    func checkRobots(_ url: URL, request: FetchRequest) async throws(FetchError) {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else { return }
        let origin = "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
        let agent = request.userAgent ?? policy.userAgent
        let rules = await robots.rules(for: origin + " " + agent) { await self.loadRobots(origin: origin, agent: agent) }
        var path = url.path.isEmpty ? "/" : url.path
        if let query = url.query { path += "?" + query }
        if !rules.allows(path: path) { throw .disallowedByRobots(url.absoluteString) }
    }

    /// Fetches and parses robots.txt: a 4xx (other than 429) allows everything; a 5xx, 429 or no answer
    /// disallows everything for this fetcher's lifetime.
    private func loadRobots(origin: String, agent: String) async -> RobotsRules {
        guard let url = URL(string: origin + "/robots.txt") else { return .allowAll }
        let token = String(agent.prefix { $0 != "/" && $0 != " " })
        do {
            let response = try await fetchNetwork(
                url,
                request: FetchRequest(url: url.absoluteString, kind: .feed, userAgent: agent),
                accept: Self.robotsAccept,
                maxBytes: Self.robotsMaxBytes
            )
            return RobotsRules(parsing: String(decoding: response.body, as: UTF8.self), agent: token)
        } catch {
            if let status = error.status, (400..<500).contains(status), status != 429 { return .allowAll }
            return .disallowAll
        }
    }
}
