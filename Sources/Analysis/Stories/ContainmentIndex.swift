/// Finds texts contained in one another — a teaser or a feed-truncated copy inside the full
/// article, or the reverse — from content-defined samples of their opening shingles.
///
/// A shingle is sampled when its hash falls in one `sampling`-th of the hash space, so two
/// texts sharing a passage sample the same shingles from it. Containment of A in B is then
/// |samples(A) ∩ samples(B)| / |samples(A)|. Postings are chains in flat arrays.
public struct ContainmentIndex: Sendable, Codable {
    /// One shingle in `sampling` is kept.
    public let sampling: UInt64
    /// Only the first `window` shingles of a text are sampled (teasers are openings).
    public let window: Int
    /// Longest posting chain walked per sample (guards against boilerplate lines).
    public let maxChain: Int
    private var heads = HashTable()
    /// Per posting, the entry and the previous posting of its sample's chain (or -1), side by
    /// side: a step of a walk reads both from one place. Kept in blocks, never copied as they
    /// grow (`BlockRows`).
    private var postings = BlockRows<Int32>(width: 2, blockShift: 14)
    private var sampleCounts: [Int32] = []

    /// An empty index.
    public init(sampling: UInt64 = 4, window: Int = 200, maxChain: Int = 64) {
        self.sampling = max(1, sampling)
        self.window = window
        self.maxChain = maxChain
    }

    /// Number of indexed texts.
    public var count: Int { sampleCounts.count }

    private enum CodingKeys: String, CodingKey {
        case sampling, window, maxChain, heads, postingEntry, postingNext, sampleCounts
        /// The postings in arrays of (entry, link) pairs end to end, a block of them an array.
        case postingBlocks
    }

