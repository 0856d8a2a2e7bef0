/// What a retention clean-up removed.
public struct PruneResult: Sendable, Equatable {
    /// Articles deleted.
    public var articlesRemoved: Int
    /// Stories deleted because no article was left in them.
    public var storiesRemoved: Int

    /// Creates a result.
    public init(articlesRemoved: Int, storiesRemoved: Int) {
        self.articlesRemoved = articlesRemoved
        self.storiesRemoved = storiesRemoved
    }
}
