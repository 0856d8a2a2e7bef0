/// Word shingles: the hashes of every run of `size` consecutive words of a text.
public struct Shingler: Sendable {
    /// Words per shingle.
    public var size: Int

    /// A shingler of `size`-word shingles (5 by default).
    public init(size: Int = 5) {
        self.size = max(1, size)
    }

    /// The shingle hashes of `text` in order (one shingle when the text is shorter than `size`).
    public func shingles(of text: String) -> [UInt64] {
        shingles(ofWords: StoryTokenizer.tokens(of: text).map(\.hash))
    }

    /// The shingle hashes of a sequence of word hashes.
    func shingles(ofWords words: [UInt64]) -> [UInt64] {
        guard !words.isEmpty else { return [] }
        guard words.count > size else {
            return [words.reduce(StableHash.seed, StableHash.combine)]
        }
        var result: [UInt64] = []
        result.reserveCapacity(words.count - size + 1)
        for start in 0...(words.count - size) {
            var hash = StableHash.seed
            for offset in 0..<size { hash = StableHash.combine(hash, words[start + offset]) }
            result.append(hash)
        }
        return result
    }
}
