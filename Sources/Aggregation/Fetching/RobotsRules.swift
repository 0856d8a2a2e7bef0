/// The rules of one robots.txt (RFC 9309) for one crawler: Allow/Disallow patterns with `*` and `$`,
/// the longest matching pattern decides, and Allow wins a tie.
struct RobotsRules: Sendable, Hashable {
    /// One Allow or Disallow line.
    struct Rule: Sendable, Hashable {
        /// The path pattern, as written.
        var pattern: String
        /// True for Allow, false for Disallow.
        var allows: Bool
    }

    /// The rules that apply to our crawler.
    var rules: [Rule]

    /// Everything allowed (no robots.txt, or a 4xx for it).
    static let allowAll = RobotsRules(rules: [])
    /// Everything disallowed (robots.txt unreachable or answering 5xx).
    static let disallowAll = RobotsRules(rules: [Rule(pattern: "/", allows: false)])

    /// Parses a robots.txt for the crawler whose product token is `agent` (e.g. "Tributary"): the groups
    /// naming it (case-insensitively) if any, else the `*` groups.
    init(parsing text: String, agent: String) {
        let token = agent.lowercased()
        var named: [Rule] = []
        var wildcard: [Rule] = []
        var sawNamed = false
        var groupAgents: [String] = []
        var inRules = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if inRules {
                    groupAgents = []
                    inRules = false
                }
                groupAgents.append(value.lowercased())
            case "allow", "disallow":
                inRules = true
                guard !value.isEmpty else { continue }
                let rule = Rule(pattern: value, allows: key == "allow")
                if groupAgents.contains(token) {
                    named.append(rule)
                    sawNamed = true
                } else if groupAgents.contains("*") {
                    wildcard.append(rule)
                }
            default:
                continue
            }
        }
        self.rules = sawNamed ? named : wildcard
    }

    init(rules: [Rule]) {
        self.rules = rules
    }

    /// Whether the path (with its query) may be fetched.
    func allows(path: String) -> Bool {
        if path == "/robots.txt" { return true }
        var best: Rule?
        for rule in rules where Self.matches(pattern: Array(rule.pattern.utf8), path: Array(path.utf8)) {
            guard let current = best else {
                best = rule
                continue
            }
            if rule.pattern.utf8.count > current.pattern.utf8.count || (rule.pattern.utf8.count == current.pattern.utf8.count && rule.allows) {
                best = rule
            }
        }
        return best?.allows ?? true
    }

    /// Matches a pattern against the start of a path: `*` is any run of bytes, a final `$` anchors the end.
    static func matches(pattern: [UInt8], path: [UInt8]) -> Bool {
        let star = UInt8(ascii: "*")
        let dollar = UInt8(ascii: "$")
        var pattern = pattern
        var anchored = false
        if pattern.last == dollar {
            anchored = true
            pattern.removeLast()
        }
        // reachable[j]: the pattern prefix read so far can end at path offset j.
        var reachable = [Bool](repeating: false, count: path.count + 1)
        reachable[0] = true
        for byte in pattern {
            var next = [Bool](repeating: false, count: path.count + 1)
            if byte == star {
                var seen = false
                for offset in 0...path.count {
                    seen = seen || reachable[offset]
                    next[offset] = seen
                }
            } else {
                for offset in 0..<path.count where reachable[offset] && path[offset] == byte {
                    next[offset + 1] = true
                }
            }
            reachable = next
            if !reachable.contains(true) { return false }
        }
        return anchored ? reachable[path.count] : reachable.contains(true)
    }
}
