/// The stories known so far, each as the centroid of its articles' lead vectors, with an
/// inverted index from distinctive terms to the stories that use them.
public struct StoryIndex: Sendable, Codable {
    /// One story's summary state.
    public struct Story: Sendable, Codable {
        /// Stable story id (the id of its first article).
        public var id: String
        /// Sum of the members' normalized lead vectors (heaviest terms only).
        public var centroid: TermVector
        /// Number of articles.
        public var size: Int
        /// Latest publication time of a member (seconds since 1970), when known.
        public var latest: Double?
        /// Norm of `centroid`, kept current.
        public var norm: Float
        /// The distinct headlines of its members (`StoryHeadline` vectors), at most
        /// `StoryIndex.headlineLimit`; empty for a story of untitled articles.
        public var headlines: [TermVector]

        /// A story.
        public init(
            id: String, centroid: TermVector, size: Int, latest: Double?, norm: Float, headlines: [TermVector] = []
        ) {
            self.id = id
            self.centroid = centroid
            self.size = size
            self.latest = latest
            self.norm = norm
            self.headlines = headlines
        }

        /// Decodes a story; snapshots saved before headlines were kept decode with none.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            centroid = try container.decode(TermVector.self, forKey: .centroid)
            size = try container.decode(Int.self, forKey: .size)
            latest = try container.decodeIfPresent(Double.self, forKey: .latest)
            norm = try container.decode(Float.self, forKey: .norm)
            headlines = try container.decodeIfPresent([TermVector].self, forKey: .headlines) ?? []
        }

        /// The highest cosine of `headline` with one of the story's headlines (nil when either
        /// side has none).
        public func headlineSimilarity(to headline: TermVector) -> Float? {
            guard !headline.isEmpty, !headlines.isEmpty else { return nil }
            return headlines.map { headline.dot($0) }.max()
        }

