import Foundation

/// An article as read from a feed entry or a page, before analysis, identity and stories.
struct ArticleDraft: Sendable, Equatable {
    /// The feed entry's id, or the page's canonical URL.
    var entryID: String
    var url: String?
    var canonicalURL: String?
    var title: String
    var authors: [String]
    var published: Date?
    var updated: Date?
    var language: String?
    var text: String
    var html: String?
    var image: String?
}
