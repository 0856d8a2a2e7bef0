/// Locality-sensitive hashing over MinHash signatures: each signature is cut into `bands` bands
/// of `rows` values; two signatures that agree on a whole band become candidates. With 32 bands
/// of 4 rows, pairs above about 0.42 resemblance are found with high probability.
///
/// Buckets are chains in flat arrays: per band, a table of bucket heads (an `Int32` each,
/// indexed by the band's hash, no keys kept) and one `Int32` link per signature and band. A
/// bucket may hold the chains of several band values; a walk keeps the entries whose band
/// agrees with the query's, so the candidates are those of a table keyed by band value, in
/// the same order. Only the signatures are saved: the chains are rebuilt from them on loading,
/// in a fraction of the time and memory that reading them back took.
public struct LSHIndex: Sendable, Codable {
    /// Number of bands.
    public let bands: Int
    /// Signature values per band.
    public let rows: Int
    /// Longest bucket chain walked per lookup (guards against boilerplate buckets), counted in
    /// entries of the query's band value.
    public let maxChain: Int
    /// Each band's bucket heads, `1 << bucketBits` of them, band after band: the newest entry in
    /// the bucket, or -1.
    private var heads: [Int32] = []
    private var bucketBits = 0
    private var next: [Int32] = []
    private(set) var signatures: [UInt32] = []

    /// An empty index for signatures of `bands * rows` values.
    public init(bands: Int = 32, rows: Int = 4, maxChain: Int = 64) {
        self.bands = bands
        self.rows = rows
        self.maxChain = maxChain
    }

    private enum CodingKeys: String, CodingKey {
        case bands, rows, maxChain, signatures
    }

    /// Reads the settings and signatures (of this form, or of the earlier one that also held
    /// its chains) and rebuilds the chains.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            bands: try container.decode(Int.self, forKey: .bands), rows: try container.decode(Int.self, forKey: .rows),
            maxChain: try container.decode(Int.self, forKey: .maxChain))
        let signatures = try container.decode([UInt32].self, forKey: .signatures)
        let width = bands * rows
        guard width > 0, signatures.count % width == 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .signatures, in: container, debugDescription: "\(signatures.count) values for signatures of \(width)")
        }
        threadChains(of: signatures)
    }

    /// Writes the settings and the signatures; the chains follow from them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bands, forKey: .bands)
        try container.encode(rows, forKey: .rows)
        try container.encode(maxChain, forKey: .maxChain)
        try container.encode(signatures, forKey: .signatures)
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

    /// Adds a signature like `insert(_:)` and returns each band's bucket as it was before, for
    /// `candidates(from:of:)`: the buckets are looked up once for both.
    mutating func insertKeepingChains(_ signature: [UInt32]) -> [Int32] {
        precondition(signature.count == bands * rows, "signature length must be bands × rows")
        let entry = Int32(count)
        if count + 1 > Self.capacity(bits: bucketBits) { rebuildChains(bits: Self.bucketBits(for: count + 1)) }
        var firsts: [Int32] = []
        firsts.reserveCapacity(bands)
        for band in 0..<bands {
            let slot = self.slot(band: band, key: bandKey(signature[...], band: band))
            let first = heads[slot]
            heads[slot] = entry
            next.append(first)
            firsts.append(first)
        }
        signatures.append(contentsOf: signature)
        return firsts
    }

    /// The index of the entries `kept` (entry numbers in ascending order) alone, numbered from 0
    /// in that order: what inserting only their signatures would have built.
    func keeping(_ kept: [Int]) -> LSHIndex {
        var signatures: [UInt32] = []
        signatures.reserveCapacity(kept.count * bands * rows)
        for entry in kept { signatures.append(contentsOf: signature(at: entry)) }
        var result = LSHIndex(bands: bands, rows: rows, maxChain: maxChain)
        result.threadChains(of: signatures)
        return result
    }

    /// Takes `signatures` (whole entries) as the index's, with chains threaded through tables
    /// sized for them: what inserting them one by one would have built.
    private mutating func threadChains(of signatures: [UInt32]) {
        self.signatures = signatures
        next = [Int32](repeating: -1, count: count * bands)
        rebuildChains(bits: Self.bucketBits(for: count))
    }

    /// Entries sharing at least one band with `signature`, most recent first, without repeats.
    public func candidates(of signature: [UInt32]) -> [Int] {
        guard !heads.isEmpty else { return [] }
        return candidates(from: (0..<bands).map { heads[slot(band: $0, key: bandKey(signature[...], band: $0))] }, of: signature)
    }

    /// The entries on each band's bucket from `firsts[band]` (what `insertKeepingChains(_:)`
    /// returned for `signature`) that agree with `signature` on that band, most recent first,
    /// without repeats.
    func candidates(from firsts: [Int32], of signature: [UInt32]) -> [Int] {
        var seen = Set<Int32>()
        var result: [Int] = []
        let width = bands * rows
        signatures.withUnsafeBufferPointer { stored in
            for band in 0..<bands {
                var entry = firsts[band]
                var walked = 0
                var steps = 0
                let start = band * rows
                while entry >= 0 && walked < maxChain && steps < maxChain * Self.stepsPerWalk {
                    steps += 1
                    let base = Int(entry) * width + start
                    var agrees = true
                    for row in 0..<rows where stored[base + row] != signature[start + row] {
                        agrees = false
                        break
                    }
                    if agrees {
                        walked += 1
                        if seen.insert(entry).inserted { result.append(Int(entry)) }
                    }
                    entry = next[Int(entry) * bands + band]
                }
            }
        }
        return result
    }

    /// Entries of other band values a walk may pass, per entry of its own it may take: a bound
    /// for a bucket shared with a value of very many entries (text every page carries).
    static let stepsPerWalk = 16

    /// Entries the tables of `bits` hold before they double (three quarters of their buckets).
    private static func capacity(bits: Int) -> Int { bits == 0 ? 0 : (1 << bits) * 3 / 4 }

    /// The table size for `count` entries, at least 256 buckets.
    private static func bucketBits(for count: Int) -> Int {
        var bits = 8
        while capacity(bits: bits) < count { bits += 1 }
        return bits
    }

    @inline(__always)
    private func slot(band: Int, key: UInt64) -> Int {
        (band << bucketBits) | Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> UInt64(64 - bucketBits))
    }

    /// Makes tables of `1 << bits` buckets per band and threads every entry into them again,
    /// oldest first: each chain as inserting the entries one by one would have made it.
    private mutating func rebuildChains(bits: Int) {
        bucketBits = bits
        heads = [Int32](repeating: -1, count: bands << bits)
        let width = bands * rows
        for entry in 0..<count {
            let signature = signatures[(entry * width)..<((entry + 1) * width)]
            for band in 0..<bands {
                let slot = self.slot(band: band, key: bandKey(signature, band: band))
                next[entry * bands + band] = heads[slot]
                heads[slot] = Int32(entry)
            }
        }
    }

    private func bandKey(_ signature: ArraySlice<UInt32>, band: Int) -> UInt64 {
        var hash = StableHash.mix(UInt64(band))
        let start = signature.startIndex + band * rows
        for row in 0..<rows {
            hash = StableHash.combine(hash, UInt64(signature[start + row]))
        }
        return hash
    }
}
