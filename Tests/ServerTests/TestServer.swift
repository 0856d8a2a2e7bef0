import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Server

/// Runs a `FeedServer` on 127.0.0.1, port 0, for the length of a test body, then shuts it down
/// gracefully and waits until it has stopped.
enum TestServer {
    /// A client that shows answers as sent: no redirects followed, no decompression.
    static let client = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow, decompression: .disabled))

    static func with<T: Sendable>(
        _ configuration: FeedServer.Configuration, _ body: @Sendable (_ base: String) async throws -> T
    ) async throws -> T {
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let server = FeedServer(configuration: configuration)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            let (starts, continuation) = AsyncStream.makeStream(of: FeedServer.Started.self)
            group.addTask {
                defer { continuation.finish() }
                try await server.run(stoppingOnSignals: false) { started in continuation.yield(started) }
            }
            guard let started = await starts.first(where: { _ in true }) else {
                try await group.waitForAll()
                throw CancellationError()
            }
            let result: Result<T, any Error>
            do {
                result = .success(try await body("http://127.0.0.1:\(started.port)"))
            } catch {
                result = .failure(error)
            }
            await started.stop()
            try await group.waitForAll()
            return try result.get()
        }
    }

    /// A response, its body collected.
    struct Answer {
        var status: Int
        var headers: HTTPHeaders
        var body: ByteBuffer
        var text: String { String(buffer: body) }
        func header(_ name: String) -> String? { headers.first(name: name) }
    }

    /// Sends one request with async-http-client (no automatic decompression).
    static func fetch(_ url: String, method: HTTPMethod = .GET, headers: [(String, String)] = []) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await client.execute(request, timeout: .seconds(20))
        let body = try await response.body.collect(upTo: 16 << 20)
        return Answer(status: Int(response.status.code), headers: response.headers, body: body)
    }
}
