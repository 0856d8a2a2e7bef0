public import Foundation
public import Store
import Synchronization

/// One aggregation run: fetches the due sources (politely, in parallel), reads them as feeds,
/// articles or index pages, analyses and clusters what is new, stores each source's changes in
/// one transaction, then prunes and publishes. A failing source is reported and never stops
/// the run or touches what was stored before.
public struct Aggregator: Sendable {
    /// The configuration in effect.
    public let configuration: Configuration
    let store: any ArticleStore
    let fetcher: any Fetching
    let files: any FeedFiles
    let clock: @Sendable () -> Date
    /// How many bytes of fetched bodies and of read articles not yet committed a run may hold
    /// before only sources close behind the next one to commit start (see `launch` in `run`):
    /// enough for the readers to stay busy, far less than the fetch concurrency would let pile
    /// up when the network is fast and the commits set the pace. The count is of bodies and of
    /// article text and HTML (what a source holds in all is about three times that), and of the
    /// bodies the requests in flight are expected to bring.
    var readAheadBudget = 2 << 20
    /// How many sources past the next one to commit may start when the budget is spent, and
    /// at least, whatever the pace of the reads and commits (`ReadAheadPace`).
    var closeBehind = 16

    /// Creates a run over a store and a fetcher, publishing through `files`; `clock` gives
    /// "now" (tests fix it).
    public init(
        configuration: Configuration, store: any ArticleStore, fetcher: any Fetching, files: any FeedFiles = LocalFeedFiles(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.store = store
        self.fetcher = fetcher
        self.files = files
        self.clock = clock
    }

    /// Runs once. `only` fetches just these source ids, due or not; `force` fetches every
    /// enabled source that is not retired, due or not; `dryRun` fetches and reads but stores
    /// and writes nothing.
    public func run(
        only: [String] = [], force: Bool = false, dryRun: Bool = false, shouldStop: @escaping @Sendable () -> Bool = { false },
        events: @escaping @Sendable (AggregationEvent) -> Void = { _ in }
    ) async throws -> RunSummary {
        var summary = RunSummary()
        let configured = configuration.sources.filter { $0.enabled || only.contains($0.id) }
        if let unknown = only.first(where: { id in !configuration.sources.contains { $0.id == id } }) {
            throw AggregationError(message: "no source with id '\(unknown)' in the configuration (see `tributary sources list`)")
        }
        let records = try await synchronizeSources(configured, dryRun: dryRun)
        let now = clock()
        var due: [(SourceRecord, SourceSettings)] = []
        for settings in configured {
            guard let record = records[settings.id] else { continue }
            if !only.isEmpty {
                if only.contains(settings.id) { due.append((record, settings)) }
                continue
            }
            if record.retired {
                summary.retired.append(settings.id)
            } else if !force, let next = record.nextFetch, next > now {
                summary.notDue += 1
            } else {
                due.append((record, settings))
            }
        }
        events(.started(sources: due.count))
        let desk = LazyDesk(store: store, configuration: configuration)
        let analyzer = AnalyzerOnDemand(configuration: configuration)
        let limit = max(1, configuration.fetch.concurrency)
        // Sources are fetched and read in parallel but committed in configuration order, so the
        // same inputs always give the same stories (which article opens a story, and so on).
        let lookAhead = 2 * limit
        var order = LaunchOrder(
            hosts: due.map { record, _ in Self.host(of: record.url) }, perHost: configuration.fetch.perHostConcurrency, lookAhead: lookAhead)
        // The commits run beside the reading, one at a time: a source's commit never holds up the
        // fetching and analysis of the sources after it, which run on threads of their own.
        let readers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let workers = WorkerThreads(count: readers, name: "tributary reader")
        defer { workers.shutdown() }
        let held = HeldBytes()
        try await withThrowingTaskGroup(of: Step.self) { group in
            var reading = 0
            var waiting: [Int: SourceResult] = [:]
            var toCommit = 0
            // A source's commit has two stages, each one source at a time: preparing (identify,
            // cluster, compose) and writing. The next source is prepared while one is written.
            var preparing = false
            var prepared: [Staged] = []
            var writing = false
            var pace = ReadAheadPace(readers: readers)
            func launch() {
                while reading < limit, !shouldStop() {
                    // Sources read but not committed are held in memory: when the committer is the
                    // bottleneck (the next source to commit is ready and many more wait behind it),
                    // reading pauses until it catches up.
                    if waiting.count >= limit, waiting[toCommit] != nil { return }
                    // Sources start only as far past the next one to commit as their reads take to
                    // be ready in time (`ReadAheadPace`): sources read earlier would only wait in
                    // memory. Past the read-ahead budget, only sources close behind it start. The
                    // budget counts what is held and what the requests in flight are expected to
                    // bring (the recent answers' average body): answers without a body (304) soon
                    // count for nothing, and a warm run keeps every slot, while on a fast network
                    // a burst of bodies cannot arrive at once.
                    let ahead = held.expected >= readAheadBudget ? closeBehind : pace.lead(floor: closeBehind, ceiling: lookAhead)
                    guard let index = order.next(below: toCommit + ahead) else { return }
                    let (record, settings) = due[index]
                    reading += 1
                    // Counted as in flight from now, not from when the task starts its request:
                    // this loop may start many before any of them runs.
                    held.startFetch()
                    let started = ContinuousClock.now
                    group.addTask(name: record.id, executorPreference: workers) {
                        var fetched: ContinuousClock.Instant?
                        let result = await self.process(record, settings: settings, analyzer: analyzer, held: held, fetched: &fetched)
                        let end = ContinuousClock.now
                        return .read(index, result, took: started.duration(to: end).seconds, working: (fetched ?? end).duration(to: end).seconds)
                    }
                }
            }
            func commitNext() {
                if !writing, !prepared.isEmpty {
                    let next = prepared.removeFirst()
                    writing = true
                    group.addTask {
                        let started = ContinuousClock.now
                        var part = RunSummary()
                        let outcome = await self.record(next, desk: desk, dryRun: dryRun, into: &part)
                        events(.sourceDone(id: next.result.record.id, outcome: outcome))
                        for note in next.result.notes { events(.note("\(next.result.record.id): \(note)")) }
                        held.add(-next.result.heldBytes)
                        return .committed(part, took: started.duration(to: .now).seconds)
                    }
                }
                if !preparing, prepared.isEmpty, let ready = waiting.removeValue(forKey: toCommit) {
                    toCommit += 1
                    preparing = true
                    group.addTask {
                        let started = ContinuousClock.now
                        let staged = await self.prepare(ready, desk: desk, dryRun: dryRun)
                        return .prepared(staged, took: started.duration(to: .now).seconds)
                    }
                }
            }
            launch()
            while let step = try await group.next() {
                switch step {
                case .read(let index, let result, let seconds, let working):
                    reading -= 1
                    waiting[index] = result
                    order.finished(index)
                    pace.readTook(seconds, working: working)
                case .prepared(let staged, let seconds):
                    preparing = false
                    prepared.append(staged)
                    pace.preparingTook(seconds)
                case .committed(let part, let seconds):
                    writing = false
                    summary.add(part)
                    pace.writingTook(seconds)
                }
                commitNext()
                launch()
            }
        }
        guard !dryRun else { return summary }
        do {
            try await desk.flushFetchStates()
        } catch {
            summary.notes.append("fetch states of sources that failed or were not modified could not be saved: \(error)")
        }
        summary.notes += try await desk.saveIndexAndClose()
        let pruned = try await store.prune(
            RetentionPolicy(maxAgeDays: configuration.retention.days, maxArticlesPerSource: configuration.retention.maxPerSource), now: clock())
        summary.pruned = pruned.articlesRemoved
        // Publishing reads every feed's stories back; when nothing was stored or removed and the
        // publication settings are those of the last publication, the feeds cannot change.
        let fingerprint = Array(try publicationFingerprint().utf8)
        let unchanged = try await store.loadIndex(named: "published-settings") == fingerprint
        if await !desk.changedStore, pruned.articlesRemoved == 0, unchanged, files.exists("all.atom", in: configuration.outputURL) {
            summary.publishingSkipped = true
            return summary
        }
        events(.publishing)
        let published = try await FeedPublisher(configuration: configuration, store: store, files: files).publish()
        summary.feedsWritten = published.written
        summary.feedsUnchanged = published.unchanged
        try await store.saveIndex(named: "published-settings", fingerprint)
        return summary
    }

    /// What the feeds depend on besides the store.
    private func publicationFingerprint() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var relevant = configuration
        relevant.sources = relevant.sources.map { SourceSettings(id: $0.id, url: "", title: $0.title) }
        relevant.schedule = Configuration.Schedule()
        relevant.fetch = Configuration.Fetch()
        let bytes = try encoder.encode(relevant)
        return TributaryVersion.current + "|" + configuration.outputURL.path + "|" + StableHash.hex([String(decoding: bytes, as: UTF8.self)])
    }

