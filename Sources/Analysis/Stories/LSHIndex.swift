/// Locality-sensitive hashing over MinHash signatures: each signature is cut into `bands` bands
/// of `rows` values; two signatures that agree on a whole band become candidates. With 32 bands
/// of 4 rows, pairs above about 0.42 resemblance are found with high probability.
///
/// A signature is kept as the low 16 bits of each value (b-bit MinHash): two different minima
/// agree there once in 65,536 times, which moves an estimated resemblance by about 0.00002 and
/// a band of 4 rows (64 bits) not at all. That halves the largest part of the clustering
/// index. Signatures and chain links are kept in blocks (`BlockRows`), never copied as they
/// grow.
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
    /// Per entry, each band's link to the previous entry of its bucket.
    private var next: BlockRows<Int32>
    /// Per entry, its signature's values, low 16 bits.
    private var signatures: BlockRows<UInt16>

    /// Entries a block of `next` and `signatures` holds: 512 signatures of 128 values are 128 KB.
    private static let blockShift = 9

    /// An empty index for signatures of `bands * rows` values.
    public init(bands: Int = 32, rows: Int = 4, maxChain: Int = 64) {
        self.bands = bands
        self.rows = rows
        self.maxChain = maxChain
        next = BlockRows(width: max(1, bands), blockShift: Self.blockShift)
        signatures = BlockRows(width: max(1, bands * rows), blockShift: Self.blockShift)
    }

    /// The value kept of a signature's value.
    @inline(__always)
    static func kept(_ value: UInt32) -> UInt16 { UInt16(truncatingIfNeeded: value) }

    /// Whether kept values are those of the placeholder signature (every value `.max`) that a
    /// text without shingles gets. Such an entry joins no bucket: it is no text's near-duplicate,
    /// and every text without shingles would otherwise share one chain per band, which the walks
    /// of real values falling in those buckets would have to pass.
    @inline(__always)
    static func isPlaceholder(_ values: UnsafeBufferPointer<UInt16>) -> Bool {
        values.allSatisfy { $0 == kept(.max) }
    }

    private enum CodingKeys: String, CodingKey {
        case bands, rows, maxChain, signatures, signatures16, count
        /// The `signatures16` pairs cut into arrays of at most `pairsPerBlock`.
        case signatureBlocks
    }

    /// Value pairs an array of `signatureBlocks` holds (128 KB): what saving or loading holds of
    /// the signatures beside the index, where one array of them all took as much again.
    static let pairsPerBlock = 1 << 15

    /// Reads the settings and signatures and rebuilds the chains. Signatures are read in this
    /// form (`signatureBlocks`: two 16-bit values to a 32-bit number, the first in the low half,
    /// in arrays of at most `pairsPerBlock` numbers), as one array of such pairs
    /// (`signatures16`), or as whole 32-bit values (`signatures`, of which the low 16 bits are
    /// kept, as `insert` keeps them); chains an even earlier form also held are read past.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            bands: try container.decode(Int.self, forKey: .bands), rows: try container.decode(Int.self, forKey: .rows),
            maxChain: try container.decode(Int.self, forKey: .maxChain))
        let width = bands * rows
        guard width > 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .bands, in: container, debugDescription: "signatures of \(bands) bands of \(rows) rows")
        }
        var row: [UInt16] = []
        row.reserveCapacity(width)
        func take(_ value: UInt16) {
            row.append(value)
            if row.count == width {
                signatures.append(row)
                row.removeAll(keepingCapacity: true)
            }
        }
        if container.contains(.signatureBlocks) || container.contains(.signatures16) {
            let count = try container.decode(Int.self, forKey: .count)
            guard count >= 0 else {
                throw DecodingError.dataCorruptedError(forKey: .count, in: container, debugDescription: "\(count) signatures")
            }
            let expected = (count * width + 1) / 2
            var pairs = 0
            func unpack(_ block: [UInt32]) {
                pairs += block.count
                guard pairs <= expected else { return }
                for pair in block {
                    take(UInt16(truncatingIfNeeded: pair))
                    // The high half of an odd number of values' last pair is no value.
                    if signatures.count < count { take(UInt16(truncatingIfNeeded: pair >> 16)) }
                }
            }
            if container.contains(.signatureBlocks) {
                var blocks = try container.nestedUnkeyedContainer(forKey: .signatureBlocks)
                while !blocks.isAtEnd, pairs <= expected { unpack(try blocks.decode([UInt32].self)) }
            } else {
                unpack(try container.decode([UInt32].self, forKey: .signatures16))
            }
            guard pairs == expected, signatures.count == count else {
                throw DecodingError.dataCorruptedError(
                    forKey: .signatureBlocks, in: container,
                    debugDescription: "\(pairs) value pairs for \(count) signatures of \(width)")
            }
        } else {
            let wide = try container.decode([UInt32].self, forKey: .signatures)
            guard wide.count % width == 0 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .signatures, in: container, debugDescription: "\(wide.count) values for signatures of \(width)")
            }
            for value in wide { take(Self.kept(value)) }
        }
        threadChains()
    }

    /// Writes the settings and the signatures; the chains follow from them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bands, forKey: .bands)
        try container.encode(rows, forKey: .rows)
        try container.encode(maxChain, forKey: .maxChain)
        try container.encode(count, forKey: .count)
        // Paired straight from the rows, a block at a time.
        var blocks = container.nestedUnkeyedContainer(forKey: .signatureBlocks)
        var pairs: [UInt32] = []
        pairs.reserveCapacity(Self.pairsPerBlock)
        var low: UInt32?
        for entry in 0..<count {
            try signatures.withRow(entry) { values in
                for value in values {
                    guard let first = low else {
                        low = UInt32(value)
                        continue
                    }
                    pairs.append(first | UInt32(value) << 16)
                    low = nil
                    if pairs.count == Self.pairsPerBlock {
                        try blocks.encode(pairs)
                        pairs.removeAll(keepingCapacity: true)
                    }
                }
            }
        }
        if let low { pairs.append(low) }
        if !pairs.isEmpty { try blocks.encode(pairs) }
    }

    /// Number of stored signatures.
    public var count: Int { signatures.count }

    /// The stored signature of entry `index`: the low 16 bits of each value.
    public func signature(at index: Int) -> [UInt16] { signatures.row(index) }

    /// The estimated resemblance of `signature` to the stored signature of `entry`: the share
    /// of positions where they agree, on the bits kept.
    public func similarity(of signature: [UInt32], to entry: Int) -> Double {
        guard signature.count == signatures.width else { return 0 }
        return signatures.withRow(entry) { stored in
            var equal = 0
            for (position, value) in signature.enumerated() where stored[position] == Self.kept(value) { equal += 1 }
            return Double(equal) / Double(signature.count)
        }
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
        let values = signature.map(Self.kept)
        var firsts: [Int32] = []
        firsts.reserveCapacity(bands)
        values.withUnsafeBufferPointer { values in
            guard !Self.isPlaceholder(values) else {
                firsts = [Int32](repeating: -1, count: bands)
                return
            }
            for band in 0..<bands {
                let slot = self.slot(band: band, key: bandKey(values, band: band))
                firsts.append(heads[slot])
                heads[slot] = entry
            }
        }
        next.append(firsts)
        signatures.append(values)
        return firsts
    }

    /// The index of the entries `kept` (entry numbers in ascending order) alone, numbered from 0
    /// in that order: what inserting only their signatures would have built.
    func keeping(_ kept: [Int]) -> LSHIndex {
        var result = LSHIndex(bands: bands, rows: rows, maxChain: maxChain)
        for entry in kept { signatures.withRow(entry) { result.signatures.append($0) } }
        result.threadChains()
        return result
    }

    /// Threads the signatures held (and no chains yet) through tables sized for them: what
    /// inserting them one by one would have built.
    private mutating func threadChains() {
        next.append(repeating: -1, rows: signatures.count - next.count)
        rebuildChains(bits: Self.bucketBits(for: count))
    }

    /// Entries sharing at least one band with `signature`, most recent first, without repeats.
    public func candidates(of signature: [UInt32]) -> [Int] {
        guard !heads.isEmpty else { return [] }
        let values = signature.map(Self.kept)
        let firsts = values.withUnsafeBufferPointer { values in
            (0..<bands).map { heads[slot(band: $0, key: bandKey(values, band: $0))] }
        }
        return candidates(from: firsts, of: signature)
    }

    /// The entries on each band's bucket from `firsts[band]` (what `insertKeepingChains(_:)`
    /// returned for `signature`) that agree with `signature` on that band, most recent first,
    /// without repeats.
    func candidates(from firsts: [Int32], of signature: [UInt32]) -> [Int] {
        var seen = Set<Int32>()
        var result: [Int] = []
        let query = signature.map(Self.kept)
        for band in 0..<bands {
            var entry = firsts[band]
            var walked = 0
            var steps = 0
            let start = band * rows
            while entry >= 0 && walked < maxChain && steps < maxChain * Self.stepsPerWalk {
                steps += 1
                let agrees = signatures.withRow(Int(entry)) { stored in
                    for row in start..<(start + rows) where stored[row] != query[row] { return false }
                    return true
                }
                if agrees {
                    walked += 1
                    if seen.insert(entry).inserted { result.append(Int(entry)) }
                }
                entry = next[Int(entry), band]
            }
        }
        return result
    }

    /// Entries of other band values a walk may pass, per entry of its own it may take: a bound
    /// for a bucket shared with a value of very many entries (text every page carries).
    static let stepsPerWalk = 16

    /// Entries the tables of `bits` hold before they double: one and a half a bucket, where the
    /// chains stay short and the heads take half the memory of three quarters.
    private static func capacity(bits: Int) -> Int { bits == 0 ? 0 : (1 << bits) * 3 / 2 }

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
        heads = []
        heads = [Int32](repeating: -1, count: bands << bits)
        for entry in 0..<count {
            let keys = signatures.withRow(entry) { values in Self.isPlaceholder(values) ? nil : (0..<bands).map { bandKey(values, band: $0) } }
            guard let keys else {
                for band in 0..<bands { next[entry, band] = -1 }
                continue
            }
            for band in 0..<bands {
                let slot = self.slot(band: band, key: keys[band])
                next[entry, band] = heads[slot]
                heads[slot] = Int32(entry)
            }
        }
    }

    @inline(__always)
    private func bandKey(_ signature: UnsafeBufferPointer<UInt16>, band: Int) -> UInt64 {
        var hash = StableHash.mix(UInt64(band))
        let start = band * rows
        for row in 0..<rows {
            hash = StableHash.combine(hash, UInt64(signature[start + row]))
        }
        return hash
    }
}
