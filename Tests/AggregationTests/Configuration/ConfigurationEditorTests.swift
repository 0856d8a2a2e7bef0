import Aggregation
import Testing

@Suite("Editing the configuration file")
struct ConfigurationEditorTests {
    static let text = """
        # My news
        title: Desk   # the title
        sources:
          # world
          - id: one
            url: https://one.example/feed   # the first
          - id: two
            url: https://two.example/rss

          - url: https://three.example/atom
            kind: feed
        publish:
          limit: 50
        """

    @Test("a source is appended to the list, keeping comments and the keys after it")
    func append() throws {
        let added = SourceSettings(id: "four", url: "https://four.example/news: today", kind: .page, title: "Four # news", interval: .hours(2))
        let edited = ConfigurationEditor.appending([added], to: Self.text)
        #expect(edited.contains("# My news\ntitle: Desk   # the title\n"))
        #expect(
            edited.contains(
                """
                    kind: feed
                  - id: four
                    url: "https://four.example/news: today"
                    kind: page
                    title: "Four # news"
                    interval: 2h
                publish:
                  limit: 50
                """))
        let configuration = try ConfigurationLoader.parse(edited, file: "t.yaml")
        #expect(configuration.sources.map(\.id) == ["one", "two", "three-example", "four"])
        #expect(configuration.sources[3].url == "https://four.example/news: today")
        #expect(configuration.sources[3].title == "Four # news")
        #expect(configuration.publish.limit == 50)
    }

    @Test("a file without sources gets a list")
    func appendToEmpty() throws {
        let edited = ConfigurationEditor.appending([SourceSettings(id: "x", url: "feeds/x.xml")], to: "title: T\nsources: []\n")
        #expect(edited == "title: T\nsources:\n  - id: x\n    url: feeds/x.xml\n")
        let bare = ConfigurationEditor.appending([SourceSettings(id: "x", url: "feeds/x.xml")], to: "title: T\n")
        #expect(try ConfigurationLoader.parse(bare, file: "t.yaml").sources.map(\.id) == ["x"])
    }

    @Test(
        "removing a source takes out its lines only",
        arguments: [("one", ["two", "three-example"]), ("two", ["one", "three-example"]), ("three-example", ["one", "two"])])
    func remove(id: String, remaining: [String]) throws {
        let edited = try #require(try ConfigurationEditor.removing(id: id, from: Self.text, file: "t.yaml"))
        let configuration = try ConfigurationLoader.parse(edited, file: "t.yaml")
        #expect(configuration.sources.map(\.id) == remaining)
        #expect(configuration.publish.limit == 50)
        #expect(edited.contains("# My news"))
        #expect(edited.contains("# world"))
    }

    @Test("removing an unknown id changes nothing")
    func removeUnknown() throws {
        #expect(try ConfigurationEditor.removing(id: "nine", from: Self.text, file: "t.yaml") == nil)
    }
}
