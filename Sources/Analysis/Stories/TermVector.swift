/// A sparse vector over 32-bit term hashes, sorted by term, for cosine similarity.
///
/// Each term and its weight are stored side by side in one array of 8-byte entries: a story's
/// centroid and headlines are vectors, and at 20,000 articles two arrays per vector (64-bit terms
/// apart from their weights) took 14 MB of the clustering index.
public struct TermVector: Sendable, Codable, Equatable {
    /// A term and its weight.
    public struct Entry: Sendable, Equatable {
        /// The term (a word's hash, 32 bits of it: see `StoryToken.term`).
        public var term: UInt32
        /// Its weight.
        public var weight: Float
    }

    /// The terms in ascending order, with their weights.
    public private(set) var entries: [Entry]

    /// An empty vector.
    public init() {
        entries = []
    }

    /// A vector from term weights (terms need not be sorted; zero weights are dropped). Terms
    /// are 32-bit values: only their low 32 bits are kept.
    public init(_ weighted: [UInt64: Float]) {
        let sorted = weighted.filter { $0.value != 0 }.map { Entry(term: UInt32(truncatingIfNeeded: $0.key), weight: $0.value) }
            .sorted { $0.term < $1.term }
        // Two keys with the same low 32 bits are one term.
        var merged: [Entry] = []
        merged.reserveCapacity(sorted.count)
        for entry in sorted {
            if let last = merged.last, last.term == entry.term {
                merged[merged.count - 1].weight += entry.weight
            } else {
                merged.append(entry)
            }
        }
        entries = merged.filter { $0.weight != 0 }
    }

    /// A vector from entries already in ascending order of term, without repeats, with
    /// non-zero weights.
    init(sortedEntries: [Entry]) {
        entries = sortedEntries
    }

    /// Term hashes in ascending order: a new array at each use (walk `entries` in loops).
    public var terms: [UInt64] { entries.map { UInt64($0.term) } }

    /// The weight of each term: a new array at each use (walk `entries` in loops).
    public var weights: [Float] { entries.map(\.weight) }

    /// The number of terms.
    public var count: Int { entries.count }

    /// True when no term has a weight.
    public var isEmpty: Bool { entries.isEmpty }

    /// The Euclidean norm.
    public var norm: Float { entries.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot() }

    /// The vector scaled to norm 1 (unchanged when empty). Consuming: a vector just made and
    /// normalized is scaled in its own storage, not copied.
    public consuming func normalized() -> TermVector {
        let length = norm
        guard length > 0 else { return self }
        for index in entries.indices { entries[index].weight /= length }
        return self
    }

    /// The dot product with `other`.
    public func dot(_ other: TermVector) -> Float {
        entries.withUnsafeBufferPointer { mine in
            other.entries.withUnsafeBufferPointer { theirs in
                var i = 0
                var j = 0
                var sum: Float = 0
                while i < mine.count && j < theirs.count {
                    let a = mine[i].term
                    let b = theirs[j].term
                    if a == b {
                        sum += mine[i].weight * theirs[j].weight
                        i += 1
                        j += 1
                    } else if a < b {
                        i += 1
                    } else {
                        j += 1
                    }
                }
                return sum
            }
        }
    }

    /// The sum of two vectors, keeping only the `limit` heaviest terms (of equal weights, the
    /// smaller term).
    public func adding(_ other: TermVector, limit: Int) -> TermVector {
        // Sized for the union exactly (one pass to count it): a story keeps the sum as its
        // centroid, and room for both vectors' terms would stay with it.
        let mine = entries
        let theirs = other.entries
        var union = 0
        var i = 0
        var j = 0
        while i < mine.count && j < theirs.count {
            if mine[i].term == theirs[j].term {
                i += 1
                j += 1
            } else if mine[i].term < theirs[j].term {
                i += 1
            } else {
                j += 1
            }
            union += 1
        }
        union += mine.count - i + theirs.count - j
        var sum: [Entry] = []
        sum.reserveCapacity(union)
        i = 0
        j = 0
        while i < mine.count || j < theirs.count {
            let entry: Entry
            if j == theirs.count || (i < mine.count && mine[i].term < theirs[j].term) {
                entry = mine[i]
                i += 1
            } else if i == mine.count || theirs[j].term < mine[i].term {
                entry = theirs[j]
                j += 1
            } else {
                entry = Entry(term: mine[i].term, weight: mine[i].weight + theirs[j].weight)
                i += 1
                j += 1
            }
            guard entry.weight != 0 else { continue }
            sum.append(entry)
        }
        guard sum.count > limit else { return TermVector(sortedEntries: sum) }
        let kept = sum.indices
            .sorted { sum[$0].weight > sum[$1].weight || (sum[$0].weight == sum[$1].weight && $0 < $1) }
            .prefix(max(0, limit)).sorted()
        return TermVector(sortedEntries: kept.map { sum[$0] })
    }

    /// The `count` heaviest terms.
    public func topTerms(_ count: Int) -> [UInt64] {
        entries.sorted { $0.weight > $1.weight }.prefix(count).map { UInt64($0.term) }
    }

    private enum CodingKeys: String, CodingKey {
        case terms, weights
    }

    /// Decodes a vector saved as its terms and its weights; one whose terms do not fit in 32
    /// bits (saved when terms were 64-bit) or whose columns disagree is an error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let terms = try container.decode([UInt64].self, forKey: .terms)
        let weights = try container.decode([Float].self, forKey: .weights)
        guard let entries = Self.entries(terms: terms, weights: weights) else {
            throw DecodingError.dataCorruptedError(
                forKey: .terms, in: container, debugDescription: "terms must be ascending 32-bit values, one weight each")
        }
        self.entries = entries
    }

    /// Encodes the vector as its terms and its weights.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(terms, forKey: .terms)
        try container.encode(weights, forKey: .weights)
    }

    /// The entries of saved columns, or nil when the terms are not ascending 32-bit values or
    /// the columns differ in length.
    static func entries(terms: some Collection<UInt64>, weights: some Collection<Float>) -> [Entry]? {
        guard terms.count == weights.count else { return nil }
        var entries: [Entry] = []
        entries.reserveCapacity(terms.count)
        for (term, weight) in zip(terms, weights) {
            guard term <= UInt64(UInt32.max), entries.last.map({ UInt64($0.term) < term }) ?? true else { return nil }
            entries.append(Entry(term: UInt32(term), weight: weight))
        }
        return entries
    }
}
