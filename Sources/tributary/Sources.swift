import Aggregation
import ArgumentParser
import Foundation
import Store
import Syndication

extension Tributary {
    /// `tributary sources`: the configured sources.
    struct Sources: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sources",
            abstract: "List, add, remove, import or export the configured sources.",
            discussion: """
                Edits the configuration file in place, keeping its comments and layout.

                Examples:
                  tributary sources list
                  tributary sources add https://www.example.com/news/   # finds the page's feed if it has one
                  tributary sources add https://example.org/world.rss --id example-world --interval 1h
                  tributary sources remove example-world
                  tributary sources import subscriptions.opml
                  tributary sources export > subscriptions.opml
                """,
            subcommands: [List.self, Add.self, Remove.self, Import.self, Export.self]
        )

        struct Common: ParsableArguments {
            @Option(name: .long, help: ArgumentHelp("The configuration file.", valueName: "path"))
            var config = ConfigurationLoader.defaultPath
        }

        static func text(of path: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                Console.error("\(path): cannot be read (give another with --config PATH)")
                throw ExitCode(2)
            }
            return text
        }

        static func save(_ text: String, to path: String) throws {
            do {
                _ = try ConfigurationLoader.parse(text, file: path)
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch let error as ConfigurationError {
                Console.error("the edited configuration would not load, nothing written: \(error)")
                throw ExitCode(1)
            } catch {
                Console.error("cannot write \(path): \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List the sources with their fetch state.")
            @OptionGroup var common: Common

            func run() async throws {
                let configuration = try Aggregate.loadConfiguration(common.config)
                var states: [String: SourceRecord] = [:]
                if FileManager.default.fileExists(atPath: configuration.databaseURL.path),
                    let store = try? SQLiteStore(path: configuration.databaseURL.path)
                {
                    for record in (try? await store.sources()) ?? [] { states[record.id] = record }
                }
                let width = max(2, configuration.sources.map(\.id.count).max() ?? 2)
                print("\("ID".padding(toLength: width, withPad: " ", startingAt: 0))  KIND   STATE                         URL")
                for source in configuration.sources {
                    let state = Self.describe(states[source.id], enabled: source.enabled)
                    print(
                        "\(source.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(source.kind.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0))  \(state.padding(toLength: 28, withPad: " ", startingAt: 0))  \(source.url)"
                    )
                }
            }

            static func describe(_ record: SourceRecord?, enabled: Bool) -> String {
                guard enabled else { return "disabled" }
                guard let record else { return "never fetched" }
                if record.retired { return "retired (gone)" }
                if record.consecutiveFailures > 0 { return "failing ×\(record.consecutiveFailures)" }
                guard let success = record.lastSuccess else { return "never fetched" }
                return "ok \(AtomWriter.timestamp(success).prefix(16).replacingOccurrences(of: "T", with: " "))"
            }
        }

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Add a source; for a web page, its feed is used when the page links to one.")
            @OptionGroup var common: Common
            @Argument(help: "A feed or page URL, or a file path.") var url: String
            @Option(help: "Its id (default: derived from the URL).") var id: String?
            @Option(help: "auto, feed, page or index (auto by default; a given kind skips feed discovery).")
            var kind: String?

            func validate() throws {
                if let kind, SourceSettings.Kind(rawValue: kind) == nil {
                    throw ValidationError("--kind is one of auto, feed, page, index, not '\(kind)'")
                }
            }
            @Option(help: "A name for people.") var title: String?
            @Option(help: ArgumentHelp("How often to fetch it (15m, 1h).", valueName: "duration")) var interval: String?
            @Flag(help: "Fetch each entry's page for the full text (teaser feeds).") var fullText = false

            func run() async throws {
                let configuration = try Aggregate.loadConfiguration(common.config)
                var location = url
                var kind = self.kind.flatMap(SourceSettings.Kind.init(rawValue:)) ?? .auto
                if self.kind == nil, url.hasPrefix("http") {
                    let fetcher = FeedFetcher(policy: configuration.fetchPolicy)
                    let discovery = await SourceDiscovery.discover(url, fetcher: fetcher)
                    await fetcher.shutdown()
                    switch discovery {
                    case .feed: kind = .feed
                    case .page(let feeds, let isIndex):
                        if let feed = feeds.first {
                            print("the page links to a feed: \(feed) (added instead of the page; use --kind page to keep the page)")
                            location = feed
                            kind = .feed
                        } else {
                            kind = isIndex ? .index : .page
                        }
                    case .unreachable(let reason):
                        Console.error("\(url): \(reason); added anyway with kind auto (use --kind to skip this check)")
                    }
                }
                let sourceID = id ?? SourceSettings.slug(for: location)
                if configuration.sources.contains(where: { $0.id == sourceID }) {
                    Console.error("a source with id '\(sourceID)' exists already; choose another with --id")
                    throw ExitCode(1)
                }
                if let existing = configuration.sources.first(where: {
                    configuration.location(of: $0) == configuration.location(of: SourceSettings(id: "", url: location))
                }) {
                    Console.error("\(location) is configured already as '\(existing.id)'")
                    throw ExitCode(1)
                }
                var duration: ConfigDuration?
                if let interval {
                    guard let parsed = ConfigDuration(parsing: interval) else {
                        Console.error("--interval takes a duration such as 30m or 2h, not '\(interval)'")
                        throw ExitCode(64)
                    }
                    duration = parsed
                }
                let source = SourceSettings(id: sourceID, url: location, kind: kind, title: title, interval: duration, fullText: fullText)
                let text = try Sources.text(of: common.config)
                try Sources.save(ConfigurationEditor.appending([source], to: text), to: common.config)
                print("added \(sourceID) (\(kind.rawValue)): \(location)")
            }
        }

        struct Remove: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "remove", abstract: "Remove a source from the configuration and its articles from the store.")
            @OptionGroup var common: Common
            @Argument(help: "The source's id (see `sources list`).") var id: String
            @Flag(help: "Keep its stored articles.") var keepArticles = false

            func run() async throws {
                let text = try Sources.text(of: common.config)
                let edited: String?
                do {
                    edited = try ConfigurationEditor.removing(id: id, from: text, file: common.config)
                } catch {
                    Console.error(error.description)
                    throw ExitCode(2)
                }
                guard let edited else {
                    Console.error("no source with id '\(id)' in \(common.config) (see `tributary sources list`)")
                    throw ExitCode(1)
                }
                try Sources.save(edited, to: common.config)
                let configuration = try Aggregate.loadConfiguration(common.config)
                if !keepArticles, FileManager.default.fileExists(atPath: configuration.databaseURL.path) {
                    let store = try Aggregate.openStore(configuration)
                    try await store.removeSource(id: id)
                }
                print("removed \(id)")
            }
        }

        struct Import: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "import", abstract: "Add every feed of an OPML subscription list.")
            @OptionGroup var common: Common
            @Argument(help: "An OPML file, or - for standard input.") var opml: String

            func run() async throws {
                let configuration = try Aggregate.loadConfiguration(common.config)
                let bytes = try InputSource.readOrExit(opml)
                let document: OPMLDocument
                do {
                    document = try OPMLDocument.parse(bytes)
                } catch {
                    Console.error("\(opml): \(error)")
                    throw ExitCode(2)
                }
                var ids = Set(configuration.sources.map(\.id))
                var urls = Set(configuration.sources.map(\.url))
                var added: [SourceSettings] = []
                var skipped = 0
                for outline in document.outlines {
                    guard let url = outline.feedURL ?? outline.pageURL else { continue }
                    guard urls.insert(url).inserted else {
                        skipped += 1
                        continue
                    }
                    var id = SourceSettings.slug(for: url)
                    var suffix = 2
                    while ids.contains(id) {
                        id = SourceSettings.slug(for: url) + "-\(suffix)"
                        suffix += 1
                    }
                    ids.insert(id)
                    added.append(
                        SourceSettings(
                            id: id, url: url, kind: outline.feedURL != nil ? .feed : .auto, title: outline.title.isEmpty ? nil : outline.title))
                }
                let text = try Sources.text(of: common.config)
                try Sources.save(ConfigurationEditor.appending(added, to: text), to: common.config)
                print("imported \(added.count) source\(added.count == 1 ? "" : "s")" + (skipped > 0 ? ", \(skipped) already configured" : ""))
            }
        }

        struct Export: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "export", abstract: "Print the sources as an OPML subscription list.")
            @OptionGroup var common: Common

            func run() async throws {
                let configuration = try Aggregate.loadConfiguration(common.config)
                let outlines = configuration.sources.map { source in
                    let feed = source.kind == .feed || source.kind == .auto
                    return OPMLDocument.Outline(
                        title: source.title ?? source.id, feedURL: feed ? source.url : nil, pageURL: feed ? nil : source.url)
                }
                do {
                    Console.write(try OPMLDocument(title: configuration.title, outlines: outlines).serialized())
                } catch {
                    Console.error("\(error)")
                    throw ExitCode(1)
                }
            }
        }
    }
}