    /// A finished child task of a run: a source read, prepared, or written and counted.
    private enum Step: Sendable {
        case read(Int, SourceResult, took: Double, working: Double)
        case prepared(Staged, took: Double)
        case committed(RunSummary, took: Double)
    }

    /// What processing one source gave, before it is committed.
    struct SourceResult: Sendable {
        var record: SourceRecord
        var articles: [ArticleRecord]?
        var failure: String?
        var retry: String?
        var notes: [String] = []
        /// The bytes of the articles' text and HTML, counted against the read-ahead budget until
        /// the source is committed.
        var heldBytes = 0
    }

    /// A source read and, when it brought articles, prepared for its write (`LazyDesk.prepare`).
    struct Staged: Sendable {
        var result: SourceResult
        var prepared: Result<StoryDesk.Prepared?, any Error> = .success(nil)
    }

    /// The first stage of a source's commit: its articles identified, clustered and their
    /// stories composed. Runs while the source before it is being written.
    private func prepare(_ result: SourceResult, desk: LazyDesk, dryRun: Bool) async -> Staged {
        var staged = Staged(result: result)
        guard !dryRun, result.failure == nil, let articles = result.articles else { return staged }
        do {
            staged.prepared = .success(try await desk.prepare(source: result.record, articles: articles, now: clock()))
        } catch {
            staged.prepared = .failure(error)
        }
        return staged
    }

