public import Analysis

extension Configuration {
    /// When aggregation runs.
    public struct Schedule: Sendable, Equatable, Codable {
        /// The daemon's cycle (`aggregate --every` without a value, `serve --aggregate-every`).
        public var every = ConfigDuration.minutes(15)
        /// How often a source is fetched unless it sets its own `interval`.
        public var sourceInterval = ConfigDuration.minutes(30)

        /// The defaults.
        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable { case every, sourceInterval }

        /// Decodes, keeping defaults for absent keys and refusing unknown ones.
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            every = try container.decodeIfPresent(ConfigDuration.self, forKey: .every) ?? every
            sourceInterval = try container.decodeIfPresent(ConfigDuration.self, forKey: .sourceInterval) ?? sourceInterval
        }
    }

    /// How politely sources are fetched.
    public struct Fetch: Sendable, Equatable, Codable {
        /// The User-Agent; by default `Tributary/VERSION (+contact)`.
        public var userAgent: String?
        /// Time allowed for a whole response.
        public var timeout = ConfigDuration(seconds: 30)
        /// Responses larger than this are refused.
        public var maxBodySize = ByteSize.megabytes(10)
        /// Requests in flight at once, over all hosts.
        public var concurrency = 128
        /// Requests in flight at once to one host.
        public var perHostConcurrency = 2
        /// Time between the starts of two requests to one host.
        public var perHostDelay = ConfigDuration(seconds: 1)
        /// Redirects followed before giving up.
        public var maxRedirects = 5
        /// Whether robots.txt is honoured for pages (never applied to feeds).
        public var robots = true
        /// Article links followed per index page unless the source sets `maxLinks`.
        public var indexLinks = 20

        /// The defaults.
        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case userAgent, timeout, maxBodySize, concurrency, perHostConcurrency, perHostDelay, maxRedirects, robots, indexLinks
        }

        /// Decodes, keeping defaults for absent keys and refusing unknown ones.
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            userAgent = try container.decodeIfPresent(String.self, forKey: .userAgent)
            timeout = try container.decodeIfPresent(ConfigDuration.self, forKey: .timeout) ?? timeout
            maxBodySize = try container.decodeIfPresent(ByteSize.self, forKey: .maxBodySize) ?? maxBodySize
            concurrency = try container.decodeIfPresent(Int.self, forKey: .concurrency) ?? concurrency
            perHostConcurrency = try container.decodeIfPresent(Int.self, forKey: .perHostConcurrency) ?? perHostConcurrency
            perHostDelay = try container.decodeIfPresent(ConfigDuration.self, forKey: .perHostDelay) ?? perHostDelay
            maxRedirects = try container.decodeIfPresent(Int.self, forKey: .maxRedirects) ?? maxRedirects
            robots = try container.decodeIfPresent(Bool.self, forKey: .robots) ?? robots
            indexLinks = try container.decodeIfPresent(Int.self, forKey: .indexLinks) ?? indexLinks
        }
    }

    /// How long articles are kept.
    public struct Retention: Sendable, Equatable, Codable {
        /// Articles first seen longer ago than this many days are removed (none when absent).
        public var days: Int? = 30
        /// At most this many articles per source are kept, the newest (no limit when absent).
        public var maxPerSource: Int? = 1000

        /// The defaults.
        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable { case days, maxPerSource }

        /// Decodes, keeping defaults for absent keys and refusing unknown ones.
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if container.contains(.days) { days = try container.decodeIfPresent(Int.self, forKey: .days) }
            if container.contains(.maxPerSource) { maxPerSource = try container.decodeIfPresent(Int.self, forKey: .maxPerSource) }
        }
    }

    /// The built-in topics and the configuration's own.
    public struct Topics: Sendable, Equatable, Codable {
        /// Whether the built-in IPTC-aligned topics are used.
        public var builtin = true
        /// Topics added, or built-in ones replaced (same id).
        public var define: [TopicDefinition] = []

        /// The defaults.
        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable { case builtin, define }

        /// Decodes, keeping defaults for absent keys and refusing unknown ones.
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            builtin = try container.decodeIfPresent(Bool.self, forKey: .builtin) ?? builtin
            define = try container.decodeIfPresent([TopicDefinition].self, forKey: .define) ?? define
        }

        /// The topic set in effect.
        public var topicSet: TopicSet {
            builtin ? TopicSet.builtIn.merging(define) : TopicSet(define)
        }
    }

    /// Which feeds `aggregate` writes into the output folder.
    public struct Publish: Sendable, Equatable, Codable {
        /// `all.atom`, with every story.
        public var all = true
        /// Topic feeds: `all` (every topic that has a story), `none`, or a list of ids.
        public var topics = FeedSelection.every
        /// Region feeds (regions, sub-regions, intermediate regions and countries).
        public var regions = FeedSelection.every
        /// Also write a JSON Feed 1.1 twin (`.json`) of every Atom feed.
        public var json = false
        /// Write `index.html`.
        public var html = true
        /// Write `feeds.opml`.
        public var opml = true
        /// Entries per feed at most.
        public var limit = 100
        /// Stories updated longer ago than this are left out of the feeds.
        public var window = ConfigDuration.days(14)

        /// The defaults.
        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable { case all, topics, regions, json, html, opml, limit, window }

        /// Decodes, keeping defaults for absent keys and refusing unknown ones.
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            all = try container.decodeIfPresent(Bool.self, forKey: .all) ?? all
            topics = try container.decodeIfPresent(FeedSelection.self, forKey: .topics) ?? topics
            regions = try container.decodeIfPresent(FeedSelection.self, forKey: .regions) ?? regions
            json = try container.decodeIfPresent(Bool.self, forKey: .json) ?? json
            html = try container.decodeIfPresent(Bool.self, forKey: .html) ?? html
            opml = try container.decodeIfPresent(Bool.self, forKey: .opml) ?? opml
            limit = try container.decodeIfPresent(Int.self, forKey: .limit) ?? limit
            window = try container.decodeIfPresent(ConfigDuration.self, forKey: .window) ?? window
        }
    }

    /// Summaries and story grouping.
    public struct AnalysisOptions: Sendable, Equatable, Codable {
        /// Sentences in an article's and a story's summary (1–5).
        public var summarySentences = 3
        /// How close (TF-IDF cosine of title and lead) an independent report must be to join a story.
        public var storyThreshold: Double?
        /// How far apart in time two reports of one story can be.
        public var storyWindow: ConfigDuration?

        /// The defaults.
        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable { case summarySentences, storyThreshold, storyWindow }

        /// Decodes, keeping defaults for absent keys and refusing unknown ones.
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            summarySentences = try container.decodeIfPresent(Int.self, forKey: .summarySentences) ?? summarySentences
            storyThreshold = try container.decodeIfPresent(Double.self, forKey: .storyThreshold)
            storyWindow = try container.decodeIfPresent(ConfigDuration.self, forKey: .storyWindow)
        }
    }
}

/// A choice of feeds: every one that has a story, none, or the listed ids.
public enum FeedSelection: Sendable, Equatable, Codable {
    /// Every id that has at least one story.
    case every
    /// No feed of this kind.
    case none
    /// Only these ids.
    case only([String])

    /// Decodes `all`, `none` or a list of ids.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let word = try? container.decode(String.self) {
            switch word {
            case "all": self = .every
            case "none": self = .none
            default:
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected 'all', 'none' or a list of ids, found '\(word)'")
            }
            return
        }
        self = .only(try container.decode([String].self))
    }

    /// Encodes the same forms.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .every: try container.encode("all")
        case .none: try container.encode("none")
        case .only(let ids): try container.encode(ids)
        }
    }

    /// Whether a feed with this id is written, given that it has stories.
    public func includes(_ id: String) -> Bool {
        switch self {
        case .every: return true
        case .none: return false
        case .only(let ids): return ids.contains(id)
        }
    }
}
