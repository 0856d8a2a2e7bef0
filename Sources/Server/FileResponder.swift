import CompressNIO
import Foundation
import Hummingbird
import NIOCore

/// Answers every request of `FeedServer`: files under the root with validators, conditional
/// answers and gzip, and one access-log line each.
struct FileResponder: HTTPResponder {
    /// Files smaller than this are never compressed: gzip's header would eat the gain.
    static let smallestCompressed = 256

    let locator: FileLocator
    let cacheControl: String
    let cache: BodyCache
    let accessLog: AccessLog

    func respond(to request: Request, context: ServerRequestContext) async throws -> Response {
        let start = ContinuousClock.now
        let (response, bytes) = answer(request)
        if accessLog.isEnabled {
            accessLog.record(
                client: context.client, secondsSince1970: Int(Date().timeIntervalSince1970), method: request.method.rawValue,
                target: request.uri.string, status: Int(response.status.code), bytes: bytes, elapsed: ContinuousClock.now - start)
        }
        return response
    }

    /// The response and the number of body bytes it sends.
    func answer(_ request: Request) -> (Response, Int) {
        let isHead = request.method == .head
        guard request.method == .get || isHead else {
            var response = Self.text(.methodNotAllowed, "method not allowed\n", isHead: false)
            response.headers[.allow] = "GET, HEAD"
            return (response, 19)
        }
        switch locator.locate(request.uri.path) {
        case .notFound:
            return (Self.text(.notFound, "not found\n", isHead: isHead), isHead ? 0 : 10)
        case .redirect(let location):
            var response = Self.text(.movedPermanently, "moved to \(location)\n", isHead: isHead)
            response.headers[.location] = location
            return (response, isHead ? 0 : response.body.contentLength ?? 0)
        case .file(let path):
            guard let answer = fileAnswer(path: path, request: request, isHead: isHead) else {
                return (Self.text(.notFound, "not found\n", isHead: isHead), isHead ? 0 : 10)
            }
            return answer
        }
    }

    private func fileAnswer(path: String, request: Request, isHead: Bool) -> (Response, Int)? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        var file = ServedFile(path: path, status: status)
        let type = MediaType(fileName: String(file.name))
        let compressible = type.isCompressible && file.size >= Self.smallestCompressed && file.size <= cache.largestEntry
        let gzip = compressible && AcceptEncoding.allowsGzip(request.headers[.acceptEncoding])

        var headers = HTTPFields()
        headers.reserveCapacity(8)
        if let notModified = notModified(file: file, gzip: gzip, compressible: compressible, request: request) {
            return (notModified, 0)
        }
        if file.size > cache.largestEntry {
            return streamedAnswer(file: file, type: type, isHead: isHead)
        }
        guard var body = plainBody(of: &file) else { return nil }
        var tag = file.entityTag
        if gzip {
            guard let compressed = gzipBody(of: body, file: file) else { return nil }
            body = compressed
            tag = tag.gzip
            headers[.contentEncoding] = "gzip"
        }
        headers[.contentType] = type.value
        headers[.contentLength] = String(body.readableBytes)
        addValidators(to: &headers, tag: tag, file: file, compressible: compressible)
        if isHead {
            return (Response(status: .ok, headers: headers, body: ResponseBody()), 0)
        }
        return (Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body)), body.readableBytes)
    }

    /// The answer for a file too large to cache: never compressed, read in chunks while it is
    /// sent rather than whole.
    private func streamedAnswer(file: ServedFile, type: MediaType, isHead: Bool) -> (Response, Int) {
        var headers = HTTPFields()
        headers[.contentType] = type.value
        headers[.contentLength] = String(file.size)
        addValidators(to: &headers, tag: file.entityTag, file: file, compressible: false)
        if isHead {
            return (Response(status: .ok, headers: headers, body: ResponseBody()), 0)
        }
        let body = ResponseBody(contentLength: file.size) { writer in
            try await ServedFile.stream(file, chunkSize: 128 << 10) { chunk in try await writer.write(chunk) }
            try await writer.finish(nil)
        }
        return (Response(status: .ok, headers: headers, body: body), file.size)
    }

    /// The 304 answer when the request's validators match the file: `If-None-Match` first
    /// (weak comparison), `If-Modified-Since` only when there is no `If-None-Match`.
    private func notModified(file: ServedFile, gzip: Bool, compressible: Bool, request: Request) -> Response? {
        let tag = gzip ? file.entityTag.gzip : file.entityTag
        let unchanged: Bool
        if let ifNoneMatch = request.headers[.ifNoneMatch] {
            unchanged = tag.matches(ifNoneMatch: ifNoneMatch)
        } else if let ifModifiedSince = request.headers[.ifModifiedSince], let since = HTTPDate.parse(ifModifiedSince) {
            unchanged = file.modifiedSeconds <= since
        } else {
            unchanged = false
        }
        guard unchanged else { return nil }
        var headers = HTTPFields()
        addValidators(to: &headers, tag: tag, file: file, compressible: compressible)
        return Response(status: .notModified, headers: headers, body: ResponseBody())
    }

    private func addValidators(to headers: inout HTTPFields, tag: EntityTag, file: ServedFile, compressible: Bool) {
        headers[.eTag] = tag.headerValue
        headers[.lastModified] = HTTPDate.format(file.modifiedSeconds)
        headers[.cacheControl] = cacheControl
        if compressible { headers[.vary] = "Accept-Encoding" }
    }

    /// The file's bytes, from the cache or read now (then `file` describes what was read).
    private func plainBody(of file: inout ServedFile) -> ByteBuffer? {
        if let cached = cache.body(path: file.path, tag: file.entityTag) { return cached }
        guard let (current, bytes) = ServedFile.read(file.path) else { return nil }
        file = current
        let body = ByteBuffer(bytes: bytes)
        cache.store(body, path: file.path, tag: file.entityTag)
        return body
    }

    /// The gzip-compressed bytes, from the cache or compressed now.
    private func gzipBody(of plain: ByteBuffer, file: ServedFile) -> ByteBuffer? {
        let tag = file.entityTag.gzip
        if let cached = cache.body(path: file.path, tag: tag) { return cached }
        var input = plain
        guard let compressed = try? input.compress(with: .gzip()) else { return nil }
        cache.store(compressed, path: file.path, tag: tag)
        return compressed
    }

    private static func text(_ status: HTTPResponse.Status, _ message: String, isHead: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.contentLength] = String(message.utf8.count)
        let body = isHead ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: message))
        return Response(status: status, headers: headers, body: body)
    }
}
