/// MinHash signatures: `permutations` values, each the smallest of a random hash over a set of
/// shingles. The share of equal positions of two signatures estimates the Jaccard resemblance
/// of the two sets. Two schemes draw the values (see `MinHashScheme`); only signatures of the
/// same scheme, length and seed are comparable.
public struct MinHasher: Sendable {
    /// Number of hash functions (signature length).
    public let permutations: Int
    /// How the values are drawn.
    public let scheme: MinHashScheme
    private let multipliers: [UInt64]
    private let increments: [UInt64]
    private let binKey: UInt64
    private let borrowKey: UInt64

    /// A hasher with `permutations` values derived from `seed` (the same seed gives the same
    /// functions in every process, so stored signatures stay comparable).
    public init(permutations: Int = 128, scheme: MinHashScheme = .onePermutation, seed: UInt64 = 0x5452_4942_5554_4152) {
        self.permutations = max(1, permutations)
        self.scheme = scheme
        var state = seed
        var multipliers: [UInt64] = []
        var increments: [UInt64] = []
        if scheme == .permutations {
            for _ in 0..<self.permutations {
                state = StableHash.mix(state)
                multipliers.append(state | 1)
                state = StableHash.mix(state)
                increments.append(state)
            }
        }
        self.multipliers = multipliers
        self.increments = increments
        binKey = StableHash.mix(seed ^ 0x4F50_4831_4249_4E53)
        borrowKey = StableHash.mix(seed ^ 0x4F50_4831_4455_5053)
    }

    /// The signature of a set of shingle hashes (all `UInt32.max` for an empty set).
    public func signature(of shingles: [UInt64]) -> [UInt32] {
        switch scheme {
        case .permutations: permutationSignature(of: shingles)
        case .onePermutation: onePermutationSignature(of: shingles)
        }
    }

    private func permutationSignature(of shingles: [UInt64]) -> [UInt32] {
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

    /// One hash per shingle into `permutations` bins, then optimal densification: empty bin
    /// `i` takes the value of the first filled bin among `bin(i, 0)`, `bin(i, 1)`, … (the same
    /// sequence for every text, so two texts agree on `i` as often as on the bins it borrows).
    private func onePermutationSignature(of shingles: [UInt64]) -> [UInt32] {
        let bins = UInt64(permutations)
        // Values are below 2^32; .max marks a bin no shingle fell into.
        var minima = [UInt64](repeating: .max, count: permutations)
        minima.withUnsafeMutableBufferPointer { m in
            for shingle in shingles {
                let hash = StableHash.mix(shingle ^ binKey)
                let bin = Int(truncatingIfNeeded: hash.multipliedFullWidth(by: bins).high)
                let value = hash & 0xFFFF_FFFF
                if value < m[bin] { m[bin] = value }
            }
        }
        guard minima.contains(where: { $0 != .max }) else {
            return [UInt32](repeating: .max, count: permutations)
        }
        var signature = [UInt32](repeating: 0, count: permutations)
        for bin in 0..<permutations {
            if minima[bin] != .max {
                signature[bin] = UInt32(truncatingIfNeeded: minima[bin])
                continue
            }
            var attempt: UInt64 = 0
            while true {
                let hash = StableHash.mix(borrowKey ^ (UInt64(bin) << 32 | attempt))
                let source = Int(truncatingIfNeeded: hash.multipliedFullWidth(by: bins).high)
                if minima[source] != .max {
                    signature[bin] = UInt32(truncatingIfNeeded: minima[source])
                    break
                }
                attempt += 1
            }
        }
        return signature
    }

    /// The estimated Jaccard resemblance of two signatures of equal length.
    public static func similarity(_ lhs: some Collection<UInt32>, _ rhs: some Collection<UInt32>) -> Double {
        guard lhs.count == rhs.count, !lhs.isEmpty else { return 0 }
        var equal = 0
        for (l, r) in zip(lhs, rhs) where l == r { equal += 1 }
        return Double(equal) / Double(lhs.count)
    }
}