    /// The second stage: the source's changes or fetch state written, and what happened counted.
    private func record(_ staged: Staged, desk: LazyDesk, dryRun: Bool, into summary: inout RunSummary) async
        -> AggregationEvent.SourceOutcome
    {
        let result = staged.result
        summary.notes += result.notes.map { "\(result.record.id): \($0)" }
        // A failure or a "not modified" changes only the source's fetch state.
        func saveFetchState() async {
            guard !dryRun else { return }
            do {
                try await desk.commit(source: result.record)
            } catch {
                summary.notes.append("\(result.record.id): fetch states (this source's and those recorded before it) could not be saved: \(error)")
            }
        }
        if let failure = result.failure {
            await saveFetchState()
            summary.failures.append(RunSummary.Failure(source: result.record.id, reason: failure, retry: result.retry))
            if result.record.retired { summary.retired.append(result.record.id) }
            return .failed(failure)
        }
        guard let articles = result.articles else {
            await saveFetchState()
            summary.notModified += 1
            return .notModified
        }
        if dryRun {
            summary.succeeded += 1
            summary.newArticles += articles.count
            return .stored(new: articles.count, updated: 0)
        }
        do {
            let tally = try await desk.write(try staged.prepared.get(), source: result.record)
            summary.succeeded += 1
            summary.newArticles += tally.new
            summary.updatedArticles += tally.updated
            summary.duplicates += tally.duplicates
            summary.newStories += tally.newStories
            return .stored(new: tally.new, updated: tally.updated)
        } catch {
            let reason = "could not be stored: \(error)"
            summary.failures.append(RunSummary.Failure(source: result.record.id, reason: reason, retry: nil))
            return .failed(reason)
        }
    }

