public import Foundation

/// Everything `Config/tributary.yaml` says: what to publish where, the sources, and how to
/// fetch, keep and group what they give. Relative paths are relative to the configuration file.
public struct Configuration: Sendable, Equatable, Codable {
    /// The title of the combined feeds and of the index page.
    public var title = "Tributary"
    /// A line under the title.
    public var subtitle: String?
    /// Where the output folder is published (`https://news.example.org/`): feed ids, self links.
    public var baseURL = "http://127.0.0.1:8080/"
    /// The author named in the feeds; the title when absent.
    public var author: String?
    /// A URL or e-mail address where site owners can reach whoever runs this aggregator
    /// (sent in the User-Agent).
    public var contact: String?
    /// The feeds' icon URL.
    public var icon: String?
    /// The feeds' logo URL.
    public var logo: String?
    /// The folder the feeds are written to.
    public var output = "Feeds"
    /// The SQLite store.
    public var database = "tributary.sqlite"
    /// When aggregation runs.
    public var schedule = Schedule()
    /// How sources are fetched.
    public var fetch = Fetch()
    /// How long articles are kept.
    public var retention = Retention()
    /// Summaries and story grouping.
    public var analysis = AnalysisOptions()
    /// Topics in use.
    public var topics = Topics()
    /// Which feeds are written.
    public var publish = Publish()
    /// The sources, in the order they are listed.
    public var sources: [SourceSettings] = []

    /// The folder relative paths start from (the configuration file's folder); not part of the file.
    public var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)

    /// An empty configuration with every default.
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, subtitle, baseURL, author, contact, icon, logo, output, database
        case schedule, fetch, retention, analysis, topics, publish, sources
    }

    /// Decodes, keeping defaults for absent keys and refusing unknown ones.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? title
        subtitle = try container.decodeIfPresent(String.self, forKey: .subtitle)
        baseURL = try container.decodeIfPresent(String.self, forKey: .baseURL) ?? baseURL
        author = try container.decodeIfPresent(String.self, forKey: .author)
        contact = try container.decodeIfPresent(String.self, forKey: .contact)
        icon = try container.decodeIfPresent(String.self, forKey: .icon)
        logo = try container.decodeIfPresent(String.self, forKey: .logo)
        output = try container.decodeIfPresent(String.self, forKey: .output) ?? output
        database = try container.decodeIfPresent(String.self, forKey: .database) ?? database
        schedule = try container.decodeIfPresent(Schedule.self, forKey: .schedule) ?? schedule
        fetch = try container.decodeIfPresent(Fetch.self, forKey: .fetch) ?? fetch
        retention = try container.decodeIfPresent(Retention.self, forKey: .retention) ?? retention
        analysis = try container.decodeIfPresent(AnalysisOptions.self, forKey: .analysis) ?? analysis
        topics = try container.decodeIfPresent(Topics.self, forKey: .topics) ?? topics
        publish = try container.decodeIfPresent(Publish.self, forKey: .publish) ?? publish
        sources = try container.decodeIfPresent([SourceSettings].self, forKey: .sources) ?? []
    }

    /// Encodes every key but `directory`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(subtitle, forKey: .subtitle)
        try container.encode(baseURL, forKey: .baseURL)
        try container.encodeIfPresent(author, forKey: .author)
        try container.encodeIfPresent(contact, forKey: .contact)
        try container.encodeIfPresent(icon, forKey: .icon)
        try container.encodeIfPresent(logo, forKey: .logo)
        try container.encode(output, forKey: .output)
        try container.encode(database, forKey: .database)
        try container.encode(schedule, forKey: .schedule)
        try container.encode(fetch, forKey: .fetch)
        try container.encode(retention, forKey: .retention)
        try container.encode(analysis, forKey: .analysis)
        try container.encode(topics, forKey: .topics)
        try container.encode(publish, forKey: .publish)
        try container.encode(sources, forKey: .sources)
    }

    /// A path from the configuration made absolute against its folder.
    public func resolve(path: String) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
        if path.hasPrefix("~/") {
            return URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(String(path.dropFirst(2)))
        }
        return directory.appendingPathComponent(path).standardizedFileURL
    }

    /// The output folder.
    public var outputURL: URL { resolve(path: output) }
    /// The store's file.
    public var databaseURL: URL { resolve(path: database) }

    /// A source's location as something the fetcher takes: http(s) and file URLs as written,
    /// paths resolved against the configuration's folder.
    public func location(of source: SourceSettings) -> String {
        let url = source.url
        if url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("file://") { return url }
        return resolve(path: url).absoluteString
    }

    /// The User-Agent sent when the source does not set one.
    public var userAgent: String {
        if let userAgent = fetch.userAgent { return userAgent }
        let contact = contact ?? "https://github.com/tributary-news/tributary"
        return "Tributary/\(TributaryVersion.current) (+\(contact))"
    }
}

/// The version this build reports (User-Agent, generator).
public enum TributaryVersion {
    /// The version string.
    public static let current = "0.1.0"
}
