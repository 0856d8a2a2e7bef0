/// MinHash signatures: for each of `permutations` random hash functions, the smallest value
/// over a set of shingles. The share of equal positions of two signatures estimates the Jaccard
/// resemblance of the two sets.
public struct MinHasher: Sendable {
    /// Number of hash functions (signature length).
    public let permutations: Int
    private let multipliers: [UInt64]
    private let increments: [UInt64]

    /// A hasher with `permutations` functions derived from `seed` (the same seed gives the same
    /// functions in every process, so stored signatures stay comparable).
    public init(permutations: Int = 128, seed: UInt64 = 0x5452_4942_5554_4152) {
        self.permutations = max(1, permutations)
        var state = seed
        var multipliers: [UInt64] = []
        var increments: [UInt64] = []
        for _ in 0..<self.permutations {
            state = StableHash.mix(state)
            multipliers.append(state | 1)
            state = StableHash.mix(state)
            increments.append(state)
        }
        self.multipliers = multipliers
        self.increments = increments
    }

    /// The signature of a set of shingle hashes (all `UInt32.max` for an empty set).
    public func signature(of shingles: [UInt64]) -> [UInt32] {
        var minima = [UInt64](repeating: .max, count: permutations)
        multipliers.withUnsafeBufferPointer { a in
            increments.withUnsafeBufferPointer { b in
                minima.withUnsafeMutableBufferPointer { m in
                    for shingle in shingles {
                        for i in 0..<m.count {
                            let value = a[i] &* shingle &+ b[i]
                            if value < m[i] { m[i] = value }
                        }
                    }
                }
            }
        }
        return minima.map { UInt32(truncatingIfNeeded: $0 >> 32) }
    }

    /// The estimated Jaccard resemblance of two signatures of equal length.
    public static func similarity(_ lhs: some Collection<UInt32>, _ rhs: some Collection<UInt32>) -> Double {
        guard lhs.count == rhs.count, !lhs.isEmpty else { return 0 }
        var equal = 0
        for (l, r) in zip(lhs, rhs) where l == r { equal += 1 }
        return Double(equal) / Double(lhs.count)
    }
}