    /// Fetches and reads one source; never throws (every problem becomes the result's failure).
    /// The body counts against the read-ahead budget while the source is read, and the articles
    /// it gave from then until their commit.
    private func process(
        _ record: SourceRecord, settings: SourceSettings, analyzer: AnalyzerOnDemand, held: HeldBytes, fetched: inout ContinuousClock.Instant?
    ) async -> SourceResult {
        var record = record
        let interval = (settings.interval ?? configuration.schedule.sourceInterval).seconds
        let kind: FetchKind = settings.kind == .page || settings.kind == .index ? .page : .feed
        let request = FetchRequest(url: record.url, kind: kind, etag: record.etag, lastModified: record.lastModified, userAgent: settings.userAgent)
        let started = clock()
        record.lastFetched = started
        func failed(_ reason: String, retryAfter: Date? = nil, gone: Bool = false) -> SourceResult {
            record.consecutiveFailures += 1
            record.lastError = reason
            let decision = FetchSchedule.next(
                after: clock(), interval: interval, outcome: .failure(consecutiveFailures: record.consecutiveFailures, retryAfter: retryAfter))
            record.nextFetch = decision.nextFetch
            if gone { record.retired = true }
            return SourceResult(record: record, articles: nil, failure: reason, retry: gone ? "retired" : decision.reason)
        }
        let response: FetchResponse
        do {
            response = try await fetcher.fetch(request)
            fetched = .now
        } catch {
            held.finishFetch(bodyBytes: 0)
            return failed(error.description, retryAfter: error.retryAfter, gone: error.isGone)
        }
        held.finishFetch(bodyBytes: response.body.count)
        held.add(response.body.count)
        defer { held.add(-response.body.count) }
        var notes: [String] = []
        if let moved = response.permanentRedirect {
            notes.append("moved permanently to \(moved.absoluteString); the source now uses the new address")
            record.url = moved.absoluteString
        }
        if response.notModified {
            record.consecutiveFailures = 0
            record.lastError = nil
            record.etag = response.etag ?? record.etag
            record.lastModified = response.lastModified ?? record.lastModified
            record.nextFetch =
                FetchSchedule.next(after: clock(), interval: interval, outcome: .notModified, hints: FetchHints(maxAge: response.maxAge)).nextFetch
            return SourceResult(record: record, articles: nil, notes: notes)
        }
        let sourceID = record.id
        let store = self.store
        let reader = SourceReader(
            source: settings, fetcher: fetcher, maxLinks: settings.maxLinks ?? configuration.fetch.indexLinks, userAgent: settings.userAgent,
            knownPages: { url in
                if (try? await store.article(sourceID: sourceID, entryID: url)) != nil { return true }
                let byURL = (try? await store.articles(canonicalURL: url)) ?? []
                return byURL.contains { $0.sourceID == sourceID }
            })
        var reading: SourceReading
        do {
            reading = try await reader.read(response)
        } catch {
            var result = failed(error.description)
            result.notes = notes
            return result
        }
        reading = await reader.completeFullText(reading)
        notes += reading.notes
        record.kind = reading.kind.storedKind
        if record.title == nil { record.title = settings.title ?? reading.title }
        record.etag = response.etag
        record.lastModified = response.lastModified
        record.lastSuccess = clock()
        record.consecutiveFailures = 0
        record.lastError = nil
        record.nextFetch = FetchSchedule.next(after: clock(), interval: interval, outcome: .success, hints: reading.hints).nextFetch
        let now = clock()
        let analyzer = await analyzer.analyzer()
        let articles = reading.drafts.map { draft in
            analyzer.analyse(draft, source: settings, id: Self.articleID(source: settings.id, entry: draft.entryID), now: now)
        }
        let bytes = articles.reduce(0) { $0 + $1.text.utf8.count + ($1.html?.utf8.count ?? 0) }
        held.add(bytes)
        return SourceResult(record: record, articles: articles, notes: notes, heldBytes: bytes)
    }

