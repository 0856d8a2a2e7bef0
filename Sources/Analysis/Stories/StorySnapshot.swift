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

    private enum CodingKeys: String, CodingKey {
        case settings, articleIDs, articleStory, urls, contents, lsh, containment, statistics, stories
    }

    /// Decodes a snapshot; one saved when `urls` held the URLs themselves reads them as their
    /// keys.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        settings = try container.decode(ClusterSettings.self, forKey: .settings)
        articleIDs = try container.decode([String].self, forKey: .articleIDs)
        articleStory = try container.decode([Int32].self, forKey: .articleStory)
        if let table = try? container.decode(HashTable.self, forKey: .urls) {
            urls = table
        } else {
            let byURL = try container.decode([String: Int32].self, forKey: .urls)
            urls = HashTable(byURL.map { (Self.urlKey($0.key), $0.value) })
        }
        contents = try container.decode([UInt64: Int32].self, forKey: .contents)
        lsh = try container.decode(LSHIndex.self, forKey: .lsh)
        containment = try container.decode(ContainmentIndex.self, forKey: .containment)
        statistics = try container.decode(TermStatistics.self, forKey: .statistics)
        stories = try container.decode(StoryIndex.self, forKey: .stories)
    }
}
