/// What a run reports as it goes, for a progress bar or log lines.
public enum AggregationEvent: Sendable, Equatable {
    /// The run starts with this many due sources.
    case started(sources: Int)
    /// One source is done: fetched and stored, not modified, or failed.
    case sourceDone(id: String, outcome: SourceOutcome)
    /// A line worth logging (verbose).
    case note(String)
    /// The feeds are being written.
    case publishing

    /// How one source went.
    public enum SourceOutcome: Sendable, Equatable {
        /// New content read: counts of new and changed articles.
        case stored(new: Int, updated: Int)
        /// Nothing changed.
        case notModified
        /// It failed, with the reason.
        case failed(String)
    }
}
