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

    /// The `parse` command's JSON for one document, as Foundation objects; `deferred` parses
    /// with the entries' markup left for `UnfinishedEntry.finished()`, called after the parse.
    static func parsedJSON(name: String, bytes: [UInt8], deferred: Bool = false) throws -> Any {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("input", name)
        writer.beginArray("entries")
        let result: ParsedFeed
        if deferred {
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

    /// Each fixture, parsed in one go and with its entries' markup finished after the parse (as
    /// `tributary parse` does on a second thread), gives the expected JSON.
    @Test(arguments: inputs, [false, true])
    func matchesExpectedOutput(name: String, deferred: Bool) throws {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures/feeds", withExtension: nil))
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
        let actual = try Self.parsedJSON(name: name, bytes: bytes, deferred: deferred)
        let expectedName = name + ".expected.json"
        if ProcessInfo.processInfo.environment["TRIBUTARY_RECORD"] == "1" {
            guard !deferred else { return }
            let pretty = try JSONSerialization.data(withJSONObject: actual, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            try (pretty + Data("\n".utf8)).write(to: Self.sourceFixtures.appendingPathComponent(expectedName))
            return
        }
        let expectedData = try Data(contentsOf: folder.appendingPathComponent(expectedName))
        let expected = try JSONSerialization.jsonObject(with: expectedData)
        #expect((actual as? NSDictionary) == (expected as? NSDictionary), "\(name) (deferred: \(deferred)) differs from \(expectedName)")
    }
}
