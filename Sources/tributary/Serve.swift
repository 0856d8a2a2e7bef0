import Aggregation
import ArgumentParser
import Foundation
import Server
import Store

extension Tributary {
    /// `tributary serve`: the generated feeds over HTTP.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            _superCommandName: "tributary",  // parsed alone: `Tributary.directCommand`
            abstract: "Serve the generated feeds (Feeds/) over HTTP.",
            discussion: """
                Feeds are served with their content types (application/atom+xml, \
                application/feed+json), ETag and Last-Modified validators answered with 304, gzip \
                when the client accepts it, and the feed index at /. Anything outside the folder is \
                not found. One access-log line per request goes to standard output. SIGINT or SIGTERM \
                stops the server gracefully.

                Examples:
                  tributary serve
                  tributary serve --host 0.0.0.0 --port 8080 --root /srv/feeds
                  tributary serve --port 0        # any free port; the URL is printed at start
                  tributary serve --aggregate-every 15m   # also run aggregate every 15 minutes

                With --aggregate-every, the configuration (--config) gives the folder to serve (its \
                output) unless --root is given, and one aggregation runs at start and then every \
                interval, never two at once; each run's summary goes to standard error.
                """
        )

        @Option(help: "The address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on (0: any free port).")
        var port = 8080

        @Option(help: "The folder to serve (default: Feeds, or the configuration's output with --aggregate-every).")
        var root: String?

        @Option(name: .long, help: ArgumentHelp("The configuration file (for --aggregate-every).", valueName: "path"))
        var config = ConfigurationLoader.defaultPath

        @Flag(name: .customLong("no-access-log"), help: "Do not print a line per request.")
        var noAccessLog = false

        @Option(help: "Seconds clients and proxies may cache a feed (Cache-Control max-age).")
        var maxAge = 300

        @Option(help: "Also aggregate every interval, in the same process (30s, 15m, 1h, 1h30m).")
        var aggregateEvery: String?

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
            guard maxAge >= 0 else { throw ValidationError("--max-age must not be negative") }
            if let aggregateEvery, Duration(parsing: aggregateEvery) == nil {
                throw ValidationError("--aggregate-every: '\(aggregateEvery)' is not a duration (for example 30s, 15m, 1h30m)")
            }
        }

        func run() async throws {
            var periodicJob: PeriodicJob?
            var servedFolder = root ?? "Feeds"
            var cleanup: (@Sendable () async -> Void)?
            if let aggregateEvery, let interval = Duration(parsing: aggregateEvery) {
                let configuration = try Aggregate.loadConfiguration(config)
                let (lock, store, fetcher) = try Aggregate.openForAggregation(configuration)
                let aggregator = Aggregator(configuration: configuration, store: store, fetcher: fetcher)
                if root == nil { servedFolder = configuration.outputURL.path }
                try? FileManager.default.createDirectory(at: configuration.outputURL, withIntermediateDirectories: true)
                periodicJob = PeriodicJob(every: interval) {
                    do {
                        let summary = try await aggregator.run()
                        Console.error(
                            "aggregate: \(summary.succeeded) ok, \(summary.notModified) not modified, \(summary.failures.count) failed; "
                                + "\(summary.newArticles) new articles, \(summary.newStories) new stories")
                    } catch {
                        Console.error("aggregate: \(error)")
                    }
                    Allocator.releaseFreeMemory()
                }
                cleanup = {
                    await fetcher.shutdown()
                    withExtendedLifetime(lock) {}
                }
            }
            let folder = URL(fileURLWithPath: servedFolder).standardizedFileURL.path
            let accessLog: AccessLog = noAccessLog ? .off : .writer { line in Console.write(Array((line + "\n").utf8)) }
            let server = FeedServer(
                configuration: .init(
                    root: folder, host: host, port: port, accessLog: accessLog, cacheControl: "public, max-age=\(maxAge)",
                    periodicJob: periodicJob))
            let host = host.contains(":") ? "[\(host)]" : host
            do {
                try await server.run { started in
                    Console.write(Array("Serving \(folder) at http://\(host):\(started.port)/\n".utf8))
                }
            } catch let error as FeedServerError {
                await cleanup?()
                Console.error(error.description)
                throw ExitCode(2)
            }
            await cleanup?()
        }
    }
}
