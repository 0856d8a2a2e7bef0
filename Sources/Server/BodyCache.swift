import NIOConcurrencyHelpers
import NIOCore

/// Response bodies kept in memory, keyed by path and entity tag, so that a feed under load is
/// read and compressed once per version rather than once per request.
///
/// The cache is bounded by the total size of its bodies; past the bound the least recently used
/// bodies go first. A file that changes gets a new tag, so a stale body is never served; it
/// simply ages out.
final class BodyCache: Sendable {
    private struct Key: Hashable {
        let path: String
        let tag: String
    }

    private struct Entry {
        let body: ByteBuffer
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var totalBytes = 0
        var clock: UInt64 = 0
    }

    /// The most bytes all cached bodies may take together.
    let capacity: Int
    /// The largest body worth caching: a quarter of the capacity.
    var largestEntry: Int { capacity / 4 }

    private let state = NIOLockedValueBox(State())

    /// A cache that holds at most `capacity` bytes of bodies.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The body stored for a file version, marked as just used.
    func body(path: String, tag: EntityTag) -> ByteBuffer? {
        state.withLockedValue { state in
            let key = Key(path: path, tag: tag.opaque)
            guard var entry = state.entries[key] else { return nil }
            state.clock += 1
            entry.lastUse = state.clock
            state.entries[key] = entry
            return entry.body
        }
    }

    /// Stores a body for a file version when it is small enough, evicting the least recently
    /// used bodies to stay within the capacity.
    func store(_ body: ByteBuffer, path: String, tag: EntityTag) {
        let size = body.readableBytes
        guard size <= largestEntry else { return }
        state.withLockedValue { state in
            let key = Key(path: path, tag: tag.opaque)
            state.clock += 1
            if let old = state.entries.updateValue(Entry(body: body, lastUse: state.clock), forKey: key) {
                state.totalBytes -= old.body.readableBytes
            }
            state.totalBytes += size
            while state.totalBytes > capacity, let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.entries[oldest.key] = nil
                state.totalBytes -= oldest.value.body.readableBytes
            }
        }
    }

    /// How many bodies are cached (for tests).
    var count: Int { state.withLockedValue { $0.entries.count } }
}
