import Foundation
import Syndication

extension FeedFetcher {
    /// Reads a local file; its modification time is its Last-Modified, so an unchanged file answers
    /// `notModified` to a request that carries the previous value.
    func fetchFile(at path: String, request: FetchRequest) throws(FetchError) -> FetchResponse {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .fileNotFound(path) }
        guard !isDirectory.boolValue else { throw .fileUnreadable(path, reason: "is a directory") }
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try manager.attributesOfItem(atPath: path)
        } catch {
            throw .fileUnreadable(path, reason: "\(error.localizedDescription)")
        }
        let url = URL(fileURLWithPath: path)
        let modified = (attributes[.modificationDate] as? Date).map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) }
        let lastModified = modified.map(HTTPDate.format)
        if let modified, let previous = request.lastModified.flatMap(HTTPDate.parse), previous >= modified {
            return FetchResponse(finalURL: url, status: 304, lastModified: lastModified, notModified: true)
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > policy.maxBodyBytes {
            throw .tooLarge(limit: policy.maxBodyBytes, url: path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .fileUnreadable(path, reason: "\(error.localizedDescription)")
        }
        guard data.count <= policy.maxBodyBytes else { throw .tooLarge(limit: policy.maxBodyBytes, url: path) }
        return FetchResponse(
            finalURL: url,
            body: [UInt8](data),
            contentType: Self.contentType(forExtension: url.pathExtension),
            lastModified: lastModified
        )
    }

    /// A media type from a file name extension, for the parsers' benefit; nil when unknown.
    static func contentType(forExtension pathExtension: String) -> String? {
        switch pathExtension.lowercased() {
        case "atom": "application/atom+xml"
        case "rss": "application/rss+xml"
        case "xml", "rdf": "application/xml"
        case "json": "application/json"
        case "html", "htm": "text/html"
        case "txt": "text/plain"
        default: nil
        }
    }
}
