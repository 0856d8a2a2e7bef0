/// Longest-first phrase lookup over a gazetteer: entries grouped by their first key, longest
/// first, so "South Africa" wins over "Africa" and "Papua New Guinea" over "Guinea".
struct GazetteerIndex: Sendable {
    private let byFirstKey: [String: [GazetteerEntry]]

    /// The index of `gazetteer`'s entries.
    init(_ gazetteer: Gazetteer) {
        var groups: [String: [GazetteerEntry]] = [:]
        for entry in gazetteer.entries { groups[entry.keys[0], default: []].append(entry) }
        byFirstKey = groups.mapValues { $0.sorted { $0.keys.count > $1.keys.count } }
    }

    /// The longest entry matching `tokens` at `position`, written as a proper name.
    func longestMatch(in tokens: [PlaceToken], at position: Int) -> GazetteerEntry? {
        let first = tokens[position]
        guard first.isCapitalized, let candidates = byFirstKey[first.key] else { return nil }
        for entry in candidates where position + entry.keys.count <= tokens.count {
            if entry.requiresCapitals && !first.isAllCaps && entry.keys.count == 1 { continue }
            var matches = true
            for (offset, key) in entry.keys.enumerated().dropFirst() where tokens[position + offset].key != key {
                matches = false
                break
            }
            if matches { return entry }
        }
        return nil
    }
}
