extension FeedServer {
    /// What `FeedServer` serves, where, and what it runs beside.
    public struct Configuration: Sendable {
        /// The folder served (`Feeds/`); `/` answers with its `index.html`.
        public var root: String
        /// The address to listen on.
        public var host: String
        /// The port to listen on; 0 picks a free one (reported to `run(onStarted:)`).
        public var port: Int
        /// Where the line of each request goes.
        public var accessLog: AccessLog
        /// The `Cache-Control` header of every file answer.
        public var cacheControl: String
        /// A job run in the same process: at start, then every interval, until shutdown.
        public var periodicJob: PeriodicJob?
        /// The most bytes of file bodies (plain and gzip) kept in memory.
        public var cacheCapacity: Int

        /// A configuration with the defaults of `tributary serve`.
        public init(
            root: String,
            host: String = "127.0.0.1",
            port: Int = 8080,
            accessLog: AccessLog = .off,
            cacheControl: String = "public, max-age=300",
            periodicJob: PeriodicJob? = nil,
            cacheCapacity: Int = 64 << 20
        ) {
            self.root = root
            self.host = host
            self.port = port
            self.accessLog = accessLog
            self.cacheControl = cacheControl
            self.periodicJob = periodicJob
            self.cacheCapacity = cacheCapacity
        }
    }
}
