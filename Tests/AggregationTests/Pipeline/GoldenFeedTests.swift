import Aggregation
import Foundation
import Testing

/// The published files for a fixed set of sources at fixed times, compared byte for byte with
/// the golden files in Fixtures/golden (re-recorded with TRIBUTARY_RECORD=1 after a deliberate
/// change, then read before committing).
@Suite("Published feeds match the golden files")
struct GoldenFeedTests {
    typealias F = PipelineFixtures

    static let goldenPaths = ["all.atom", "all.json", "topics/disasters.atom", "regions/pe.atom", "index.html", "feeds.opml"]

    static func publish() async throws -> [String: [UInt8]] {
        var rig = AggregatorTests.Rig([AggregatorTests.sourceA, AggregatorTests.sourceB])
        rig.configuration.subtitle = "Golden test desk"
        await rig.fetcher.set(AggregatorTests.sourceA.url, body: F.rss(title: "A", items: [F.quake, F.rates, F.football]))
        await rig.fetcher.set(AggregatorTests.sourceB.url, body: F.rss(title: "B", items: [F.quakeRewritten]))
        _ = try await rig.run()
        return rig.files.contents
    }

    @Test("all.atom, a topic feed, a region feed, the JSON twin, index.html and feeds.opml", arguments: goldenPaths)
    func golden(path: String) async throws {
        let written = try #require(try await Self.publish()[path], "\(path) was not written")
        let name = path.replacingOccurrences(of: "/", with: "-")
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/golden")
        if ProcessInfo.processInfo.environment["TRIBUTARY_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(written).write(to: folder.appendingPathComponent(name))
        }
        let url = try #require(Bundle.module.url(forResource: "Fixtures/golden/\(name)", withExtension: nil), "no golden file for \(path)")
        let expected = try [UInt8](Data(contentsOf: url))
        #expect(written == expected, "\(path) differs from Fixtures/golden/\(name); re-record with TRIBUTARY_RECORD=1 if the change is deliberate")
    }
}
