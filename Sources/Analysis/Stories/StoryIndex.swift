/// The stories known so far, each as the centroid of its articles' lead vectors, with an
/// inverted index from distinctive terms to the stories that use them.
public struct StoryIndex: Sendable, Codable {
    /// One story's summary state.
    public struct Story: Sendable, Codable, Equatable {
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
        /// The stories as blocks of columns (see `StoryColumns`).
        case storyBlocks
    }

    /// Decodes an index: the stories as columns, or as a list of keyed stories (indexes saved
    /// before the columns); a posting that points outside the index is an error, never a crash
    /// later.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        centroidTerms = try container.decode(Int.self, forKey: .centroidTerms)
        lookupTerms = try container.decode(Int.self, forKey: .lookupTerms)
        maxChain = try container.decode(Int.self, forKey: .maxChain)
        if container.contains(.storyBlocks) {
            var blocks = try container.nestedUnkeyedContainer(forKey: .storyBlocks)
            while !blocks.isAtEnd { stories += try blocks.decode(StoryColumns.self).stories(codingPath: blocks.codingPath) }
        } else {
            stories = try container.decode([Story].self, forKey: .stories)
        }
        heads = try container.decode(HashTable.self, forKey: .heads)
        let story = try container.decode([Int32].self, forKey: .postingStory)
        let next = try container.decode([Int32].self, forKey: .postingNext)
        let count = story.count
        guard next.count == count, heads.allValuesSatisfy({ $0 >= -1 && Int($0) < count }),
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
        // Block by block: the columns of one block exist at a time, not copies of every story.
        var blocks = container.nestedUnkeyedContainer(forKey: .storyBlocks)
        for start in stride(from: 0, to: stories.count, by: StoryColumns.blockSize) {
            try blocks.encode(StoryColumns(stories[start..<min(start + StoryColumns.blockSize, stories.count)]))
        }
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

extension StoryIndex {
    /// A block of an index's stories as columns: one array per field, vectors end to end with
    /// their lengths beside them. Encoders that pack arrays of numbers and strings write each
    /// column as one block, where a list of stories made three containers and more per story,
    /// and took most of the time an index needed to save and load.
    fileprivate struct StoryColumns: Codable {
        /// Stories per block: what saving holds in copies at a time.
        static let blockSize = 1024

        var ids: [String] = []
        var sizes: [Int] = []
        /// 0 for a story without a dated member, whose place in the block is in `undated`.
        var latest: [Double] = []
        var undated: [Int32] = []
        var norms: [Float] = []
        var centroids = VectorColumns()
        /// How many of `headlines` each story has.
        var headlineCounts: [Int32] = []
        var headlines = VectorColumns()

        init(_ stories: ArraySlice<Story>) {
            for story in stories {
                if story.latest == nil { undated.append(Int32(ids.count)) }
                ids.append(story.id)
                sizes.append(story.size)
                latest.append(story.latest ?? 0)
                norms.append(story.norm)
                centroids.append(story.centroid)
                headlineCounts.append(Int32(story.headlines.count))
                for headline in story.headlines { headlines.append(headline) }
            }
        }

        /// The stories the columns hold; columns that do not add up are an error.
        func stories(codingPath: [any CodingKey]) throws -> [Story] {
            let count = ids.count
            guard sizes.count == count, latest.count == count, norms.count == count, centroids.lengths.count == count,
                headlineCounts.count == count, undated.allSatisfy({ $0 >= 0 && Int($0) < count }), centroids.addsUp, headlines.addsUp,
                headlineCounts.allSatisfy({ $0 >= 0 }), headlineCounts.reduce(0, { $0 + Int($1) }) == headlines.lengths.count
            else {
                throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: "story columns that do not add up"))
            }
            let undated = Set(self.undated)
            var stories: [Story] = []
            stories.reserveCapacity(count)
            var centroidCursor = VectorColumns.Cursor()
            var headlineCursor = VectorColumns.Cursor()
            for number in 0..<count {
                let centroid = try centroids.next(&centroidCursor, codingPath: codingPath)
                let headlines = try (0..<Int(headlineCounts[number])).map { _ in
                    try self.headlines.next(&headlineCursor, codingPath: codingPath)
                }
                stories.append(
                    Story(
                        id: ids[number], centroid: centroid, size: sizes[number], latest: undated.contains(Int32(number)) ? nil : latest[number],
                        norm: norms[number], headlines: headlines))
            }
            return stories
        }
    }

    /// Term vectors end to end: each one's length, then every term and every weight.
    fileprivate struct VectorColumns: Codable {
        var lengths: [Int32] = []
        var terms: [UInt64] = []
        var weights: [Float] = []

        mutating func append(_ vector: TermVector) {
            lengths.append(Int32(vector.count))
            for entry in vector.entries {
                terms.append(UInt64(entry.term))
                weights.append(entry.weight)
            }
        }

        /// Whether the lengths are those of the terms and weights.
        var addsUp: Bool {
            terms.count == weights.count && lengths.allSatisfy { $0 >= 0 } && lengths.reduce(0, { $0 + Int($1) }) == terms.count
        }

        /// Where reading the vectors in order has got to.
        struct Cursor {
            var vector = 0
            var term = 0
        }

        /// The vector at `cursor`, which then moves past it (the columns add up); terms that
        /// are not ascending 32-bit values (an index saved when terms were 64-bit) are an error.
        func next(_ cursor: inout Cursor, codingPath: [any CodingKey]) throws -> TermVector {
            let range = cursor.term..<cursor.term + Int(lengths[cursor.vector])
            cursor.vector += 1
            cursor.term = range.upperBound
            guard let entries = TermVector.entries(terms: terms[range], weights: weights[range]) else {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(codingPath: codingPath, debugDescription: "vector terms that are not ascending 32-bit values"))
            }
            return TermVector(sortedEntries: entries)
        }
    }
}
