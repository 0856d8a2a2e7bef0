import Foundation

/// Maps a request path to a file under the served root, refusing anything that could reach
/// outside it.
///
/// The path is percent-decoded once, then refused when it holds a NUL, a backslash, an empty,
/// `.` or `..` segment, or a segment starting with a dot (hidden files are not served). What is
/// left is joined to the root and resolved with `realpath`, which follows every symbolic link;
/// the result must still be the root or lie under it. Every refusal looks the same to the
/// client: not found.
struct FileLocator: Sendable {
    /// What a request path names.
    enum Resolution: Equatable, Sendable {
        /// A regular file to serve.
        case file(path: String)
        /// A folder with an `index.html`, asked for without the trailing slash: redirect here.
        case redirect(location: String)
        /// Nothing that may be served.
        case notFound
    }

    /// The root, resolved, without a trailing slash (empty for `/`).
    let root: String

    /// A locator for a root folder that exists; `nil` when it does not exist or is not a folder.
    init?(root: String) {
        guard let resolved = Self.resolve(root), Self.isDirectory(resolved) else { return nil }
        self.root = resolved == "/" ? "" : resolved
    }

    /// What the raw (still percent-encoded) path of a request names.
    func locate(_ rawPath: String) -> Resolution {
        guard rawPath.first == "/", let decoded = rawPath.removingPercentEncoding else { return .notFound }
        guard !decoded.contains("\0"), !decoded.contains("\\") else { return .notFound }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let wantsFolder = segments.last?.isEmpty ?? true
        if wantsFolder { segments = segments.dropLast() }
        guard segments.allSatisfy({ !$0.isEmpty && $0.first != "." }) else { return .notFound }
        let candidate = ([root] + segments.map(String.init)).joined(separator: "/")
        guard let resolved = Self.resolve(candidate.isEmpty ? "/" : candidate), isInsideRoot(resolved) else { return .notFound }
        if Self.isDirectory(resolved) {
            guard let index = Self.resolve(resolved + "/index.html"), isInsideRoot(index), Self.isRegularFile(index) else {
                return .notFound
            }
            return wantsFolder ? .file(path: index) : .redirect(location: rawPath + "/")
        }
        guard !wantsFolder, Self.isRegularFile(resolved) else { return .notFound }
        return .file(path: resolved)
    }

    private func isInsideRoot(_ path: String) -> Bool {
        path == root || path.hasPrefix(root + "/") || (root.isEmpty && path.hasPrefix("/"))
    }

    private static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }
}
