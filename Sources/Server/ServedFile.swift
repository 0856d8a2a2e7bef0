import Foundation
import NIOCore

/// A regular file under the served root, as `stat` saw it.
struct ServedFile: Sendable {
    /// The resolved path (symbolic links followed), inside the root.
    let path: String
    /// Its size in bytes.
    let size: Int
    /// Its modification time in whole seconds since 1970 (what `Last-Modified` says).
    let modifiedSeconds: Int
    /// Its modification time in nanoseconds since 1970.
    let modifiedNanoseconds: Int
    /// Its inode number.
    let inode: UInt64

    /// The file's name: what its media type is chosen by.
    var name: Substring { path[path.index(after: path.lastIndex(of: "/") ?? path.startIndex)...] }

    /// The strong tag of its identity-encoded bytes.
    var entityTag: EntityTag { EntityTag(size: size, modifiedNanoseconds: modifiedNanoseconds, inode: inode) }

    init(path: String, status: stat) {
        self.path = path
        size = Int(status.st_size)
        modifiedSeconds = Int(status.st_mtim.tv_sec)
        modifiedNanoseconds = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
        inode = UInt64(status.st_ino)
    }

    /// The whole file, with its status taken from the open descriptor so that the bytes and the
    /// tag always belong together; `nil` when it cannot be read any more.
    static func read(_ path: String) -> (file: ServedFile, bytes: [UInt8])? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let file = ServedFile(path: path, status: status)
        var bytes = [UInt8](repeating: 0, count: file.size)
        var filled = 0
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count {
                let count = Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                filled += count
            }
            return true
        }
        return complete ? (file, bytes) : nil
    }

    /// Why a file could not be streamed: it changed or vanished after its headers were sent.
    struct Changed: Error {}

    /// Reads the file in chunks, handing each to `send`; throws `Changed` when the file on disk is
    /// no longer the version that `file` describes (its headers are already sent).
    static func stream(_ file: ServedFile, chunkSize: Int, _ send: (ByteBuffer) async throws -> Void) async throws {
        let descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Changed() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, ServedFile(path: file.path, status: status).entityTag == file.entityTag else { throw Changed() }
        var remaining = file.size
        while remaining > 0 {
            var chunk = ByteBufferAllocator().buffer(capacity: min(chunkSize, remaining))
            let count = chunk.writeWithUnsafeMutableBytes(minimumWritableBytes: min(chunkSize, remaining)) { buffer in
                max(0, Foundation.read(descriptor, buffer.baseAddress!, min(buffer.count, remaining)))
            }
            guard count > 0 else { throw Changed() }
            remaining -= count
            try await send(chunk)
        }
    }
}
