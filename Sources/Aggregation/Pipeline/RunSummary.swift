/// What one aggregation run did, for the closing summary and for scripts.
public struct RunSummary: Sendable, Equatable {
    /// A source that failed, with the reason a person reads.
    public struct Failure: Sendable, Equatable {
        /// The source's id.
        public var source: String
        /// Why it failed.
        public var reason: String
        /// When it will be tried again, in words ("next try in 2h").
        public var retry: String?
    }

    /// Sources fetched with new content read.
    public var succeeded = 0
    /// Sources that answered "not modified".
    public var notModified = 0
    /// Sources that failed.
    public var failures: [Failure] = []
    /// Sources not due yet.
    public var notDue = 0
    /// Sources retired (410 Gone) and no longer fetched.
    public var retired: [String] = []
    /// Articles stored for the first time.
    public var newArticles = 0
    /// Articles whose content changed.
    public var updatedArticles = 0
    /// New articles found to copy another (same URL, same text, near-duplicate, teaser).
    public var duplicates = 0
    /// Stories opened in this run.
    public var newStories = 0
    /// Articles and stories removed by the retention policy.
    public var pruned = 0
    /// Feeds (files) written because they changed.
    public var feedsWritten = 0
    /// Feeds left as they were.
    public var feedsUnchanged = 0
    /// True when nothing was stored or removed, so the feeds were not rebuilt.
    public var publishingSkipped = false
    /// Problems that did not fail a source (ill-formed XML recovered, a linked page missing).
    public var notes: [String] = []

    /// Creates an empty summary.
    public init() {}

    /// Sources that were fetched (or tried).
    public var attempted: Int { succeeded + notModified + failures.count }

    /// Whether the run as a whole failed: every source it tried failed.
    public var failedEntirely: Bool { attempted > 0 && failures.count == attempted }

    /// Adds what another part of the same run did (its sources' counts, failures and notes).
    mutating func add(_ part: RunSummary) {
        succeeded += part.succeeded
        notModified += part.notModified
        failures += part.failures
        notDue += part.notDue
        retired += part.retired
        newArticles += part.newArticles
        updatedArticles += part.updatedArticles
        duplicates += part.duplicates
        newStories += part.newStories
        pruned += part.pruned
        feedsWritten += part.feedsWritten
        feedsUnchanged += part.feedsUnchanged
        publishingSkipped = publishingSkipped || part.publishingSkipped
        notes += part.notes
    }
}
