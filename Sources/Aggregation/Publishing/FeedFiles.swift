public import Foundation

/// Where published feeds go: the output folder on disk, or memory in tests.
public protocol FeedFiles: Sendable {
    /// Writes `bytes` at `path` (relative to the output folder) atomically, unless the file
    /// already holds exactly these bytes; returns whether it wrote.
    func write(_ bytes: [UInt8], to path: String, in folder: URL) throws -> Bool
    /// Whether a file exists at `path` (relative to the output folder).
    func exists(_ path: String, in folder: URL) -> Bool
}

/// Files in the output folder, written to a temporary file and renamed over the old one, so a
/// reader (or a crash) never sees half a feed.
public struct LocalFeedFiles: FeedFiles {
    /// Creates the writer.
    public init() {}

    /// Whether the file is there.
    public func exists(_ path: String, in folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    /// Writes atomically when the content changed.
    public func write(_ bytes: [UInt8], to path: String, in folder: URL) throws -> Bool {
        let target = folder.appendingPathComponent(path)
        let manager = FileManager.default
        if let existing = manager.contents(atPath: target.path), existing.elementsEqual(bytes) { return false }
        try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try Data(bytes).write(to: temporary)
        if rename(temporary.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot write \(target.path): \(reason)"])
        }
        return true
    }
}

/// Feeds kept in memory, for tests of the layers above.
public final class InMemoryFeedFiles: FeedFiles, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [UInt8]] = [:]

    /// Creates an empty set of files.
    public init() {}

    /// Records the bytes when they changed.
    public func write(_ bytes: [UInt8], to path: String, in folder: URL) throws -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if files[path] == bytes { return false }
        files[path] = bytes
        return true
    }

    /// Whether a file was written at `path`.
    public func exists(_ path: String, in folder: URL) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return files[path] != nil
    }

    /// The files written so far, by path.
    public var contents: [String: [UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return files
    }
}