    /// Reads the form `encode(to:)` writes, the postings as blocks of (entry, link) pairs, or the
    /// earlier one of two arrays, entries and links.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            sampling: try container.decode(UInt64.self, forKey: .sampling),
            window: try container.decode(Int.self, forKey: .window),
            maxChain: try container.decode(Int.self, forKey: .maxChain))
        heads = try container.decode(HashTable.self, forKey: .heads)
        sampleCounts = try container.decode([Int32].self, forKey: .sampleCounts)
        func add(_ entry: Int32, _ link: Int32) throws {
            guard entry >= 0, Int(entry) < sampleCounts.count, link < Int32(postings.count) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .postingBlocks, in: container,
                    debugDescription: "posting \(postings.count) names entry \(entry) or links to \(link)")
            }
            postings.appendPair(entry, link)
        }
        if container.contains(.postingBlocks) {
            var blocks = try container.nestedUnkeyedContainer(forKey: .postingBlocks)
            while !blocks.isAtEnd {
                let block = try blocks.decode([Int32].self)
                guard block.count % 2 == 0 else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .postingBlocks, in: container, debugDescription: "a block of \(block.count) posting values")
                }
                for start in stride(from: 0, to: block.count, by: 2) { try add(block[start], block[start + 1]) }
            }
        } else {
            let entries = try container.decode([Int32].self, forKey: .postingEntry)
            let links = try container.decode([Int32].self, forKey: .postingNext)
            guard entries.count == links.count else {
                throw DecodingError.dataCorruptedError(
                    forKey: .postingNext, in: container, debugDescription: "\(entries.count) postings for \(links.count) links")
            }
            for (entry, link) in zip(entries, links) { try add(entry, link) }
        }
        guard heads.allValuesSatisfy({ $0 >= -1 && Int($0) < postings.count }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .heads, in: container, debugDescription: "a sample's chain starts outside the postings")
        }
    }

    /// Writes the settings, the heads, the postings as blocks of (entry, link) pairs (as they
    /// are kept: no copy of them all beside them) and the sample counts.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sampling, forKey: .sampling)
        try container.encode(window, forKey: .window)
        try container.encode(maxChain, forKey: .maxChain)
        try container.encode(heads, forKey: .heads)
        var blocks = container.nestedUnkeyedContainer(forKey: .postingBlocks)
        try postings.forEachBlock { try blocks.encode($0) }
        try container.encode(sampleCounts, forKey: .sampleCounts)
    }

    /// The sampled shingles of a text's opening, without repeats.
    public func samples(of shingles: [UInt64]) -> [UInt64] {
        var seen = Set<UInt64>()
        var result: [UInt64] = []
        for shingle in shingles.prefix(window) where StableHash.mix(shingle) % sampling == 0 {
            if seen.insert(shingle).inserted { result.append(shingle) }
        }
        return result
    }

    /// Adds a text's samples; its entry number is the previous `count`.
    public mutating func insert(samples: [UInt64]) {
        _ = insertKeepingChains(samples: samples)
    }

    /// Adds a text's samples like `insert(samples:)` (which must be distinct, as `samples(of:)`
    /// gives them) and returns each sample's chain as it was before, for `matches(from:)`: the
    /// heads are looked up once for both.
    mutating func insertKeepingChains(samples: [UInt64]) -> [Int32] {
        let entry = Int32(count)
        var firsts: [Int32] = []
        firsts.reserveCapacity(samples.count)
        heads.touch(samples)
        for sample in samples {
            let first = heads.exchange(sample, with: Int32(postings.count)) ?? -1
            postings.appendPair(entry, first)
            firsts.append(first)
        }
        sampleCounts.append(Int32(samples.count))
        return firsts
    }

    /// The index of the entries `renumbered` keeps (its value at an entry is the entry's new
    /// number, ascending with the old ones, or -1 to forget it): the postings of kept entries
    /// in their old order, so every chain walks as before, less the forgotten entries.
    func keeping(_ renumbered: [Int32]) -> ContainmentIndex {
        var result = ContainmentIndex(sampling: sampling, window: window, maxChain: maxChain)
        var kept: [(posting: Int32, sample: UInt64)] = []
        for (sample, first) in heads.pairs {
            var posting = first
            while posting >= 0 {
                if renumbered[Int(postings[Int(posting), 0])] >= 0 { kept.append((posting, sample)) }
                posting = postings[Int(posting), 1]
            }
        }
        kept.sort { $0.posting < $1.posting }
        for (posting, sample) in kept {
            let first = result.heads.exchange(sample, with: Int32(result.postings.count)) ?? -1
            result.postings.appendPair(renumbered[Int(postings[Int(posting), 0])], first)
        }
        result.sampleCounts = zip(sampleCounts, renumbered).compactMap { $1 >= 0 ? $0 : nil }
        return result
    }

    /// Indexed texts sharing samples with `samples`, with the containment of the query in the
    /// entry (`queryInEntry`) and of the entry in the query (`entryInQuery`), oldest entry
    /// first (so equal scores always resolve to the same, earliest, text).
    public func matches(of samples: [UInt64]) -> [ContainmentMatch] {
        matches(from: samples.map { heads[$0] ?? -1 })
    }

    /// The matches on the posting chains that start at `firsts` (one per query sample, what
    /// `insertKeepingChains(samples:)` returned), oldest entry first.
    func matches(from firsts: [Int32]) -> [ContainmentMatch] {
        var matches: [ContainmentMatch] = []
        forEachMatch(from: firsts, sharing: 1) { matches.append($0) }
        return matches.sorted { $0.entry < $1.entry }
    }

    /// Calls `body` with the matches on the posting chains that start at `firsts`, in no
    /// particular order; only entries sharing at least `minimumShared` samples, when the caller
    /// knows fewer cannot matter.
    func forEachMatch(from firsts: [Int32], sharing minimumShared: Int, _ body: (ContainmentMatch) -> Void) {
        let querySamples = firsts.count
        guard querySamples > 0 else { return }
        // The chains are walked side by side, one step of each per round: a step is a load
        // from far away in the posting arrays, and the steps of different chains do not wait
        // for one another, while the steps of one chain do (walked one chain after another,
        // the loads missed the cache one at a time). Only the cursors still on a chain are kept,
        // at the front, and a step does no more than the load, the hit and the link, so that
        // many steps' loads wait for memory at once.
        let longest = max(0, min(maxChain, postings.count))
        let hits = [Int32](unsafeUninitializedCapacity: querySamples * longest) { hits, hitCount in
            var cursors = firsts.filter { $0 >= 0 }
            cursors.withUnsafeMutableBufferPointer { cursors in
                var live = cursors.count
                var walked = 0
                while live > 0 && walked < maxChain {
                    var kept = 0
                    for index in 0..<live {
                        let (entry, link) = postings.pair(Int(cursors[index]))
                        hits[hitCount] = entry
                        hitCount += 1
                        cursors[kept] = link
                        kept += link >= 0 ? 1 : 0
                    }
                    live = kept
                    walked += 1
                }
            }
        }
        // Hits are counted per entry in a table twice their number: sorting them all took more
        // time than the walk.
        var bits = 4
        while 1 << bits < hits.count * 2 { bits += 1 }
        let mask = (1 << bits) - 1
        var entries = [Int32](repeating: -1, count: 1 << bits)
        var counts = [Int32](repeating: 0, count: 1 << bits)
        for hit in hits {
            var slot = Int((UInt32(bitPattern: hit) &* 0x9E37_79B1) >> UInt32(32 - bits))
            while entries[slot] >= 0 && entries[slot] != hit { slot = (slot + 1) & mask }
            entries[slot] = hit
            counts[slot] += 1
        }
        for slot in entries.indices where counts[slot] >= minimumShared && entries[slot] >= 0 {
            let entry = Int(entries[slot])
            body(
                ContainmentMatch(
                    entry: entry, shared: Int(counts[slot]), querySamples: querySamples, entrySamples: Int(sampleCounts[entry])))
        }
    }
}

/// How much of two texts' sampled openings they share.
public struct ContainmentMatch: Sendable, Equatable {
    /// The indexed entry.
    public var entry: Int
    /// Samples in common.
    public var shared: Int
    /// Samples of the query.
    public var querySamples: Int
    /// Samples of the entry.
    public var entrySamples: Int

    /// Share of the query's samples found in the entry.
    public var queryInEntry: Double { querySamples == 0 ? 0 : Double(shared) / Double(querySamples) }
    /// Share of the entry's samples found in the query.
    public var entryInQuery: Double { entrySamples == 0 ? 0 : Double(shared) / Double(entrySamples) }
}
