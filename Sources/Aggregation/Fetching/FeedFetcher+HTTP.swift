import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

extension FeedFetcher {
    /// The outcome of one request/response exchange.
    enum Hop: Sendable {
        /// A redirect to `location` (as written, maybe relative).
        case redirect(status: Int, location: String?)
        /// A final answer: 2xx or 304.
        case response(FetchResponse)
    }

    static let feedAccept =
        "application/atom+xml, application/rss+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
    static let pageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
    static let robotsAccept = "text/plain, */*;q=0.5"
    static let robotsMaxBytes = 512 * 1024

    /// Fetches over HTTP(S), following redirects and checking robots.txt for pages on every hop.
    ///
    /// `accept` and `maxBytes` are given only for robots.txt itself, which is fetched without conditional
    /// headers and without a robots check of its own.
    func fetchNetwork(_ url: URL, request: FetchRequest, accept: String? = nil, maxBytes: Int? = nil) async throws(FetchError) -> FetchResponse {
        var current = url
        var visited: Set<String> = [url.absoluteString]
        var redirects = 0
        var allPermanent = true
        while true {
            if request.kind == .page, policy.respectRobots, accept == nil {
                try await checkRobots(current, request: request)
            }
            let key = UnreachableHosts.key(current)
            // Asked before waiting for the host and again once its slot is free: the sources
            // queued behind a host's first failures learn of them there, and do not wait out its
            // spacing for a request they will not make.
            let refusal = { [unreachable, current] () -> FetchError? in
                unreachable.reason(key).map { FetchError.hostUnreachable(key, reason: $0, url: current.absoluteString) }
            }
            let hop = try await limiter.withSlot(host: current.host?.lowercased() ?? "", refuse: refusal) { () async throws(FetchError) -> Hop in
                let answer = AnswerFlag()
                do throws(FetchError) {
                    let hop = try await exchange(current, request: request, accept: accept, maxBytes: maxBytes ?? policy.maxBodyBytes, answer: answer)
                    unreachable.answered(key)
                    return hop
                } catch {
                    if answer.isSet { unreachable.answered(key) } else { unreachable.note(error, for: key) }
                    throw error
                }
            }
            switch hop {
            case .response(var response):
                if redirects > 0, allPermanent { response.permanentRedirect = current }
                return response
            case .redirect(let status, let location):
                guard let location, let next = URL(string: location, relativeTo: current)?.absoluteURL,
                    let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https", next.host != nil
                else { throw .badRedirect(status, url: current.absoluteString) }
                guard visited.insert(next.absoluteString).inserted else { throw .redirectLoop(at: next.absoluteString) }
                redirects += 1
                guard redirects <= policy.maxRedirects else { throw .tooManyRedirects(policy.maxRedirects, url: url.absoluteString) }
                if status != 301 && status != 308 { allPermanent = false }
                current = next
            }
        }
    }

    /// One exchange, bounded as a whole (head and body) by the request timeout; `answer` is set
    /// when the response's head arrives. A timeout before it is "no answer within", after it
    /// "timed out after".
    func exchange(_ url: URL, request: FetchRequest, accept: String?, maxBytes: Int, answer: AnswerFlag) async throws(FetchError) -> Hop {
        do {
            return try await boundedExchange(url, request: request, accept: accept, maxBytes: maxBytes, answer: answer)
        } catch {
            guard error.code == .timedOut, !answer.isSet else { throw error }
            throw .noAnswer(after: policy.requestTimeout, url: url.absoluteString)
        }
    }

