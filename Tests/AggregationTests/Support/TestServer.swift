import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A request as the test server received it.
struct ReceivedRequest: Sendable {
    var path: String
    var headers: HTTPHeaders

    func header(_ name: String) -> String? { headers.first(name: name) }
}

/// How the test server answers one request. Every answer closes the connection afterwards.
enum Reply: Sendable {
    /// A complete response.
    case respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = [])
    /// Waits, then answers.
    indirect case after(seconds: Double, Reply)
    /// A 200 whose body never ends: one byte every `interval` seconds.
    case trickle(interval: Double)
    /// A 200 of `bytes` zero-filled bytes, streamed in 64 KiB chunks; with or without Content-Length.
    case stream(bytes: Int, declareLength: Bool)
    /// A 200 declaring `declared` bytes, sending `sent`, then resetting the connection (TCP RST).
    case reset(declared: Int, sent: Int)

    /// A 200 with a text body.
    static func text(_ body: String, contentType: String = "application/rss+xml", headers: [(String, String)] = []) -> Reply {
        .respond(status: 200, headers: [("Content-Type", contentType)] + headers, body: Array(body.utf8))
    }

    /// A status with no body.
    static func status(_ status: Int, headers: [(String, String)] = []) -> Reply {
        .respond(status: status, headers: headers)
    }
}

/// A real HTTP/1.1 server on 127.0.0.1 at an ephemeral port, written on SwiftNIO so that it can misbehave
/// on purpose (slow bodies, resets, endless streams). It records requests and the most it served at once.
final class TestServer: Sendable {
    private struct State {
        var requests: [ReceivedRequest] = []
        var inFlight = 0
        var maxInFlight = 0
        var streamed = 0
    }

    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, ByteBuffer>

    let port: Int
    private let state = NIOLockedValueBox(State())
    private let handler: @Sendable (ReceivedRequest) -> Reply

    private init(port: Int, handler: @escaping @Sendable (ReceivedRequest) -> Reply) {
        self.port = port
        self.handler = handler
    }

    /// The absolute URL of `path` on this server.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every request received so far.
    var requests: [ReceivedRequest] { state.withLockedValue { $0.requests } }

    /// The largest number of requests in progress at one moment.
    var maxConcurrent: Int { state.withLockedValue { $0.maxInFlight } }

    /// How many body bytes `.stream` replies have written so far.
    var streamedBytes: Int { state.withLockedValue { $0.streamed } }

    /// Runs `body` with a server answering through `handler`, and stops the server afterwards.
    static func with<T: Sendable>(
        _ handler: @escaping @Sendable (ReceivedRequest) -> Reply,
        _ body: (TestServer) async throws -> T
    ) async throws -> T {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.so_sndbuf), value: 64 * 1024)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(HTTPRequestDecoder()))
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        let server = TestServer(port: listener.channel.localAddress?.port ?? 0, handler: handler)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await listener.executeThenClose { inbound in
                    try await withThrowingDiscardingTaskGroup { connections in
                        for try await connection in inbound {
                            connections.addTask { await server.serve(connection) }
                        }
                    }
                }
            }
            defer { group.cancelAll() }
            let result = try await body(server)
            try? await listener.channel.close()
            group.cancelAll()
            return result
        }
    }

    private func serve(_ connection: Connection) async {
        try? await connection.executeThenClose { inbound, _ in
            var head: HTTPRequestHead?
            for try await part in inbound {
                switch part {
                case .head(let received):
                    head = received
                case .body:
                    continue
                case .end:
                    guard let head else { return }
                    let request = ReceivedRequest(path: head.uri, headers: head.headers)
                    state.withLockedValue {
                        $0.requests.append(request)
                        $0.inFlight += 1
                        $0.maxInFlight = max($0.maxInFlight, $0.inFlight)
                    }
                    // A request stops counting as in progress when its answer starts to go out:
                    // the client can read the whole answer, release its slot and send the next
                    // request before this task resumes after the write, which would count two
                    // requests where the client never had more than one.
                    let counted = NIOLockedValueBox(true)
                    let answered: @Sendable () -> Void = {
                        let first = counted.withLockedValue { was in
                            let first = was
                            was = false
                            return first
                        }
                        guard first else { return }
                        self.state.withLockedValue { $0.inFlight -= 1 }
                    }
                    defer { answered() }
                    try await answer(handler(request), channel: connection.channel, answering: answered)
                    return
                }
            }
        }
    }

    /// Writes straight to the channel and waits until the bytes are handed to the kernel, so that closing
    /// afterwards never drops them and a counted byte is a sent byte.
    private func send(_ buffer: ByteBuffer, on channel: any Channel) async throws {
        try await channel.writeAndFlush(buffer).get()
    }

    /// Writes `reply`, calling `answering` just before its first bytes go out.
    private func answer(_ reply: Reply, channel: any Channel, answering: @Sendable () -> Void) async throws {
        if case .after = reply {} else { answering() }
        switch reply {
        case .respond(let status, let headers, let body):
            var all = headers
            if !all.contains(where: { $0.0.lowercased() == "content-length" }) { all.append(("Content-Length", "\(body.count)")) }
            try await send(Self.head(status, all) + ByteBuffer(bytes: body), on: channel)
        case .after(let seconds, let next):
            try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            try await answer(next, channel: channel, answering: answering)
        case .trickle(let interval):
            try await send(Self.head(200, [("Content-Type", "application/rss+xml")]), on: channel)
            while true {
                try await send(ByteBuffer(string: " "), on: channel)
                try await Task.sleep(for: .milliseconds(Int(interval * 1000)))
            }
        case .stream(let bytes, let declareLength):
            // Without a length the body is chunked, so that a cut-short body is an error, never a short success.
            try await send(Self.head(200, [declareLength ? ("Content-Length", "\(bytes)") : ("Transfer-Encoding", "chunked")]), on: channel)
            let chunk = ByteBuffer(repeating: UInt8(ascii: "a"), count: 64 * 1024)
            var sent = 0
            while sent < bytes {
                let size = min(chunk.readableBytes, bytes - sent)
                let slice = chunk.getSlice(at: 0, length: size)!
                try await send(
                    declareLength ? slice : ByteBuffer(string: String(size, radix: 16) + "\r\n") + slice + ByteBuffer(string: "\r\n"), on: channel)
                sent += size
                state.withLockedValue { $0.streamed += size }
            }
            if !declareLength { try await send(ByteBuffer(string: "0\r\n\r\n"), on: channel) }
        case .reset(let declared, let sent):
            try await send(Self.head(200, [("Content-Length", "\(declared)")]) + ByteBuffer(repeating: UInt8(ascii: "<"), count: sent), on: channel)
            try await Task.sleep(for: .milliseconds(50))
            if let provider = channel as? any SocketOptionProvider {
                try await provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
            }
            try await channel.close()
        }
    }

    private static func head(_ status: Int, _ headers: [(String, String)]) -> ByteBuffer {
        var text = "HTTP/1.1 \(status) \(HTTPResponseStatus(statusCode: status).reasonPhrase)\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return ByteBuffer(string: text + "\r\n")
    }
}

extension ByteBuffer {
    fileprivate static func + (lhs: ByteBuffer, rhs: ByteBuffer) -> ByteBuffer {
        var result = lhs
        var right = rhs
        result.writeBuffer(&right)
        return result
    }
}
