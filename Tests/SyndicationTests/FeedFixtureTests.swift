import Foundation
import Syndication
import Testing

/// Every feed under `Fixtures/feeds` parsed and compared, whole, with the expected JSON beside
/// it (`<name>.expected.json`). Re-record after an intended change with
/// `TRIBUTARY_RECORD=1 swift test --filter FeedFixtureTests`, then read the diff.
@Suite("Feed fixtures: full expected output")
struct FeedFixtureTests {
    static let sourceFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/feeds")

    static var inputs: [String] {
        let folder = Bundle.module.url(forResource: "Fixtures/feeds", withExtension: nil)!
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasSuffix(".expected.json") }.sorted()
    }

    /// How a fixture is parsed.
    enum Mode: CaseIterable, Sendable {
        /// In one pass, each entry finished as it ends.
        case whole
        /// In one pass, the entries' markup left for `UnfinishedEntry.finished()`, called after
        /// the parse (as `tributary parse` does on a second thread).
        case deferred
        /// Cut in two parts parsed side by side whatever its size, as `tributary parse` does with
        /// a large feed, or in one pass when it is not cut.
        case parts
    }

    /// The `parse` command's JSON for one document, as Foundation objects.
    static func parsedJSON(name: String, bytes: [UInt8], mode: Mode = .whole) throws -> Any {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("input", name)
        writer.beginArray("entries")
        let result: ParsedFeed
        let parts = PartEntries()
        if mode == .parts, let cut = FeedParser.parseInParts(bytes, minimumBytes: 0, onEntry: { parts.add($0, $1.finished()) }) {
            for entry in parts.entries[0] + parts.entries[1] { writer.entry(entry) }
            result = cut
        } else if mode == .deferred {
            var unfinished: [UnfinishedEntry] = []
            result = FeedParser.parseUnfinished(bytes, onEntry: { unfinished.append($0) })
            for entry in unfinished { writer.entry(entry.finished()) }
        } else {
            result = FeedParser.parse(bytes) { writer.entry($0) }
        }
        writer.endArray()
        writer.documentMembers(result)
        writer.endObject()
        return try JSONSerialization.jsonObject(with: Data(writer.bytes))
    }

    /// Each part's entries, each added by its part's thread.
    final class PartEntries: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var entries: [[FeedEntry]] = [[], []]
        func add(_ part: Int, _ entry: FeedEntry) { lock.withLock { entries[part].append(entry) } }
    }

    /// Each fixture, parsed in every mode, gives the expected JSON.
    @Test(arguments: inputs, Mode.allCases)
    func matchesExpectedOutput(name: String, mode: Mode) throws {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures/feeds", withExtension: nil))
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
        let actual = try Self.parsedJSON(name: name, bytes: bytes, mode: mode)
        let expectedName = name + ".expected.json"
        if ProcessInfo.processInfo.environment["TRIBUTARY_RECORD"] == "1" {
            guard mode == .whole else { return }
            let pretty = try JSONSerialization.data(withJSONObject: actual, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            try (pretty + Data("\n".utf8)).write(to: Self.sourceFixtures.appendingPathComponent(expectedName))
            return
        }
        let expectedData = try Data(contentsOf: folder.appendingPathComponent(expectedName))
        let expected = try JSONSerialization.jsonObject(with: expectedData)
        #expect((actual as? NSDictionary) == (expected as? NSDictionary), "\(name) (\(mode)) differs from \(expectedName)")
    }

    /// The fixtures of several entries in an RSS channel or an Atom feed are cut, so that the
    /// parts mode above compares two parts' output with the expected JSON.
    @Test(arguments: ["rss20.xml", "atom10.xml", "geo.xml"])
    func fixturesWithSeveralEntriesAreCut(name: String) throws {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures/feeds", withExtension: nil))
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
        #expect(FeedParser.parseInParts(bytes, minimumBytes: 0) { _, _ in } != nil)
    }
}
