import Foundation

/// Sends a request target exactly as written (an HTTP client would normalize `/../`), over a
/// plain socket, and returns the status code of the answer (or its whole head).
///
/// The blocking socket calls run on a thread of their own: on the few threads of the concurrency
/// pool they could starve the server that has to answer them.
enum RawRequest {
    struct Failure: Error {}

    static func status(port: Int, target: String) async throws -> Int {
        let head = try await self.head(port: port, target: target)
        // "HTTP/1.1 404 Not Found"
        let statusLine = head.prefix { $0 != "\r" }.split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure() }
        return status
    }

    static func head(port: Int, target: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try blockingHead(port: port, target: target) }) }.start()
        }
    }

    private static func blockingHead(port: Int, target: String) throws -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure() }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure() }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        guard send(descriptor, request, request.count, 0) == request.count else { throw Failure() }
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count <= 0 { break }
            answer += chunk[0..<count]
        }
        let text = String(decoding: answer, as: UTF8.self)
        return text.components(separatedBy: "\r\n\r\n").first ?? text
    }
}
