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
    /// Canonical URL → first article with it.
    public var urls: [String: Int32] = [:]
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
}
