/// The keywords of a topic set compiled for one pass over a text's words: every key is
/// numbered, and terms are looked up by the number of their first word's key.
struct TopicIndex: Sendable {
    /// Terms by the number of their first key, case-folded stems and words as written apart.
    private(set) var folded = TermGroups()
    private(set) var cased = TermGroups()
    /// The key numbers of every term, end to end (`TopicTerm.keyStart`).
    private(set) var termKeys: [Int32] = []
    /// The number of every key a term uses.
    private(set) var foldedNumbers: [String: Int32] = [:]
    private(set) var casedNumbers: [String: Int32] = [:]
    /// The same numbers looked up by a word's bytes, for words of plain ASCII.
    private(set) var foldedBytes = WordNumbers([])
    private(set) var casedBytes = WordNumbers([])
    private(set) var termCount = 0

    init(_ set: TopicSet) {
        var folded: [[TopicTerm]] = []
        var cased: [[TopicTerm]] = []
        for (topic, definition) in set.definitions.enumerated() {
            for group in definition.keywords {
                for term in group.terms { add(term, topic: topic, weight: group.weight, folded: &folded, cased: &cased) }
            }
        }
        self.folded = TermGroups(folded)
        self.cased = TermGroups(cased)
        foldedBytes = WordNumbers(foldedNumbers.map { ($0.key, $0.value) })
        casedBytes = WordNumbers(casedNumbers.map { ($0.key, $0.value) })
    }

    private mutating func add(_ term: String, topic: Int, weight: Double, folded: inout [[TopicTerm]], cased: inout [[TopicTerm]]) {
        let words = WordTokenizer.words(in: term)
        guard !words.isEmpty else { return }
        let caseSensitive = words.contains { word in word.contains { $0.isUppercase } }
        let keys = words.map { caseSensitive ? TopicTerm.casedKey($0) : TopicTerm.foldedKey($0.lowercased()) }
        let numbers = keys.map { key in
            caseSensitive ? Self.number(key, in: &casedNumbers, terms: &cased) : Self.number(key, in: &foldedNumbers, terms: &folded)
        }
        let compiled = TopicTerm(
            keyStart: Int32(termKeys.count), keyCount: Int32(numbers.count), caseSensitive: caseSensitive, topic: topic, weight: weight,
            serial: termCount)
        termKeys += numbers
        termCount += 1
        if caseSensitive {
            cased[Int(numbers[0])].append(compiled)
        } else {
            folded[Int(numbers[0])].append(compiled)
        }
    }

    private static func number(_ key: String, in numbers: inout [String: Int32], terms: inout [[TopicTerm]]) -> Int32 {
        if let number = numbers[key] { return number }
        let number = Int32(terms.count)
        numbers[key] = number
        terms.append([])
        return number
    }

    /// Calls `body` with every term occurring in `words` (keys prepared by `TopicText`) and the
    /// word position where it starts.
    func forEachMatch(in text: TopicText, _ body: (TopicTerm, Int) -> Void) {
        for position in text.folded.indices {
            let foldedKey = text.folded[position]
            if foldedKey >= 0 {
                for index in folded.range(of: foldedKey) {
                    let term = folded.terms[index]
                    if matches(term, text.folded, at: position) { body(term, position) }
                }
            }
            let casedKey = text.cased[position]
            if casedKey >= 0 {
                for index in cased.range(of: casedKey) {
                    let term = cased.terms[index]
                    if matches(term, text.cased, at: position) { body(term, position) }
                }
            }
        }
    }

    private func matches(_ term: TopicTerm, _ keys: [Int32], at position: Int) -> Bool {
        let count = Int(term.keyCount)
        guard count > 1 else { return true }
        guard position + count <= keys.count else { return false }
        let start = Int(term.keyStart)
        for offset in 1..<count where keys[position + offset] != termKeys[start + offset] { return false }
        return true
    }

    /// Terms grouped by the number of their first key, the groups end to end.
    struct TermGroups: Sendable {
        private(set) var terms: [TopicTerm] = []
        /// Where each key's group starts in `terms`, and the end after the last.
        private var starts: [Int32] = [0]

        init() {}

        init(_ groups: [[TopicTerm]]) {
            for group in groups {
                terms += group
                starts.append(Int32(terms.count))
            }
        }

        /// The indices in `terms` of the terms whose first key is `key`.
        func range(of key: Int32) -> Range<Int> {
            Int(starts[Int(key)])..<Int(starts[Int(key) + 1])
        }
    }
}

/// A text's words as the numbers of their match keys in a `TopicIndex`, both case-folded stems
/// and as written (-1 for a key no term uses).
struct TopicText: Sendable {
    let folded: [Int32]
    let cased: [Int32]

    init(_ text: String, index: TopicIndex) {
        var folded: [Int32] = []
        var cased: [Int32] = []
        folded.reserveCapacity(text.utf8.count / 5)
        cased.reserveCapacity(text.utf8.count / 5)
        // Words repeat: each distinct one is lower-cased, stemmed and looked up once.
        let known = WordTable<(folded: Int32, cased: Int32)>(capacity: text.utf8.count / 12)
        var lowered: [UInt8] = []
        var stem: [UInt8] = []
        let foldedBytes = index.foldedBytes
        let casedBytes = index.casedBytes
        WordTokenizer.forEachWordBytes(in: text) { bytes, isASCII in
            var (numbers, place) = known.find(bytes)
            if numbers == nil {
                if isASCII {
                    lowered.removeAll(keepingCapacity: true)
                    for byte in bytes { lowered.append(WordTokenizer.lowercasedASCII(byte)) }
                    lowered.withUnsafeBufferPointer { EnglishStemmer.stem($0, into: &stem) }
                    let foldedNumber = stem.withUnsafeBufferPointer { foldedBytes.number(of: $0) } ?? -1
                    // As written, without a possessive "'s" (TopicTerm.casedKey).
                    var kept = bytes.count
                    if kept >= 2, bytes[kept - 2] == UInt8(ascii: "'"), bytes[kept - 1] == UInt8(ascii: "s") { kept -= 2 }
                    numbers = (foldedNumber, casedBytes.number(of: UnsafeBufferPointer(rebasing: bytes[0..<kept])) ?? -1)
                } else {
                    numbers = Self.numbers(of: String(decoding: bytes, as: UTF8.self), index: index)
                }
                known.insert(bytes, numbers!, at: place)
            }
            folded.append(numbers!.folded)
            cased.append(numbers!.cased)
        }
        self.folded = folded
        self.cased = cased
    }

    /// The key numbers of a word by the string rules (`TopicTerm.foldedKey` and `casedKey`).
    private static func numbers(of word: String, index: TopicIndex) -> (folded: Int32, cased: Int32) {
        (index.foldedNumbers[TopicTerm.foldedKey(word.lowercased())] ?? -1, index.casedNumbers[TopicTerm.casedKey(word)] ?? -1)
    }
}
