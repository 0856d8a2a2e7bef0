/// Locality-sensitive hashing over MinHash signatures: each signature is cut into `bands` bands
/// of `rows` values; two signatures that agree on a whole band become candidates. With 32 bands
/// of 4 rows, pairs above about 0.42 resemblance are found with high probability.
///
/// Buckets are chains in flat arrays (one dictionary entry per bucket, one `Int32` per
/// signature and band), so memory stays small and lookups are expected O(1).
public struct LSHIndex: Sendable, Codable {
    /// Number of bands.
    public let bands: Int
    /// Signature values per band.
    public let rows: Int
    /// Longest bucket chain walked per lookup (guards against boilerplate buckets).
    public let maxChain: Int
    private var heads = HashTable()
    private var next: [Int32] = []
    private(set) var signatures: [UInt32] = []

    /// An empty index for signatures of `bands * rows` values.
    public init(bands: Int = 32, rows: Int = 4, maxChain: Int = 64) {
        self.bands = bands
        self.rows = rows
        self.maxChain = maxChain
    }

    /// Number of stored signatures.
    public var count: Int { signatures.count / max(1, bands * rows) }

    /// The stored signature of entry `index`.
    public func signature(at index: Int) -> ArraySlice<UInt32> {
        let width = bands * rows
        return signatures[(index * width)..<((index + 1) * width)]
    }

    /// Adds a signature; its entry number is the previous `count`.
    public mutating func insert(_ signature: [UInt32]) {
        _ = insertKeepingChains(signature)
    }

    /// Adds a signature like `insert(_:)` and returns each band's chain as it was before, for
    /// `candidates(from:)`: the buckets are looked up once for both.
    mutating func insertKeepingChains(_ signature: [UInt32]) -> [Int32] {
        precondition(signature.count == bands * rows, "signature length must be bands × rows")
        let entry = Int32(count)
        var firsts: [Int32] = []
        firsts.reserveCapacity(bands)
        let keys = (0..<bands).map { bandKey(signature, band: $0) }
        heads.touch(keys)
        for band in 0..<bands {
            let first = heads.exchange(keys[band], with: entry) ?? -1
            next.append(first)
            firsts.append(first)
        }
        signatures.append(contentsOf: signature)
        return firsts
    }

    /// The index of the entries `kept` (entry numbers in ascending order) alone, numbered from 0
    /// in that order: what inserting only their signatures would have built.
    func keeping(_ kept: [Int]) -> LSHIndex {
        var result = LSHIndex(bands: bands, rows: rows, maxChain: maxChain)
        result.signatures.reserveCapacity(kept.count * bands * rows)
        result.next.reserveCapacity(kept.count * bands)
        for entry in kept { result.insert(Array(signature(at: entry))) }
        return result
    }

    /// Entries sharing at least one band with `signature`, most recent first, without repeats.
    public func candidates(of signature: [UInt32]) -> [Int] {
        candidates(from: (0..<bands).map { heads[bandKey(signature, band: $0)] ?? -1 })
    }

    /// The entries on each band's chain from `firsts[band]` (what `insertKeepingChains(_:)`
    /// returned), most recent first, without repeats.
    func candidates(from firsts: [Int32]) -> [Int] {
        var seen = Set<Int32>()
        var result: [Int] = []
        for band in 0..<bands {
            var entry = firsts[band]
            var walked = 0
            while entry >= 0 && walked < maxChain {
                if seen.insert(entry).inserted { result.append(Int(entry)) }
                entry = next[Int(entry) * bands + band]
                walked += 1
            }
        }
        return result
    }

    private func bandKey(_ signature: [UInt32], band: Int) -> UInt64 {
        var hash = StableHash.mix(UInt64(band))
        for row in 0..<rows {
            hash = StableHash.combine(hash, UInt64(signature[band * rows + row]))
        }
        return hash
    }
}
