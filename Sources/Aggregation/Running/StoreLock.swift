public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive lock beside the store (`<database>.lock`, with `flock`), held for a run so two
/// aggregate processes never work on one store at once. The kernel drops it when the process
/// dies, so a killed run never leaves a stale lock.
public final class StoreLock: Sendable {
    private let descriptor: Int32
    /// The lock file.
    public let path: String

    /// Takes the lock or throws at once, naming the process that holds it.
    public init(database: URL) throws(AggregationError) {
        path = database.path + ".lock"
        try? FileManager.default.createDirectory(at: database.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AggregationError(message: "\(path): cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            var holder = ""
            if let text = try? String(contentsOfFile: path, encoding: .utf8), let pid = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                holder = " (process \(pid))"
            }
            close(descriptor)
            throw AggregationError(message: "another tributary aggregate is working on this store\(holder); lock \(path)")
        }
        ftruncate(descriptor, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(descriptor, $0, strlen($0)) }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
