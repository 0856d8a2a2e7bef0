import Foundation
import Hummingbird
public import Logging
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle

/// The HTTP server of `Feeds/`: feeds with their content types, validators and 304 answers,
/// gzip when accepted, an index at `/`, and nothing outside the root.
///
/// ```swift
/// let server = FeedServer(configuration: .init(root: "Feeds", accessLog: .writer { print($0) }))
/// try await server.run()   // until SIGINT or SIGTERM
/// ```
public struct FeedServer: Sendable {
    /// What is served, where, and what runs beside it.
    public let configuration: Configuration
    private let logger: Logger

    /// A server for a configuration; `logger` receives the server's own messages (not the
    /// access log), at warning level and above unless it says otherwise.
    public init(configuration: Configuration, logger: Logger? = nil) {
        self.configuration = configuration
        self.logger =
            logger
            ?? {
                var logger = Logger(label: "tributary.serve")
                logger.logLevel = .warning
                return logger
            }()
    }

    /// A server that listens: the port it got, and a way to stop it.
    public struct Started: Sendable {
        /// The port the server listens on (the one picked when the configuration said 0).
        public let port: Int
        private let group: ServiceGroup

        init(port: Int, group: ServiceGroup) {
            self.port = port
            self.group = group
        }

        /// Starts a graceful shutdown: no new connections, the requests in flight finish, the
        /// periodic job is cancelled; `run` returns once everything has stopped.
        public func stop() async {
            await group.triggerGracefulShutdown()
        }
    }

    /// Serves until SIGINT or SIGTERM, then shuts down gracefully: it stops accepting
    /// connections, finishes the requests in flight and cancels the periodic job.
    /// - Parameter onStarted: called once the server listens.
    /// - Throws: `FeedServerError` when the root is missing or the address cannot be listened on.
    public func run(onStarted: @escaping @Sendable (Started) async -> Void = { _ in }) async throws {
        try await run(stoppingOnSignals: true, onStarted: onStarted)
    }

    /// Serves until `Started.stop()` is called, the calling task is cancelled, or (when
    /// `stoppingOnSignals`) SIGINT or SIGTERM arrives; tests use port 0 and `stop()`.
    /// - Parameters:
    ///   - stoppingOnSignals: whether SIGINT and SIGTERM start a graceful shutdown.
    ///   - onStarted: called once the server listens.
    /// - Throws: `FeedServerError` when the root is missing or the address cannot be listened on.
    public func run(stoppingOnSignals: Bool, onStarted: @escaping @Sendable (Started) async -> Void = { _ in }) async throws {
        guard let locator = FileLocator(root: configuration.root) else {
            throw FeedServerError.rootNotFound(configuration.root)
        }
        let responder = FileResponder(
            locator: locator, cacheControl: configuration.cacheControl, cache: BodyCache(capacity: configuration.cacheCapacity),
            accessLog: configuration.accessLog)
        // The start callback is made before the group exists: it finds the group here.
        let groupBox = NIOLockedValueBox<ServiceGroup?>(nil)
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                guard let group = groupBox.withLockedValue({ $0 }) else { return }
                await onStarted(Started(port: channel.localAddress?.port ?? 0, group: group))
            },
            logger: logger
        )
        var services: [any Service] = [application]
        if let job = configuration.periodicJob { services.append(PeriodicJobService(job: job)) }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
                gracefulShutdownSignals: stoppingOnSignals ? [.sigterm, .sigint] : [],
                logger: logger
            )
        )
        groupBox.withLockedValue { $0 = group }
        do {
            try await group.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw FeedServerError.addressInUse(host: configuration.host, port: configuration.port)
        } catch let error as IOError {
            throw FeedServerError.cannotListen(host: configuration.host, port: configuration.port, reason: String(cString: strerror(error.errnoCode)))
        }
    }
}
