/// A sparse vector over stable term hashes, sorted by term, for cosine similarity.
public struct TermVector: Sendable, Codable, Equatable {
    /// Term hashes in ascending order.
    public private(set) var terms: [UInt64]
    /// The weight of each term.
    public private(set) var weights: [Float]

    /// An empty vector.
    public init() {
        terms = []
        weights = []
    }

    /// A vector from term weights (terms need not be sorted; zero weights are dropped).
    public init(_ weighted: [UInt64: Float]) {
        let sorted = weighted.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        terms = sorted.map(\.key)
        weights = sorted.map(\.value)
    }

    /// A vector from terms already in ascending order, without repeats, and their non-zero
    /// weights.
    init(sortedTerms: [UInt64], weights: [Float]) {
        self.terms = sortedTerms
        self.weights = weights
    }

    /// True when no term has a weight.
    public var isEmpty: Bool { terms.isEmpty }

    /// The Euclidean norm.
    public var norm: Float { weights.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// The vector scaled to norm 1 (unchanged when empty).
    public func normalized() -> TermVector {
        let length = norm
        guard length > 0 else { return self }
        var copy = self
        copy.weights = weights.map { $0 / length }
        return copy
    }

    /// The dot product with `other`.
    public func dot(_ other: TermVector) -> Float {
        var i = 0
        var j = 0
        var sum: Float = 0
        while i < terms.count && j < other.terms.count {
            let a = terms[i]
            let b = other.terms[j]
            if a == b {
                sum += weights[i] * other.weights[j]
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

    /// The sum of two vectors, keeping only the `limit` heaviest terms (of equal weights, the
    /// smaller term).
    public func adding(_ other: TermVector, limit: Int) -> TermVector {
        // Sized for the union exactly (one pass to count it): a story keeps the sum as its
        // centroid, and room for both vectors' terms would stay with it.
        var union = 0
        var i = 0
        var j = 0
        while i < terms.count && j < other.terms.count {
            if terms[i] == other.terms[j] {
                i += 1
                j += 1
            } else if terms[i] < other.terms[j] {
                i += 1
            } else {
                j += 1
            }
            union += 1
        }
        union += terms.count - i + other.terms.count - j
        var sum = TermVector()
        sum.terms.reserveCapacity(union)
        sum.weights.reserveCapacity(union)
        i = 0
        j = 0
        while i < terms.count || j < other.terms.count {
            let term: UInt64
            let weight: Float
            if j == other.terms.count || (i < terms.count && terms[i] < other.terms[j]) {
                (term, weight) = (terms[i], weights[i])
                i += 1
            } else if i == terms.count || other.terms[j] < terms[i] {
                (term, weight) = (other.terms[j], other.weights[j])
                j += 1
            } else {
                (term, weight) = (terms[i], weights[i] + other.weights[j])
                i += 1
                j += 1
            }
            guard weight != 0 else { continue }
            sum.terms.append(term)
            sum.weights.append(weight)
        }
        guard sum.terms.count > limit else { return sum }
        let kept = sum.weights.indices
            .sorted { sum.weights[$0] > sum.weights[$1] || (sum.weights[$0] == sum.weights[$1] && $0 < $1) }
            .prefix(max(0, limit)).sorted()
        var trimmed = TermVector()
        trimmed.terms = kept.map { sum.terms[$0] }
        trimmed.weights = kept.map { sum.weights[$0] }
        return trimmed
    }

    /// The `count` heaviest terms.
    public func topTerms(_ count: Int) -> [UInt64] {
        zip(terms, weights).sorted { $0.1 > $1.1 }.prefix(count).map(\.0)
    }
}
