import Foundation

/// Where a request's bytes come from: a network URL or a local file.
enum FetchLocation: Sendable, Hashable {
    /// An http or https URL with a host.
    case network(URL)
    /// An absolute path on the local disk.
    case file(String)

    /// Classifies a request's URL string: `file://` URLs and plain paths are files.
    init(_ text: String) throws(FetchError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidURL(text) }
        if trimmed.lowercased().hasPrefix("file:") {
            guard let url = URL(string: trimmed), url.isFileURL, !url.path.isEmpty else { throw .invalidURL(text) }
            self = .file(url.path)
            return
        }
        guard let schemeEnd = trimmed.range(of: "://") else {
            self = .file(Self.absolutePath(trimmed))
            return
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(scheme, url: text) }
        guard let url = URL(string: trimmed), let host = url.host, !host.isEmpty else { throw .invalidURL(text) }
        self = .network(url)
    }

    /// A path made absolute against the working directory, with `~` expanded.
    private static func absolutePath(_ path: String) -> String {
        var expanded = path
        if expanded == "~" || expanded.hasPrefix("~/") {
            expanded = FileManager.default.homeDirectoryForCurrentUser.path + expanded.dropFirst()
        }
        if expanded.hasPrefix("/") { return expanded }
        return URL(fileURLWithPath: expanded, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).path
    }
}
