/// How politely and how defensively ``FeedFetcher`` talks to the network.
///
/// Every property has a documented default; decoding a partial configuration keeps the defaults
/// for the keys that are absent.
public struct FetchPolicy: Sendable, Hashable, Codable {
    /// The URL people can visit to learn who runs this aggregator, put in the default User-Agent.
    public static let defaultContactURL = "https://github.com/tributary/tributary"

    /// The `User-Agent` header; default `Tributary/0.1 (+https://github.com/tributary/tributary)`.
    public var userAgent: String
    /// Longest time one request may take, from sending it to the last body byte; default 30 s.
    public var requestTimeout: Double
    /// Longest time to establish a connection; default 10 s.
    public var connectTimeout: Double
    /// Largest body accepted, after decompression; default 10 MiB.
    public var maxBodyBytes: Int
    /// Most redirects followed for one request; default 5.
    public var maxRedirects: Int
    /// Most requests in flight across all hosts; default 16.
    public var globalConcurrency: Int
    /// Most requests in flight to one host; default 2.
    public var perHostConcurrency: Int
    /// Least time between the starts of two requests to one host, in seconds; default 1.0.
    public var perHostDelay: Double
    /// Whether `robots.txt` is honoured for pages (never for feeds); default true.
    public var respectRobots: Bool

    /// The User-Agent for a given contact URL: `Tributary/0.1 (+CONTACT)`.
    public static func userAgent(contactURL: String) -> String {
        "Tributary/0.1 (+\(contactURL))"
    }

    /// Creates a policy; every argument defaults to the documented value.
    public init(
        userAgent: String = FetchPolicy.userAgent(contactURL: FetchPolicy.defaultContactURL),
        requestTimeout: Double = 30,
        connectTimeout: Double = 10,
        maxBodyBytes: Int = 10 * 1024 * 1024,
        maxRedirects: Int = 5,
        globalConcurrency: Int = 128,
        perHostConcurrency: Int = 2,
        perHostDelay: Double = 1.0,
        respectRobots: Bool = true
    ) {
        self.userAgent = userAgent
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
        self.globalConcurrency = globalConcurrency
        self.perHostConcurrency = perHostConcurrency
        self.perHostDelay = perHostDelay
        self.respectRobots = respectRobots
    }

    private enum CodingKeys: String, CodingKey {
        case userAgent, requestTimeout, connectTimeout, maxBodyBytes, maxRedirects
        case globalConcurrency, perHostConcurrency, perHostDelay, respectRobots
    }

    /// Decodes a policy, keeping the default for every absent key.
    public init(from decoder: any Decoder) throws {
        let defaults = FetchPolicy()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        userAgent = try container.decodeIfPresent(String.self, forKey: .userAgent) ?? defaults.userAgent
        requestTimeout = try container.decodeIfPresent(Double.self, forKey: .requestTimeout) ?? defaults.requestTimeout
        connectTimeout = try container.decodeIfPresent(Double.self, forKey: .connectTimeout) ?? defaults.connectTimeout
        maxBodyBytes = try container.decodeIfPresent(Int.self, forKey: .maxBodyBytes) ?? defaults.maxBodyBytes
        maxRedirects = try container.decodeIfPresent(Int.self, forKey: .maxRedirects) ?? defaults.maxRedirects
        globalConcurrency = try container.decodeIfPresent(Int.self, forKey: .globalConcurrency) ?? defaults.globalConcurrency
        perHostConcurrency = try container.decodeIfPresent(Int.self, forKey: .perHostConcurrency) ?? defaults.perHostConcurrency
        perHostDelay = try container.decodeIfPresent(Double.self, forKey: .perHostDelay) ?? defaults.perHostDelay
        respectRobots = try container.decodeIfPresent(Bool.self, forKey: .respectRobots) ?? defaults.respectRobots
    }
}
