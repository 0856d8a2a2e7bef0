import Foundation

/// An in-memory ``Fetching`` for tests: answers each URL with a canned response or error, and records
/// every request it was asked.
public actor CannedFetcher: Fetching {
    /// What a URL answers.
    public enum Answer: Sendable {
        /// A successful response.
        case response(FetchResponse)
        /// A failure.
        case failure(FetchError)
    }

    private var answers: [String: Answer]
    /// Every request received, in order.
    public private(set) var requests: [FetchRequest] = []

    /// Creates a fetcher with answers keyed by the request's URL string.
    public init(_ answers: [String: Answer] = [:]) {
        self.answers = answers
    }

    /// Sets (or replaces) what `url` answers.
    public func set(_ url: String, _ answer: Answer) {
        answers[url] = answer
    }

    /// Answers a body with status 200 from `url`.
    public func set(_ url: String, body: String, contentType: String? = nil, etag: String? = nil, lastModified: String? = nil) {
        answers[url] = .response(
            FetchResponse(
                finalURL: URL(string: url) ?? URL(fileURLWithPath: url),
                body: Array(body.utf8),
                contentType: contentType,
                etag: etag,
                lastModified: lastModified
            )
        )
    }

    /// Returns the canned answer; a URL without one fails as "file not found"/HTTP 404. When the canned
    /// response has an ETag or Last-Modified equal to the request's, it answers `notModified` like a server would.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        requests.append(request)
        guard let answer = answers[request.url] else {
            throw FetchError.status(404, url: request.url, retryAfter: nil, now: Date())
        }
        switch answer {
        case .failure(let error):
            throw error
        case .response(var response):
            let sameETag = response.etag != nil && response.etag == request.etag
            let sameDate = response.lastModified != nil && response.lastModified == request.lastModified
            if sameETag || sameDate {
                response.status = 304
                response.body = []
                response.notModified = true
            }
            response.fetchedAt = Date()
            return response
        }
    }
}