    /// The host a source's requests go to, lowercased as the fetcher's host limits key it; `nil`
    /// for files, paths and locations the fetcher will refuse.
    static func host(of location: String) -> String? {
        guard case .network(let url) = try? FetchLocation(location) else { return nil }
        return url.host?.lowercased()
    }

    /// The stable id of a source's article.
    static func articleID(source: String, entry: String) -> String {
        "a" + StableHash.hex([source, entry])
    }

    /// Makes the store's sources match the configuration: new ones are added; one whose
    /// configured address changed starts afresh at the new address (a permanent redirect,
    /// which also changes the stored address, is not a configuration change).
    private func synchronizeSources(_ sources: [SourceSettings], dryRun: Bool) async throws -> [String: SourceRecord] {
        let configuredName = "configured-locations"
        var remembered: [String: String] = [:]
        if let bytes = try await store.loadIndex(named: configuredName) {
            remembered = (try? JSONDecoder().decode([String: String].self, from: Data(bytes))) ?? [:]
        }
        var records: [String: SourceRecord] = [:]
        var stored: [String: SourceRecord] = [:]
        for source in try await store.sources() { stored[source.id] = source }
        var changed = false
        var toSave: [SourceRecord] = []
        for settings in sources {
            let location = configuration.location(of: settings)
            let kind = settings.kind.storedKind
            if var existing = stored[settings.id] {
                if let previous = remembered[settings.id], previous != location {
                    existing = SourceRecord(id: settings.id, url: location, kind: kind, title: settings.title)
                    toSave.append(existing)
                }
                records[settings.id] = existing
            } else {
                let record = SourceRecord(id: settings.id, url: location, kind: kind, title: settings.title)
                toSave.append(record)
                records[settings.id] = record
            }
            if remembered[settings.id] != location {
                remembered[settings.id] = location
                changed = true
            }
        }
        if !dryRun { try await store.saveSources(toSave) }
        if changed, !dryRun {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            try await store.saveIndex(named: configuredName, Array(try encoder.encode(remembered)))
        }
        return records
    }
}

/// A run that cannot start: an unknown source id, a store that cannot be opened.
public struct AggregationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }

    /// The line a person reads.
    public var description: String { message }
}

extension SourceSettings.Kind {
    /// The kind the store keeps: `auto` is stored as a feed until a fetch says otherwise.
    var storedKind: SourceKind {
        switch self {
        case .auto, .feed: return .feed
        case .page: return .page
        case .index: return .index
        }
    }
}

extension Aggregator {
    /// What counts against the read-ahead budget, shared by a run's tasks: the bytes held, and
    /// the requests in flight with the body an answer is expected to bring.
    final class HeldBytes: Sendable {
        private struct Counts {
            var bytes = 0
            var requests = 0
            /// A moving average of the answers' body sizes (an answer without a body counts 0),
            /// starting from a guess: 128 requests of the guess fill the default budget.
            var averageBody = 16_384.0
        }
        private let counts = Mutex(Counts())

        /// Counts `delta` bytes more (or fewer, when negative).
        func add(_ delta: Int) {
            counts.withLock { $0.bytes += delta }
        }

        /// A request is about to start (`process` ends it with `finishFetch`).
        func startFetch() {
            counts.withLock { $0.requests += 1 }
        }

        /// A request ended with a body of `bodyBytes` (0 for none, or a failure).
        func finishFetch(bodyBytes: Int) {
            counts.withLock {
                $0.requests -= 1
                $0.averageBody += (Double(bodyBytes) - $0.averageBody) / 8
            }
        }

        /// The bytes held now and those the requests in flight are expected to bring.
        var expected: Int { counts.withLock { $0.bytes + $0.requests * Int($0.averageBody) } }
    }
}
