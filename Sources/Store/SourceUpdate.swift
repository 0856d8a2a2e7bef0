/// Everything one source's fetch changed, written in one transaction.
public struct SourceUpdate: Sendable {
    /// The source with its new fetch state.
    public var source: SourceRecord
    /// Articles inserted or replaced by id.
    public var articles: [ArticleRecord]
    /// Stories inserted or replaced by id.
    public var stories: [StoryRecord]

    /// Creates an update; a failed fetch carries only the source's new state.
    public init(source: SourceRecord, articles: [ArticleRecord] = [], stories: [StoryRecord] = []) {
        self.source = source
        self.articles = articles
        self.stories = stories
    }
}
