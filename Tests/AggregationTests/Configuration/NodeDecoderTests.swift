import Foundation
import Testing
import Yams

@testable import Aggregation

@Suite("Lean configuration decoder")
struct NodeDecoderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Both decoders on the same text: the lean one's result, and Yams' one's.
    static func both(_ text: String) throws -> (lean: Configuration, yams: Configuration) {
        let node = try #require(try Yams.compose(yaml: text))
        return (try Configuration(from: NodeDecoder(node: node)), try YAMLDecoder().decode(Configuration.self, from: node))
    }

    @Test(
        "the shipped configurations decode the same as with Yams' decoder", arguments: ["Config/tributary.yaml", "Config/examples/world-news.yaml"])
    func shippedFiles(path: String) throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        let (lean, yams) = try Self.both(text)
        #expect(lean == yams)
        #expect(!lean.sources.isEmpty)
    }

    @Test("YAML's spellings of booleans, numbers, nulls and quoted text give Yams' values")
    func scalarForms() throws {
        let text = """
            title: "123"
            fetch: { robots: no, concurrency: 0x10, perHostConcurrency: +3, timeout: 1.5, indexLinks: 1_000 }
            retention: { days: 07, maxPerSource: ~ }
            publish: { json: On, regions: [eu, "no"] }
            sources:
              - { url: a.xml, fullText: YES, enabled: true, maxLinks: 12, title: null }
              - { url: b.xml, title: 'yes', interval: 90 }
              - url: c.xml
            """
        let (lean, yams) = try Self.both(text)
        #expect(lean == yams)
        #expect(lean.title == "123")
        #expect(lean.fetch.robots == false)
        #expect(lean.fetch.concurrency == 16)
        #expect(lean.fetch.perHostConcurrency == 3)
        #expect(lean.fetch.indexLinks == 1000)
        #expect(lean.retention.days == 7)
        #expect(lean.retention.maxPerSource == nil)
        #expect(lean.publish.json)
        #expect(lean.publish.regions == .only(["eu", "no"]))
        #expect(lean.sources.map(\.url) == ["a.xml", "b.xml", "c.xml"])
        #expect(lean.sources[0].fullText && lean.sources[0].title == nil)
        #expect(lean.sources[1].title == "yes" && lean.sources[1].interval?.seconds == 90)
    }

    @Test(
        "what it does not decide is left to Yams' decoder",
        arguments: [
            "fetch: { robots: 'false' }",  // a quoted boolean is text
            "fetch: { concurrency: many }",
            "sources: [ { url: a.xml, colour: red } ]",  // an unknown key
            "sources: [ &first { url: a.xml }, { <<: *first, id: b } ]",  // a merge key
            "sources: { url: a.xml }",  // a mapping where a list belongs
        ])
    func declines(text: String) throws {
        let node = try #require(try Yams.compose(yaml: text))
        #expect(throws: (any Error).self) { try Configuration(from: NodeDecoder(node: node)) }
    }

    @Test("errors still name the line and key after the lean decoder declines")
    func errorsComeFromTheLoader() throws {
        let text = "title: Desk\nsources:\n  - url: a.xml\n    colour: red\n"
        #expect {
            try ConfigurationLoader.parse(text, file: "bad.yaml")
        } throws: { error in
            let description = "\(error)"
            return description.contains("bad.yaml:4") && description.contains("colour")
        }
    }
}

@Suite("Source URLs")
struct SourceURLTrimmingTests {
    @Test(
        "spaces and tabs around a URL are dropped, as CharacterSet.whitespaces would",
        arguments: ["a.xml", " a.xml", "a.xml\t", "\u{00A0}\u{2003}a.xml \t", "", " \t "])
    func trimming(text: String) {
        #expect(SourceSettings.trimmingSpaces(text) == text.trimmingCharacters(in: .whitespaces))
    }

    @Test func innerSpacesStay() {
        #expect(SourceSettings.trimmingSpaces("  my feeds/a b.xml ") == "my feeds/a b.xml")
    }
}
