import Foundation

/// Document frequencies of terms, learned incrementally, for inverse document frequency.
public struct TermStatistics: Sendable, Codable {
    /// Documents observed.
    public private(set) var documents: Int = 0
    private var frequencies = HashTable()

    /// Empty statistics.
    public init() {}

    /// Counts one document's distinct terms.
    public mutating func observe(_ terms: some Sequence<UInt64>) {
        observe(distinct: Array(Set(terms)))
    }

    /// Counts one document's terms, given without repeats.
    public mutating func observe(distinct terms: [UInt64]) {
        documents += 1
        frequencies.touch(terms)
        for term in terms { frequencies.add(1, to: term) }
    }

    /// Number of documents containing `term`.
    public func documentFrequency(of term: UInt64) -> Int { Int(frequencies[term] ?? 0) }

    /// Smoothed inverse document frequency: ln((N + 1) / (df + 0.5)).
    public func idf(of term: UInt64) -> Float {
        Float(log(Double(documents + 1) / (Double(frequencies[term] ?? 0) + 0.5)))
    }
}
