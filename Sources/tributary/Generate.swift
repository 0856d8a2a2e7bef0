import Aggregation
import Analysis
import ArgumentParser
import Foundation
import Store
import Syndication

extension Tributary {
    /// `tributary generate`: one feed from the store.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            _superCommandName: "tributary",  // parsed alone: `Tributary.directCommand`
            abstract: "Write one combined feed (a topic, a region, or all stories) from the store, without fetching.",
            discussion: """
                Examples:
                  tributary generate --topic diplomacy                  # Atom to standard output
                  tributary generate --region caribbean -o caribbean.atom
                  tributary generate --region cu --format json          # a country: ISO 3166 code
                  tributary generate --feed all --limit 20 --since 2026-11-01

                Topic ids are the configured topics (built-in: politics, diplomacy, conflict, \
                economy, business, technology, …); region ids are UN M49 slugs (europe, \
                eastern-europe, latin-america-and-the-caribbean, caribbean, …) and ISO 3166 \
                country codes in lower case. An unknown id is an error that lists the valid ones.
                """
        )

        @Option(name: .long, help: ArgumentHelp("The configuration file.", valueName: "path"))
        var config = ConfigurationLoader.defaultPath

        @Option(help: ArgumentHelp("A topic id.", valueName: "id"))
        var topic: String?

        @Option(help: ArgumentHelp("A region id or a country code.", valueName: "id"))
        var region: String?

        @Option(help: ArgumentHelp("A feed of the output folder: all, topics/ID or regions/ID.", valueName: "id"))
        var feed: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Where to write: a path, or - for standard output.", valueName: "path"))
        var output = "-"

        @Option(help: "At most this many entries (default: the configuration's publish.limit).")
        var limit: Int?

        @Option(help: ArgumentHelp("Only stories updated on or after this date (RFC 3339 or YYYY-MM-DD).", valueName: "date"))
        var since: String?

        @Option(help: "atom or json (JSON Feed 1.1).")
        var format: OutputFormat = .atom

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case atom, json
        }

        func validate() throws {
            let chosen = [topic, region, feed].compactMap { $0 }
            if chosen.count != 1 { throw ValidationError("give exactly one of --topic, --region or --feed") }
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
            if let since, Self.date(since) == nil { throw ValidationError("--since takes a date such as 2026-11-01 or 2026-11-01T08:00:00Z") }
        }

        static func date(_ text: String) -> Date? {
            FeedDate.parse(text.count == 10 ? text + "T00:00:00Z" : text).date
        }

        func run() async throws {
            let configuration = try Aggregate.loadConfiguration(config)
            let descriptor = try resolve(configuration)
            guard FileManager.default.fileExists(atPath: configuration.databaseURL.path) else {
                Console.error("no store at \(configuration.databaseURL.path): run `tributary aggregate` first")
                throw ExitCode(2)
            }
            let store = try Aggregate.openStore(configuration)
            let document = try await FeedPublisher(configuration: configuration, store: store)
                .document(for: descriptor, limit: limit, since: since.flatMap(Self.date))
            let bytes = format == .atom ? document.atom : document.json
            if output == "-" {
                Console.write(bytes)
            } else {
                do {
                    try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
                } catch {
                    Console.error("cannot write \(output): \(error.localizedDescription)")
                    throw ExitCode(1)
                }
            }
        }

        private func resolve(_ configuration: Configuration) throws -> FeedDescriptor {
            let topics = configuration.topics.topicSet
            let gazetteer = Gazetteer.bundled
            func regionDescriptor(_ id: String) throws -> FeedDescriptor {
                if let region = gazetteer.regions[id] { return FeedDescriptor(kind: .region, id: id, name: region.name) }
                if let country = gazetteer.countries[id.uppercased()], id == id.lowercased() {
                    return FeedDescriptor(kind: .region, id: id, name: country.name)
                }
                let regions = gazetteer.regions.keys.sorted().joined(separator: ", ")
                Console.error("unknown region '\(id)'; valid: \(regions), or a country code in lower case (cu, ru, …)")
                throw ExitCode(2)
            }
            func topicDescriptor(_ id: String) throws -> FeedDescriptor {
                if let definition = topics[id] { return FeedDescriptor(kind: .topic, id: id, name: definition.name) }
                Console.error("unknown topic '\(id)'; valid: \(topics.definitions.map(\.id).sorted().joined(separator: ", "))")
                throw ExitCode(2)
            }
            if let topic { return try topicDescriptor(topic) }
            if let region { return try regionDescriptor(region) }
            let id = feed ?? "all"
            if id == "all" || id == "all.atom" { return FeedDescriptor(kind: .all, id: "all", name: "All stories") }
            let trimmed = id.hasSuffix(".atom") ? String(id.dropLast(5)) : id
            if trimmed.hasPrefix("topics/") { return try topicDescriptor(String(trimmed.dropFirst(7))) }
            if trimmed.hasPrefix("regions/") { return try regionDescriptor(String(trimmed.dropFirst(8))) }
            Console.error("unknown feed '\(id)'; valid: all, topics/ID, regions/ID")
            throw ExitCode(2)
        }
    }
}
