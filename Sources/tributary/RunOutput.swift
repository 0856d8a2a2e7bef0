import Aggregation
import Foundation

/// How `aggregate` talks while it works: a progress bar on a terminal, plain log lines
/// otherwise, and a closing summary.
final class RunOutput: @unchecked Sendable {
    private let quiet: Bool
    private let verbose: Bool
    private let terminal: Bool
    private let lock = NSLock()
    private var total = 0
    private var done = 0
    private var newArticles = 0
    private var barShown = false

    init(quiet: Bool, verbose: Bool) {
        self.quiet = quiet
        self.verbose = verbose
        terminal = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Receives the run's events.
    func handle(_ event: AggregationEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .started(let sources):
            total = sources
            done = 0
            newArticles = 0
            if !quiet && !terminal { emit("aggregate: \(sources) source\(sources == 1 ? "" : "s") due") }
        case .sourceDone(let id, let outcome):
            done += 1
            switch outcome {
            case .stored(let new, let updated):
                newArticles += new
                if !quiet && (!terminal || verbose) { emit("ok        \(id): \(new) new, \(updated) changed") }
            case .notModified:
                if !quiet && (!terminal || verbose) { emit("unchanged \(id)") }
            case .failed(let reason):
                if !quiet { emit("failed    \(id): \(reason)") }
            }
            drawBar()
        case .note(let note):
            if verbose { emit("note      \(note)") }
        case .publishing:
            if !quiet && !terminal { emit("writing feeds") }
        }
    }

    /// Writes a line above the progress bar.
    func line(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        emit(text)
    }

    /// Removes the progress bar.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if barShown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        barShown = false
    }

    private func emit(_ text: String) {
        if barShown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        barShown = false
        FileHandle.standardError.write(Data((text + "\n").utf8))
        drawBar()
    }

    private func drawBar() {
        guard terminal, !quiet, total > 0 else { return }
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let text = "\r\u{1B}[2K\(bar) \(done)/\(total) sources · \(newArticles) new articles"
        FileHandle.standardError.write(Data(text.utf8))
        barShown = true
    }

    /// Prints the closing summary (to standard output, so scripts can keep it).
    func finish(_ summary: RunSummary, configuration: Configuration, dryRun: Bool) {
        clear()
        for failure in summary.failures {
            let retry = failure.retry.map { " (\($0))" } ?? ""
            Console.error("failed: \(failure.source): \(failure.reason)\(retry)")
        }
        guard !quiet else { return }
        var lines: [String] = []
        var sources = "Sources:  \(summary.succeeded) ok, \(summary.notModified) not modified, \(summary.failures.count) failed"
        if summary.notDue > 0 { sources += ", \(summary.notDue) not due yet" }
        if !summary.retired.isEmpty { sources += ", \(summary.retired.count) retired (\(summary.retired.joined(separator: ", ")))" }
        lines.append(sources)
        lines.append(
            "Articles: \(summary.newArticles) new, \(summary.updatedArticles) changed, \(summary.duplicates) copies merged"
                + (summary.pruned > 0 ? ", \(summary.pruned) removed by retention" : ""))
        lines.append("Stories:  \(summary.newStories) new")
        if dryRun {
            lines.append("Dry run: nothing was stored or written.")
        } else if summary.publishingSkipped {
            lines.append("Feeds:    nothing new; the feeds in \(configuration.outputURL.path) are current")
        } else {
            lines.append("Feeds:    \(summary.feedsWritten) written, \(summary.feedsUnchanged) unchanged in \(configuration.outputURL.path)")
        }
        if !verbose && !summary.notes.isEmpty {
            lines.append("Notes:    \(summary.notes.count) (see --verbose)")
        }
        print(lines.joined(separator: "\n"))
    }
}