        mutating func remember(headline: TermVector) {
            guard !headline.isEmpty, headlines.count < StoryIndex.headlineLimit,
                !headlines.contains(where: { headline.dot($0) >= 0.9 })
            else { return }
            headlines.append(headline)
        }
    }

    /// Distinct headlines kept per story.
    public static let headlineLimit = 8

    /// Terms kept per centroid.
    public let centroidTerms: Int
    /// Terms of an article used to find candidate stories and indexed for it.
    public let lookupTerms: Int
    /// Longest posting chain walked per term.
    public let maxChain: Int
    /// All stories, by story number.
    public private(set) var stories: [Story] = []
    private var heads = HashTable()
    /// Postings as (story, next posting) pairs side by side, so walking a chain touches one
    /// cache line per posting.
    private var postings: [Posting] = []
    /// Each story's latest publication time (NaN when undated), beside `stories` so that
    /// stories outside a time window are passed over without reading them.
    private var recency: [Double] = []
    /// Each story's `CentroidSketch`, end to end.
    private var sketches: [UInt8] = []

    private struct Posting {
        var story: Int32
        var next: Int32
    }

    /// An empty index.
    public init(centroidTerms: Int = 96, lookupTerms: Int = 12, maxChain: Int = 24) {
        self.centroidTerms = centroidTerms
        self.lookupTerms = lookupTerms
        self.maxChain = maxChain
    }

    private enum CodingKeys: String, CodingKey {
        case centroidTerms, lookupTerms, maxChain, stories, heads, postingStory, postingNext
    }

    /// Decodes an index (the keyed layout of every earlier version); a posting that points
    /// outside the index is an error, never a crash later.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        centroidTerms = try container.decode(Int.self, forKey: .centroidTerms)
        lookupTerms = try container.decode(Int.self, forKey: .lookupTerms)
        maxChain = try container.decode(Int.self, forKey: .maxChain)
        stories = try container.decode([Story].self, forKey: .stories)
        heads = try container.decode(HashTable.self, forKey: .heads)
        let story = try container.decode([Int32].self, forKey: .postingStory)
        let next = try container.decode([Int32].self, forKey: .postingNext)
        let count = story.count
        guard next.count == count, heads.pairs.allSatisfy({ $0.value >= -1 && Int($0.value) < count }),
            next.allSatisfy({ $0 >= -1 && Int($0) < count }),
            story.allSatisfy({ $0 >= 0 && Int($0) < stories.count })
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .postingStory, in: container, debugDescription: "story postings out of range")
        }
        postings = zip(story, next).map { Posting(story: $0, next: $1) }
        recency = stories.map { $0.latest ?? .nan }
        sketches = [UInt8](repeating: 0, count: stories.count * CentroidSketch.size)
        for (number, story) in stories.enumerated() {
            CentroidSketch.write(
                story.centroid, norm: story.norm, into: &sketches, at: number * CentroidSketch.size)
        }
    }

    /// Encodes the index.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(centroidTerms, forKey: .centroidTerms)
        try container.encode(lookupTerms, forKey: .lookupTerms)
        try container.encode(maxChain, forKey: .maxChain)
        try container.encode(stories, forKey: .stories)
        try container.encode(heads, forKey: .heads)
        try container.encode(postings.map(\.story), forKey: .postingStory)
        try container.encode(postings.map(\.next), forKey: .postingNext)
    }

    /// Starts a story with one article (indexed under `lookup`, with its headline if any); returns
    /// its story number.
    public mutating func open(
        id: String, vector: TermVector, headline: TermVector = TermVector(), lookup: [UInt64], published: Double?
    ) -> Int {
        stories.append(Story(id: id, centroid: vector, size: 1, latest: published, norm: vector.norm))
        recency.append(published ?? .nan)
        let number = stories.count - 1
        sketches.append(contentsOf: repeatElement(0, count: CentroidSketch.size))
        CentroidSketch.write(vector, norm: vector.norm, into: &sketches, at: number * CentroidSketch.size)
        stories[number].remember(headline: headline)
        index(lookup, story: number)
        return number
    }

    /// Adds an article's vector (and headline) to story `number` and indexes the story under
    /// `lookup`.
    public mutating func attach(
        _ vector: TermVector, headline: TermVector = TermVector(), lookup: [UInt64], published: Double?,
        to number: Int
    ) {
        stories[number].remember(headline: headline)
        stories[number].centroid = stories[number].centroid.adding(vector, limit: centroidTerms)
        stories[number].norm = stories[number].centroid.norm
        stories[number].size += 1
        CentroidSketch.write(
            stories[number].centroid, norm: stories[number].norm, into: &sketches,
            at: number * CentroidSketch.size)
        if let published {
            stories[number].latest = max(stories[number].latest ?? published, published)
            recency[number] = stories[number].latest ?? .nan
        }
        index(lookup, story: number)
    }

    /// Stories sharing one of `lookup` (an article's most distinctive terms) with `vector`,
    /// with their cosine similarity to it, in the order their postings were walked. With
    /// `published`, stories whose latest article is more than `window` seconds away from it are
    /// left out (undated stories never are); stories that cannot reach a similarity of `minimum`
    /// may be left out.
    public func candidates(
        of vector: TermVector, lookup: [UInt64], published: Double? = nil, window: Double = .infinity,
        minimum: Float = -.infinity
    ) -> [(story: Int, similarity: Float)] {
        // The chains are walked side by side: each step's loads are independent of one
        // another, so their cache misses overlap instead of queueing one after the other.
        let chains = lookup.count
        var walked = [Int32](repeating: -1, count: chains * maxChain)
        postings.withUnsafeBufferPointer { postings in
            var cursors = lookup.map { Int(heads[$0] ?? -1) }
            for step in 0..<maxChain {
                var active = false
                for chain in 0..<chains where cursors[chain] >= 0 {
                    let posting = postings[cursors[chain]]
                    walked[chain * maxChain + step] = posting.story
                    cursors[chain] = Int(posting.next)
                    active = true
                }
                if !active { break }
            }
        }
        // Stories in chain order, each once (one bit per story marks those seen), and inside
        // the time window (an undated story, NaN, never is outside it).
        var seen = [UInt64](repeating: 0, count: stories.count / 64 + 1)
        var numbers: [Int] = []
        recency.withUnsafeBufferPointer { recency in
            for chain in 0..<chains {
                for step in 0..<maxChain {
                    let number = Int(walked[chain * maxChain + step])
                    if number < 0 { break }
                    let bit: UInt64 = 1 << UInt64(number & 63)
                    if seen[number >> 6] & bit != 0 { continue }
                    seen[number >> 6] |= bit
                    if let published, abs(published - recency[number]) > window { continue }
                    numbers.append(number)
                }
            }
        }
        let query = CentroidSketch.Query(vector)
        if query.isBounded && minimum > -.infinity {
            // The bound is exact up to float rounding: keep a margin far above it.
            let bounds = sketches.withUnsafeBufferPointer { query.bounds($0, of: numbers) }
            let floor = minimum - 1e-3
            numbers = zip(numbers, bounds).compactMap { $1 < floor ? nil : $0 }
        }
        let probe = TermProbe(vector)
        return stories.withUnsafeBufferPointer { stories in
            numbers.map { number in
                let norm = stories[number].norm
                return (number, norm > 0 ? probe.dot(stories[number].centroid) / norm : 0)
            }
        }
    }

    /// The index of the stories `renumbered` keeps (its value at a story is the story's new
    /// number, ascending with the old ones, or -1 to forget it): their postings in their old
    /// order, so every chain walks as before, less the forgotten stories.
    func keeping(_ renumbered: [Int32]) -> StoryIndex {
        var result = StoryIndex(centroidTerms: centroidTerms, lookupTerms: lookupTerms, maxChain: maxChain)
        for (number, story) in stories.enumerated() where renumbered[number] >= 0 {
            result.stories.append(story)
            result.recency.append(recency[number])
            let start = number * CentroidSketch.size
            result.sketches.append(contentsOf: sketches[start..<(start + CentroidSketch.size)])
        }
        var kept: [(posting: Int32, term: UInt64)] = []
        for (term, first) in heads.pairs {
            var posting = first
            while posting >= 0 {
                if renumbered[Int(postings[Int(posting)].story)] >= 0 { kept.append((posting, term)) }
                posting = postings[Int(posting)].next
            }
        }
        kept.sort { $0.posting < $1.posting }
        result.postings.reserveCapacity(kept.count)
        for (posting, term) in kept {
            let first = result.heads.exchange(term, with: Int32(result.postings.count)) ?? -1
            result.postings.append(Posting(story: renumbered[Int(postings[Int(posting)].story)], next: first))
        }
        return result
    }

    private mutating func index(_ lookup: [UInt64], story: Int) {
        for term in lookup {
            if let head = heads[term], head >= 0, postings[Int(head)].story == Int32(story) { continue }
            let next = heads.exchange(term, with: Int32(postings.count)) ?? -1
            postings.append(Posting(story: Int32(story), next: next))
        }
    }
}
