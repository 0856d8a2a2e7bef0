/// Something that fetches a feed or a page: ``FeedFetcher`` over HTTP and files,
/// ``CannedFetcher`` in memory for tests.
public protocol Fetching: Sendable {
    /// Fetches one request; every failure is a ``FetchError`` with its reason.
    func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse
}
