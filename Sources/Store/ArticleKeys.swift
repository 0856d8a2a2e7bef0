/// Which articles a batch read selects: an article matches when its id, its content hash or
/// its story is among the given ones (an empty list matches nothing).
public struct ArticleKeys: Sendable, Equatable {
    /// Article ids.
    public var ids: [String]
    /// Content hashes (exact duplicates).
    public var contentHashes: [String]
    /// Story ids (every member of the stories).
    public var stories: [String]

    /// Keys for a batch read.
    public init(ids: [String] = [], contentHashes: [String] = [], stories: [String] = []) {
        self.ids = ids
        self.contentHashes = contentHashes
        self.stories = stories
    }

    /// Whether nothing can match.
    public var isEmpty: Bool { ids.isEmpty && contentHashes.isEmpty && stories.isEmpty }
}
