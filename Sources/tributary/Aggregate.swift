import Aggregation
import ArgumentParser
import Foundation
import Store

extension Tributary {
    /// `tributary aggregate`: the main job.
    struct Aggregate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "aggregate",
            _superCommandName: "tributary",  // parsed alone: `Tributary.directCommand`
            abstract: "Fetch the configured sources, store new articles as stories, and write the feeds.",
            discussion: """
                Each run fetches the sources that are due (each has its own next-fetch time: its \
                interval, the feed's ttl and skip hours, Cache-Control, and a growing back-off after \
                failures), reads feeds, article pages and index pages, summarises and labels every \
                new article with topics and regions, merges copies and reports of the same event \
                into stories, stores each source's changes in one transaction, and writes the \
                output folder: all.atom, topics/<id>.atom, regions/<id>.atom, index.html and \
                feeds.opml.

                Examples:
                  tributary aggregate                      # once, with Config/tributary.yaml
                  tributary aggregate --every 15m          # as a daemon; Ctrl-C finishes the run and stops
                  tributary aggregate --source bbc-world   # fetch one source now, due or not
                  tributary aggregate --force              # fetch every source now, due or not
                  tributary aggregate --dry-run --verbose  # fetch and read, store nothing

                Exit status: 0 the run completed (some sources may have failed: see the summary), \
                1 every source tried failed or the store could not be written, 2 bad configuration \
                or another aggregate holds the store.
                """
        )

        @Option(name: .long, help: ArgumentHelp("The configuration file.", valueName: "path"))
        var config = ConfigurationLoader.defaultPath

        @Flag(help: "Run once and exit (the default; for cron).")
        var once = false

        @Option(help: ArgumentHelp("Run every DURATION (30s, 15m, 1h) until SIGINT or SIGTERM.", valueName: "duration"))
        var every: String?

        @Option(name: .customLong("source"), help: ArgumentHelp("Fetch only this source, due or not (repeatable).", valueName: "id"))
        var sources: [String] = []

        @Flag(help: "Fetch every source now, due or not (retired sources excepted).")
        var force = false

        @Flag(help: "Fetch and read, but store and write nothing.")
        var dryRun = false

        @Flag(name: .shortAndLong, help: "Print only errors.")
        var quiet = false

        @Flag(name: .shortAndLong, help: "Also print every source's notes (recovered XML, skipped pages, moves).")
        var verbose = false

        func validate() throws {
            if once && every != nil { throw ValidationError("--once and --every exclude each other") }
            if let every, (ConfigDuration(parsing: every)?.seconds ?? 0) < 1 {
                throw ValidationError("--every takes a duration such as 30s, 15m or 1h, not '\(every)'")
            }
            if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other") }
        }

        func run() async throws {
            let configuration = try Self.loadConfiguration(config)
            let (lock, store, fetcher) = try Self.openForAggregation(configuration)
            let output = RunOutput(quiet: quiet, verbose: verbose)
            let shutdown = ShutdownSignal { _ in output.line("stopping: finishing the sources in progress (press Ctrl-C again to stop at once)") }
            let aggregator = Aggregator(configuration: configuration, store: store, fetcher: fetcher)
            var exitCode: Int32 = 0
            repeat {
                do {
                    let summary = try await aggregator.run(
                        only: sources, force: force, dryRun: dryRun, shouldStop: { shutdown.isRequested }, events: output.handle)
                    output.finish(summary, configuration: configuration, dryRun: dryRun)
                    exitCode = summary.failedEntirely ? 1 : 0
                } catch {
                    output.clear()
                    Console.error("aggregate: \(error)")
                    exitCode = 1
                }
                guard let every, !shutdown.isRequested else { break }
                Allocator.releaseFreeMemory()
                let seconds = ConfigDuration(parsing: every)?.seconds ?? 900
                if !quiet { output.line("next run in \(ConfigDuration(seconds: seconds)) (Ctrl-C to stop)") }
                await shutdown.sleep(seconds: seconds)
            } while !shutdown.isRequested
            await fetcher.shutdown()
            withExtendedLifetime(lock) {}
            if exitCode != 0 { throw ExitCode(exitCode) }
        }

        static func loadConfiguration(_ path: String) throws -> Configuration {
            do {
                return try ConfigurationLoader.load(path: path)
            } catch {
                Console.error(error.description)
                throw ExitCode(2)
            }
        }

        /// The store's lock (held for the process's life), the store and a fetcher, or exit 2.
        static func openForAggregation(_ configuration: Configuration) throws -> (StoreLock, SQLiteStore, FeedFetcher) {
            let lock: StoreLock
            do {
                lock = try StoreLock(database: configuration.databaseURL)
            } catch {
                Console.error(error.description)
                throw ExitCode(2)
            }
            return (lock, try openStore(configuration), FeedFetcher(policy: configuration.fetchPolicy))
        }

        static func openStore(_ configuration: Configuration) throws -> SQLiteStore {
            do {
                try FileManager.default.createDirectory(
                    at: configuration.databaseURL.deletingLastPathComponent(), withIntermediateDirectories: true)
                return try SQLiteStore(path: configuration.databaseURL.path)
            } catch {
                Console.error("\(error)")
                throw ExitCode(2)
            }
        }
    }
}
