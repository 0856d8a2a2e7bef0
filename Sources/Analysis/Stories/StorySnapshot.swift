/// The complete, persistable state of a `StoryClusterer`: articles, their stories, and every
/// index (URLs, content hashes, MinHash bands, containment samples, term statistics, story
/// centroids).
public struct StorySnapshot: Sendable, Codable {
    /// The settings the indexes were built with.
    public var settings: ClusterSettings
    /// Article ids in insertion order.
    public var articleIDs: [String] = []
    /// The story number of each article.
    public var articleStory: [Int32] = []
    /// Canonical URL (its exact `StableHash`, 64 bits: the URLs themselves took more memory than
    /// any other part of the index but the vectors) → first article with it.
    public var urls = HashTable()
    /// Normalized text hash → first article with it.
    public var contents: [UInt64: Int32] = [:]
    /// MinHash signatures and their bands.
    public var lsh: LSHIndex
    /// Sampled opening shingles.
    public var containment: ContainmentIndex
    /// Document frequencies of lead terms.
    public var statistics = TermStatistics()
    /// Story centroids and their term postings.
    public var stories = StoryIndex()

    /// An empty state for `settings`.
    public init(settings: ClusterSettings) {
        self.settings = settings
        lsh = LSHIndex(bands: settings.bands, rows: settings.rows)
        containment = ContainmentIndex(sampling: settings.containmentSampling, window: settings.containmentWindow)
    }

    /// The key of a canonical URL in `urls`.
    public static func urlKey(_ url: String) -> UInt64 { StableHash.exact(url) }

    /// The bits of a word's hash its TF-IDF terms keep (`StoryToken.term`); snapshots without
    /// the mark kept 64.
    static let termBits = 32

    private enum CodingKeys: String, CodingKey {
        case termBits, settings, articleIDs, articleStory, urls, contents, lsh, containment, statistics, stories
    }

    /// Decodes a snapshot. One whose terms kept other than 32 bits (every one saved before the
    /// mark, among them those whose `urls` held the URLs themselves) is an error: its statistics
    /// and vectors do not match the terms of new articles, so a store rebuilds such an index.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let termBits = try container.decodeIfPresent(Int.self, forKey: .termBits) ?? 64
        guard termBits == Self.termBits else {
            throw DecodingError.dataCorruptedError(
                forKey: .termBits, in: container, debugDescription: "terms of \(termBits) bits; this version keeps \(Self.termBits)")
        }
        settings = try container.decode(ClusterSettings.self, forKey: .settings)
        articleIDs = try container.decode([String].self, forKey: .articleIDs)
        articleStory = try container.decode([Int32].self, forKey: .articleStory)
        urls = try container.decode(HashTable.self, forKey: .urls)
        contents = try container.decode([UInt64: Int32].self, forKey: .contents)
        lsh = try container.decode(LSHIndex.self, forKey: .lsh)
        containment = try container.decode(ContainmentIndex.self, forKey: .containment)
        statistics = try container.decode(TermStatistics.self, forKey: .statistics)
        stories = try container.decode(StoryIndex.self, forKey: .stories)
    }

    /// Encodes the snapshot, marked with the bits its terms keep.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.termBits, forKey: .termBits)
        try container.encode(settings, forKey: .settings)
        try container.encode(articleIDs, forKey: .articleIDs)
        try container.encode(articleStory, forKey: .articleStory)
        try container.encode(urls, forKey: .urls)
        try container.encode(contents, forKey: .contents)
        try container.encode(lsh, forKey: .lsh)
        try container.encode(containment, forKey: .containment)
        try container.encode(statistics, forKey: .statistics)
        try container.encode(stories, forKey: .stories)
    }
}