    private func boundedExchange(
        _ url: URL, request: FetchRequest, accept: String?, maxBytes: Int, answer: AnswerFlag
    ) async throws(FetchError) -> Hop {
        let timeout = policy.requestTimeout
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(timeout * 1000)))
        do {
            return try await withThrowingTaskGroup(of: Hop?.self) { group in
                group.addTask { try await self.perform(url, request: request, accept: accept, maxBytes: maxBytes, answer: answer) }
                group.addTask {
                    try? await Task.sleep(until: deadline, clock: .continuous)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let hop = first else {
                    if Task.isCancelled { throw FetchError.cancelled(url.absoluteString) }
                    throw FetchError.timedOut(after: timeout, url: url.absoluteString)
                }
                return hop
            }
        } catch let error as FetchError {
            throw error
        } catch {
            throw classify(error, url: url.absoluteString, bytes: 0, maxBytes: maxBytes)
        }
    }

    /// Sends the request and reads the body within the size cap.
    private func perform(_ url: URL, request: FetchRequest, accept: String?, maxBytes: Int, answer: AnswerFlag) async throws -> Hop {
        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = .GET
        outgoing.headers.add(name: "User-Agent", value: request.userAgent ?? policy.userAgent)
        outgoing.headers.add(name: "Accept", value: accept ?? (request.kind == .page ? Self.pageAccept : Self.feedAccept))
        outgoing.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if accept == nil {
            if let etag = request.etag { outgoing.headers.add(name: "If-None-Match", value: etag) }
            if let lastModified = request.lastModified { outgoing.headers.add(name: "If-Modified-Since", value: lastModified) }
        }
        let response = try await client.execute(outgoing, timeout: .milliseconds(Int64(policy.requestTimeout * 1000)))
        answer.set()
        let status = Int(response.status.code)
        let headers = response.headers
        let now = Date()
        if [301, 302, 303, 307, 308].contains(status) {
            await Self.abandon(response.body)
            return .redirect(status: status, location: headers.first(name: "Location"))
        }
        let maxAge = CacheHeaders.maxAge(
            cacheControl: headers[canonicalForm: "Cache-Control"].map(String.init).joined(separator: ","),
            expires: headers.first(name: "Expires"),
            date: headers.first(name: "Date"),
            now: now
        )
        if status == 304 {
            await Self.abandon(response.body)
            return .response(
                FetchResponse(
                    finalURL: url,
                    status: 304,
                    contentType: headers.first(name: "Content-Type"),
                    etag: headers.first(name: "ETag") ?? request.etag,
                    lastModified: headers.first(name: "Last-Modified") ?? request.lastModified,
                    maxAge: maxAge,
                    notModified: true,
                    fetchedAt: now
                )
            )
        }
        guard (200..<300).contains(status) else {
            let retryAfter = CacheHeaders.retryAfter(headers.first(name: "Retry-After"), now: now)
            await Self.abandon(response.body)
            throw FetchError.status(status, url: url.absoluteString, retryAfter: retryAfter, now: now)
        }
        if let length = headers.first(name: "Content-Length").flatMap(Int.init), length > maxBytes {
            await Self.abandon(response.body)
            throw FetchError.tooLarge(limit: maxBytes, url: url.absoluteString)
        }
        var body: [UInt8] = []
        do {
            for try await chunk in response.body {
                guard body.count + chunk.readableBytes <= maxBytes else { throw FetchError.tooLarge(limit: maxBytes, url: url.absoluteString) }
                body.append(contentsOf: chunk.readableBytesView)
            }
        } catch let error as FetchError {
            throw error
        } catch {
            throw classify(error, url: url.absoluteString, bytes: body.count, maxBytes: maxBytes)
        }
        return .response(
            FetchResponse(
                finalURL: url,
                status: status,
                body: body,
                contentType: headers.first(name: "Content-Type"),
                etag: headers.first(name: "ETag"),
                lastModified: headers.first(name: "Last-Modified"),
                maxAge: maxAge,
                fetchedAt: now
            )
        )
    }

    /// Stops a body that will not be read: ending the iteration cancels the request and closes the
    /// connection, where merely dropping the response would let the client drain the whole body.
    static func abandon(_ body: HTTPClientResponse.Body) async {
        var iterator = body.makeAsyncIterator()
        _ = try? await iterator.next()
    }

    /// Maps an HTTP client, NIO or decompression error to a ``FetchError``.
    /// `bytes` is how much of the body had arrived; `maxBytes` the cap in force.
    func classify(_ error: any Error, url: String, bytes: Int, maxBytes: Int) -> FetchError {
        if let error = error as? FetchError { return error }
        if error is CancellationError { return .cancelled(url) }
        let text = String(reflecting: error)
        if text.contains("DecompressionError") {
            return text.contains("limit") ? .tooLarge(limit: maxBytes, url: url) : .connectionFailed("invalid compressed body", url: url)
        }
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout: return .connectionFailed(FetchError.noConnectionWithin + HumanReadable.seconds(policy.connectTimeout), url: url)
            case .readTimeout, .deadlineExceeded: return .timedOut(after: policy.requestTimeout, url: url)
            case .cancelled: return .cancelled(url)
            case .remoteConnectionClosed where bytes == 0: return .connectionFailed("connection closed before the response", url: url)
            case .remoteConnectionClosed: return .connectionReset(after: bytes, url: url)
            default: break
            }
        }
        if bytes > 0 { return .connectionReset(after: bytes, url: url) }
        let lowered = text.lowercased()
        if lowered.contains("refused") { return .connectionFailed(FetchError.connectionRefused, url: url) }
        if lowered.contains("reset") { return .connectionReset(after: bytes, url: url) }
        if lowered.contains("dns") || lowered.contains("resolv") || lowered.contains("getaddrinfo") || lowered.contains("lookup") {
            return .connectionFailed(FetchError.unknownHost, url: url)
        }
        return .connectionFailed(String(describing: error), url: url)
    }
}

/// Whether a response's head has arrived: set by the request, read when the exchange ends.
final class AnswerFlag: Sendable {
    private let arrived = Atomic<Bool>(false)

    func set() { arrived.store(true, ordering: .releasing) }

    var isSet: Bool { arrived.load(ordering: .acquiring) }
}
