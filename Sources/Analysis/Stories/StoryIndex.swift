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
    private var heads: [UInt64: Int32] = [:]
    private var postingStory: [Int32] = []
    private var postingNext: [Int32] = []

    /// An empty index.
    public init(centroidTerms: Int = 96, lookupTerms: Int = 12, maxChain: Int = 48) {
        self.centroidTerms = centroidTerms
        self.lookupTerms = lookupTerms
        self.maxChain = maxChain
    }

    /// Starts a story with one article (indexed under `lookup`, with its headline if any); returns
    /// its story number.
    public mutating func open(
        id: String, vector: TermVector, headline: TermVector = TermVector(), lookup: [UInt64], published: Double?
    ) -> Int {
        stories.append(Story(id: id, centroid: vector, size: 1, latest: published, norm: vector.norm))
        let number = stories.count - 1
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
        if let published {
            stories[number].latest = max(stories[number].latest ?? published, published)
        }
        index(lookup, story: number)
    }

    /// Stories sharing one of `lookup` (an article's most distinctive terms) with `vector`,
    /// with their cosine similarity to it.
    public func candidates(of vector: TermVector, lookup: [UInt64]) -> [(story: Int, similarity: Float)] {
        var seen = Set<Int32>()
        for term in lookup {
            var posting = heads[term] ?? -1
            var walked = 0
            while posting >= 0 && walked < maxChain {
                seen.insert(postingStory[Int(posting)])
                posting = postingNext[Int(posting)]
                walked += 1
            }
        }
        return seen.map { number in
            let story = stories[Int(number)]
            return (Int(number), story.norm > 0 ? vector.dot(story.centroid) / story.norm : 0)
        }
    }

    private mutating func index(_ lookup: [UInt64], story: Int) {
        for term in lookup {
            if let head = heads[term], postingStory[Int(head)] == Int32(story) { continue }
            postingStory.append(Int32(story))
            postingNext.append(heads[term] ?? -1)
            heads[term] = Int32(postingStory.count - 1)
        }
    }
}
