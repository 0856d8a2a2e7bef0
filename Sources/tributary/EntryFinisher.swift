import Foundation
import Syndication

/// Finishes a feed's entries (their markup sanitized, `UnfinishedEntry.finished()`) and writes
/// them as JSON on a thread of its own, while the thread that parses reads on: on a feed rich in
/// HTML that is about a fifth of the work, done beside the parser instead of after each entry.
///
/// Only the parsing thread writes the output: it sends entries in and takes the JSON out, in
/// pieces, in order, both a batch at a time. At most `capacity` entries (and one batch) wait
/// to be finished, the parser waiting past that, and the JSON not yet taken is what the
/// finisher wrote since the last batch: a few hundred entries held, whatever the feed's size.
final class EntryFinisher: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [UnfinishedEntry] = []
    /// The entries sent since the last batch was passed on (the parsing thread's own).
    private var sending: [UnfinishedEntry] = []
    private var written: [[UInt8]] = []
    private var closed = false
    private var done = false
    /// The writer, inside the entries array; the finisher's until `close()` gives it back.
    private var json: JSONWriter
    private let capacity = 512
    /// Entries passed on at a time: waking the finisher for each one cost more than the entry.
    private let batch = 128

    /// Starts the finisher's thread; `json` is the output's writer, its entries array open and
    /// its bytes already taken.
    init(json: JSONWriter) {
        self.json = json
        let thread = Thread { [self] in run() }
        thread.name = "tributary entry finisher"
        thread.start()
    }

    /// Queues an entry, passing them on `batch` at a time (one lock for each batch); waits
    /// while `capacity` entries are queued already.
    func send(_ entry: consuming UnfinishedEntry) {
        sending.append(entry)
        guard sending.count >= batch else { return }
        condition.lock()
        while waiting.count >= capacity { condition.wait() }
        if waiting.isEmpty { swap(&waiting, &sending) } else { waiting.append(contentsOf: sending) }
        sending.removeAll(keepingCapacity: true)
        condition.broadcast()
        condition.unlock()
    }

    /// The JSON finished so far and not yet taken, in order (looked at once a batch).
    func take() -> [[UInt8]] {
        guard sending.isEmpty else { return [] }
        var pieces: [[UInt8]] = []
        condition.lock()
        swap(&pieces, &written)
        condition.unlock()
        return pieces
    }

    /// Waits for the queued entries to be finished; returns the JSON not yet taken and the
    /// writer, to close the array and write the rest of the document.
    func close() -> (pieces: [[UInt8]], json: JSONWriter) {
        condition.lock()
        waiting.append(contentsOf: sending)
        sending = []
        closed = true
        condition.broadcast()
        while !done { condition.wait() }
        let pieces = written
        written = []
        condition.unlock()
        return (pieces, json)
    }

    private func run() {
        var taken: [UnfinishedEntry] = []
        while true {
            condition.lock()
            while waiting.isEmpty && !closed { condition.wait() }
            if waiting.isEmpty {
                done = true
                condition.broadcast()
                condition.unlock()
                return
            }
            swap(&taken, &waiting)
            // The parser may go on while this batch is finished.
            condition.broadcast()
            condition.unlock()
            for entry in taken { json.entry(entry.finished()) }
            taken.removeAll(keepingCapacity: true)
            let piece = json.takeBytes()
            condition.lock()
            written.append(piece)
            condition.unlock()
        }
    }
}
