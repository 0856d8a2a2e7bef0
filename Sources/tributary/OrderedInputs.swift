import ArgumentParser
import Foundation

/// `--jobs`, for commands that work through many inputs.
struct JobsOption: ParsableArguments {
    @Option(
        name: [.customShort("j"), .long],
        help: ArgumentHelp(
            "How many inputs to work on at once (default: the processors available, at most 4). The output is in input order either way.",
            valueName: "n"))
    var jobs: Int?

    /// The number of threads to use.
    var threads: Int { jobs ?? OrderedInputs.defaultThreads }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}

/// Works through many inputs on several threads while the output stays exactly what one thread
/// would print: each input's standard output and standard error lines appear in input order,
/// never interleaved with another input's.
///
/// The input being written now (the "head") streams straight to standard output, so one huge
/// feed costs no more memory than alone. The others hold their output until their turn: up to
/// `heldLimit` bytes in all, past which a worker waits for its turn instead of holding more.
/// Every input before the head has been taken by a worker that is not waiting, so the head always
/// moves on and no worker waits forever.
final class OrderedInputs: @unchecked Sendable {
    /// What one input's work writes, in order.
    enum Piece {
        case output([UInt8])
        case error(String)

        /// Its bytes, as counted against the held limit.
        var size: Int {
            switch self {
            case .output(let bytes): bytes.count
            case .error(let message): message.utf8.count
            }
        }
    }

    /// The handle one input's work writes through.
    struct Writer {
        fileprivate let runner: OrderedInputs
        fileprivate let index: Int
        fileprivate var held: [Piece] = []
        fileprivate var heldBytes = 0
        fileprivate var isHead = false
        /// Whether any of this input's work failed (the command then exits with status 2).
        var failed = false

        /// Writes bytes to standard output in this input's turn.
        mutating func write(_ bytes: [UInt8]) {
            append(.output(bytes))
        }

        /// The input's bytes, or nil when it cannot be read, which is then reported.
        mutating func read(_ input: String, jsonLine: Bool) -> [UInt8]? {
            do throws(InputSource.Unreadable) {
                return try InputSource.read(input)
            } catch {
                report(error, jsonLine: jsonLine)
                return nil
            }
        }

        /// Reports an input that could not be read: its line on standard error and, for JSON
        /// output, the line `{"input","error"}` in its place among the results.
        mutating func report(_ unreadable: InputSource.Unreadable, jsonLine: Bool) {
            failed = true
            error(unreadable.description)
            if jsonLine { write(Console.errorLine(unreadable)) }
        }

        /// Writes one `tributary: …` line to standard error in this input's turn.
        mutating func error(_ message: String) {
            append(.error(message))
        }

        private mutating func append(_ piece: Piece) {
            if !isHead && runner.isHead(index) { becomeHead() }
            if isHead {
                runner.emit(piece)
                return
            }
            held.append(piece)
            heldBytes += piece.size
            if heldBytes > runner.streamingLimit {
                // Too much to hold: wait for this input's turn, then stream the rest.
                runner.waitForTurn(index)
                becomeHead()
            }
        }

        /// Writes what was held; from now on this input streams.
        private mutating func becomeHead() {
            isHead = true
            for piece in held { runner.emit(piece) }
            held = []
            heldBytes = 0
        }
    }

    private let condition = NSCondition()
    private var head = 0
    private var next = 0
    private var finished: [Int: [Piece]] = [:]
    private var finishedBytes = 0
    private var anyFailed = false
    /// Standard output not yet written: the small results of many inputs go out in one write
    /// rather than one each. Touched by the head alone (one thread at a time; the head moves on
    /// under `condition`), and written out before anything goes to standard error, so the two
    /// streams keep their order.
    private var unwritten: [UInt8] = []
    private static let unwrittenLimit = 1 << 16
    private let count: Int
    private let heldLimit: Int
    fileprivate let streamingLimit: Int

    private init(count: Int, heldLimit: Int) {
        self.count = count
        self.heldLimit = heldLimit
        self.streamingLimit = heldLimit / 4
    }

    /// Runs `work` once per input index on up to `threads` threads (the calling one among them)
    /// and returns whether any input failed. `work` must be safe to run on several threads.
    static func run(count: Int, threads: Int, heldLimit: Int = defaultHeldLimit, _ work: @Sendable (Int, inout Writer) -> Void) -> Bool {
        let runner = OrderedInputs(count: count, heldLimit: heldLimit)
        let workers = max(1, min(threads, count))
        if workers == 1 {
            runner.work(work)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in runner.work(work) }
        }
        runner.writeUnwritten()
        return runner.anyFailed
    }

    /// 32 MiB; the end-to-end tests set `TRIBUTARY_HELD_LIMIT` (bytes) to reach the waiting paths
    /// with small inputs.
    static var defaultHeldLimit: Int {
        ProcessInfo.processInfo.environment["TRIBUTARY_HELD_LIMIT"].flatMap { Int($0) }.map { max(0, $0) } ?? 32 << 20
    }

    /// How many threads to use: the processors this process may run on, at most four (each
    /// thread holds one document in memory).
    static var defaultThreads: Int { min(4, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    private func work(_ body: (Int, inout Writer) -> Void) {
        while let index = take() {
            var writer = Writer(runner: self, index: index)
            body(index, &writer)
            finish(writer)
        }
    }

    private func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    fileprivate func isHead(_ index: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return head == index
    }

    fileprivate func waitForTurn(_ index: Int) {
        condition.lock()
        while head != index { condition.wait() }
        condition.unlock()
    }

    /// Hands over a finished input: written now when it is the head (with every finished input
    /// right after it), held otherwise, or waited for when too much is held already.
    private func finish(_ writer: Writer) {
        condition.lock()
        if writer.failed { anyFailed = true }
        if head != writer.index && finishedBytes + writer.heldBytes <= heldLimit {
            finished[writer.index] = writer.held
            finishedBytes += writer.heldBytes
            condition.unlock()
            return
        }
        while head != writer.index { condition.wait() }
        condition.unlock()
        // Only the head writes, and the head is this thread's until it moves on.
        for piece in writer.held { emit(piece) }
        condition.lock()
        head += 1
        while let pieces = finished.removeValue(forKey: head) {
            for piece in pieces {
                emit(piece)
                finishedBytes -= piece.size
            }
            head += 1
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Writes a piece in its turn (the caller is the head).
    fileprivate func emit(_ piece: Piece) {
        switch piece {
        case .output(let bytes):
            if unwritten.count + bytes.count > Self.unwrittenLimit { writeUnwritten() }
            if bytes.count >= Self.unwrittenLimit {
                Console.write(bytes)
            } else {
                unwritten.append(contentsOf: bytes)
            }
        case .error(let message):
            writeUnwritten()
            Console.error(message)
        }
    }

    fileprivate func writeUnwritten() {
        guard !unwritten.isEmpty else { return }
        Console.write(unwritten)
        unwritten.removeAll(keepingCapacity: true)
    }
}
