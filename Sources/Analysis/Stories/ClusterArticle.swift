public import Foundation

/// An article as the story clusterer needs it: an id, its address, title, text and date.
public struct ClusterArticle: Sendable, Codable, Equatable {
    /// The caller's id of the article.
    public var id: String
    /// Where the article lives, if known.
    public var url: String?
    /// The headline, if known.
    public var title: String?
    /// The plain text (paragraphs separated by newlines).
    public var text: String
    /// When it was published, if known.
    public var published: Date?

    /// An article.
    public init(id: String, url: String? = nil, title: String? = nil, text: String, published: Date? = nil) {
        self.id = id
        self.url = url
        self.title = title
        self.text = text
        self.published = published
    }
}
