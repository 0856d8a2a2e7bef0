/// How long articles are kept; `nil` limits nothing.
public struct RetentionPolicy: Sendable, Codable, Equatable {
    /// Articles first seen more than this many days ago are removed.
    public var maxAgeDays: Int?
    /// Per source, only this many of the newest articles (by first-seen time) are kept.
    public var maxArticlesPerSource: Int?

    /// Creates a policy.
    public init(maxAgeDays: Int? = nil, maxArticlesPerSource: Int? = nil) {
        self.maxAgeDays = maxAgeDays
        self.maxArticlesPerSource = maxArticlesPerSource
    }
}
