import Foundation

/// A throwaway folder to serve, inside a parent that also holds a file the server must never
/// reveal (`secret.txt`), so that a traversal that worked would find something.
struct ServedFolder {
    /// The parent folder: removed by `remove()`.
    let parent: URL
    /// The folder served.
    let root: URL

    init() throws {
        parent = FileManager.default.temporaryDirectory.appendingPathComponent("tributary-serve-\(UUID().uuidString)")
        root = parent.appendingPathComponent("Feeds")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("top secret\n".utf8).write(to: parent.appendingPathComponent("secret.txt"))
    }

    /// Writes a file under the root, making folders as needed.
    @discardableResult
    func write(_ relativePath: String, _ contents: String) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
        return url
    }

    /// A symbolic link under the root pointing at `destination`.
    func link(_ relativePath: String, to destination: URL) throws {
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent(relativePath), withDestinationURL: destination)
    }

    func remove() {
        try? FileManager.default.removeItem(at: parent)
    }

    /// An Atom feed of about `size` bytes (the same text repeated, so gzip shrinks it).
    static func feed(bytes size: Int = 4_000) -> String {
        var feed = #"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>All</title>"#
        var number = 0
        while feed.utf8.count < size {
            number += 1
            feed += "<entry><id>urn:story:\(number)</id><title>Story \(number)</title><summary>Ministers met in Havana.</summary></entry>"
        }
        return feed + "</feed>"
    }
}
