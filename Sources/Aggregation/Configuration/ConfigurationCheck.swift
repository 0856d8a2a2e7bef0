import Foundation
import Yams

/// The checks a decoded configuration must pass beyond its types: unique source ids, usable
/// URLs, sensible numbers. Each failure points at the key's line.
struct ConfigurationCheck {
    let configuration: Configuration
    let root: Node
    let file: String

    func run() throws(ConfigurationError) {
        try checkBaseURL()
        try checkNumbers()
        try checkSources()
        try checkTopics()
    }

    private func fail(_ path: [ConfigPathElement], _ message: String) -> ConfigurationError {
        let node = Self.node(at: path, in: root)
        return ConfigurationError(
            file: file, line: node?.mark?.line, column: node?.mark?.column, key: Self.keyPath(path), message: message)
    }

    private func checkBaseURL() throws(ConfigurationError) {
        guard let url = URL(string: configuration.baseURL), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil
        else {
            throw fail([.key("baseURL")], "expected an absolute http(s) URL such as https://news.example.org/, found '\(configuration.baseURL)'")
        }
    }

    private func checkNumbers() throws(ConfigurationError) {
        let fetch = configuration.fetch
        if fetch.concurrency < 1 { throw fail([.key("fetch"), .key("concurrency")], "must be at least 1") }
        if fetch.perHostConcurrency < 1 { throw fail([.key("fetch"), .key("perHostConcurrency")], "must be at least 1") }
        if fetch.maxBodySize.bytes < 1024 { throw fail([.key("fetch"), .key("maxBodySize")], "must be at least 1KB") }
        if fetch.timeout.seconds <= 0 { throw fail([.key("fetch"), .key("timeout")], "must be longer than 0s") }
        if fetch.maxRedirects < 0 { throw fail([.key("fetch"), .key("maxRedirects")], "cannot be negative") }
        if configuration.publish.limit < 1 { throw fail([.key("publish"), .key("limit")], "must be at least 1") }
        if !(1...5).contains(configuration.analysis.summarySentences) {
            throw fail([.key("analysis"), .key("summarySentences")], "must be between 1 and 5")
        }
        if configuration.schedule.sourceInterval.seconds < 60 {
            throw fail([.key("schedule"), .key("sourceInterval")], "must be at least 1m, to be polite to publishers")
        }
        if let days = configuration.retention.days, days < 1 { throw fail([.key("retention"), .key("days")], "must be at least 1") }
        if let count = configuration.retention.maxPerSource, count < 1 {
            throw fail([.key("retention"), .key("maxPerSource")], "must be at least 1")
        }
    }

    private func checkSources() throws(ConfigurationError) {
        var seen: [String: Int] = [:]
        for (index, source) in configuration.sources.enumerated() {
            let path: [ConfigPathElement] = [.key("sources"), .index(index)]
            if let first = seen[source.id] {
                throw fail(
                    path + [.key("id")],
                    "the id '\(source.id)' is used by sources[\(first)] too; give one of them its own id")
            }
            seen[source.id] = index
            if source.id.isEmpty || source.id.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                throw fail(path + [.key("id")], "ids are letters, digits, '-' and '_', found '\(source.id)'")
            }
            let url = source.url
            if url.isEmpty { throw fail(path + [.key("url")], "is empty") }
            if url.contains("://") {
                guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https", "file"].contains(scheme),
                    scheme == "file" || parsed.host != nil
                else {
                    throw fail(path + [.key("url")], "expected an http(s) or file:// URL or a file path, found '\(url)'")
                }
            }
            if let interval = source.interval, interval.seconds < 60 {
                throw fail(path + [.key("interval")], "must be at least 1m, to be polite to publishers")
            }
            if let maxLinks = source.maxLinks, maxLinks < 1 { throw fail(path + [.key("maxLinks")], "must be at least 1") }
        }
    }

    private func checkTopics() throws(ConfigurationError) {
        let known = Set(configuration.topics.topicSet.definitions.map(\.id))
        for (index, source) in configuration.sources.enumerated() {
            for (position, topic) in source.topics.enumerated() where !known.contains(topic) {
                throw fail(
                    [.key("sources"), .index(index), .key("topics"), .index(position)],
                    "unknown topic '\(topic)' (known: \(known.sorted().joined(separator: ", ")))")
            }
        }
    }

    /// The node at a key path, or the deepest one that exists.
    static func node(at path: [ConfigPathElement], in root: Node) -> Node? {
        var node = root
        for element in path {
            switch element {
            case .key(let key):
                guard let mapping = node.mapping else { return node }
                if let pair = mapping.first(where: { $0.key.string == key }) {
                    node = pair.value
                } else {
                    return node
                }
            case .index(let index):
                guard let sequence = node.sequence, index < sequence.count else { return node }
                node = sequence[index]
            }
        }
        return node
    }

    /// `sources[2].interval`
    static func keyPath(_ path: [ConfigPathElement]) -> String {
        var text = ""
        for element in path {
            switch element {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
