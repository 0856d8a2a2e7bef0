/// The keywords of a topic set compiled for one pass over a text's words: terms are looked up
/// by the key of their first word.
struct TopicIndex: Sendable {
    private(set) var folded: [String: [TopicTerm]] = [:]
    private(set) var cased: [String: [TopicTerm]] = [:]
    private(set) var termCount = 0

    init(_ set: TopicSet) {
        for (topic, definition) in set.definitions.enumerated() {
            for group in definition.keywords {
                for term in group.terms { add(term, topic: topic, weight: group.weight) }
            }
        }
    }

    private mutating func add(_ term: String, topic: Int, weight: Double) {
        let words = WordTokenizer.words(in: term)
        guard !words.isEmpty else { return }
        let caseSensitive = words.contains { word in word.contains { $0.isUppercase } }
        let keys = words.map { caseSensitive ? TopicTerm.casedKey($0) : TopicTerm.foldedKey($0.lowercased()) }
        let compiled = TopicTerm(keys: keys, caseSensitive: caseSensitive, topic: topic, weight: weight, serial: termCount)
        termCount += 1
        if caseSensitive {
            cased[keys[0], default: []].append(compiled)
        } else {
            folded[keys[0], default: []].append(compiled)
        }
    }

    /// Calls `body` with every term occurring in `words` (keys prepared by `TopicText`) and the
    /// word position where it starts.
    func forEachMatch(in text: TopicText, _ body: (TopicTerm, Int) -> Void) {
        for position in text.folded.indices {
            if let terms = folded[text.folded[position]] {
                for term in terms where matches(term, text.folded, at: position) { body(term, position) }
            }
            if let terms = cased[text.cased[position]] {
                for term in terms where matches(term, text.cased, at: position) { body(term, position) }
            }
        }
    }

    private func matches(_ term: TopicTerm, _ keys: [String], at position: Int) -> Bool {
        guard term.keys.count > 1 else { return true }
        guard position + term.keys.count <= keys.count else { return false }
        for offset in 1..<term.keys.count where keys[position + offset] != term.keys[offset] { return false }
        return true
    }
}

/// A text's words as match keys, both case-folded stems and as written.
struct TopicText: Sendable {
    let folded: [String]
    let cased: [String]

    init(_ text: String) {
        var folded: [String] = []
        var cased: [String] = []
        // Words repeat: each distinct one is lower-cased and stemmed once.
        var keys: [String: String] = [:]
        WordTokenizer.forEachWord(in: text) { word in
            if let key = keys[word] {
                folded.append(key)
            } else {
                let key = TopicTerm.foldedKey(word.lowercased())
                keys[word] = key
                folded.append(key)
            }
            cased.append(TopicTerm.casedKey(word))
        }
        self.folded = folded
        self.cased = cased
    }
}
