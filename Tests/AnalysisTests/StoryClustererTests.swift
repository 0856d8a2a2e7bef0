import Foundation
import Testing

@testable import Analysis

@Suite struct StoryClustererTests {
    static let quakeA = ClusterArticle(
        id: "a1", url: "https://news.example/quake", title: "Strong earthquake strikes Sumatra",
        text: """
            A magnitude 7.3 earthquake struck off the coast of Sumatra in Indonesia on Tuesday, \
            killing at least 12 people in Padang and damaging hundreds of buildings, the national \
            disaster agency said. Residents fled to higher ground fearing a tsunami.
            """)
    static let quakeB = ClusterArticle(
        id: "b1", url: "https://other.example/world/indonesia-quake", title: "Sumatra quake kills 12",
        text: """
            At least 12 people died when a 7.3-magnitude quake hit western Sumatra, Indonesia, on \
            Tuesday. Buildings collapsed in Padang, and Indonesia's disaster agency said thousands \
            of residents spent the night outside after a brief tsunami warning.
            """)
    static let quakeElsewhere = ClusterArticle(
        id: "c1", title: "Earthquake rattles Chile's north",
        text: """
            A magnitude 6.1 earthquake shook northern Chile near Antofagasta on Sunday, cutting power \
            to parts of the city. Chile's emergency office reported no deaths; mines in the Atacama \
            region were inspected for damage.
            """)
    static let football = ClusterArticle(
        id: "d1", title: "Arsenal beat Chelsea in London derby",
        text: """
            Arsenal beat Chelsea 3-1 at the Emirates Stadium on Saturday, with Bukayo Saka scoring \
            twice. The win keeps Mikel Arteta's side top of the Premier League table.
            """)

    /// Unrelated earlier news, so that term statistics are not those of an empty index.
    static let background: [ClusterArticle] = [
        "Parliament approved the budget on Monday after a long debate about taxes and spending.",
        "The film festival opened with a premiere attended by actors and directors from many countries.",
        "Shares fell on the stock market as investors worried about interest rates and inflation.",
        "The school board voted to extend the academic year by two weeks starting next autumn.",
        "Scientists said a new vaccine trial showed promising results in older patients.",
        "Officials said the people injured in the accident on Tuesday were taken to hospital.",
    ].enumerated().map { ClusterArticle(id: "bg\($0.offset)", text: $0.element) }

    static func primed() -> StoryClusterer {
        var clusterer = StoryClusterer()
        for article in background { _ = clusterer.add(article) }
        return clusterer
    }

    @Test func sameEventDifferentWordingIsOneStory() {
        var clusterer = Self.primed()
        let first = clusterer.add(Self.quakeA)
        let second = clusterer.add(Self.quakeB)
        #expect(second.storyID == first.storyID)
        #expect(second.duplicateOf == nil)
        #expect(second.explanation.signal == .tfidf)
    }

    @Test func sameKindDifferentEventIsTwoStories() {
        var clusterer = Self.primed()
        let first = clusterer.add(Self.quakeA)
        let other = clusterer.add(Self.quakeElsewhere)
        #expect(other.storyID != first.storyID)
        #expect(other.explanation.signal == .new)
    }

    @Test func unrelatedArticlesAreSeparate() {
        var clusterer = StoryClusterer()
        _ = clusterer.add(Self.quakeA)
        #expect(clusterer.add(Self.football).storyID == "d1")
        #expect(clusterer.storyCount == 2)
        #expect(clusterer.count == 2)
    }

    @Test func exactCopyIsADuplicate() {
        var clusterer = StoryClusterer()
        _ = clusterer.add(Self.quakeA)
        var copy = Self.quakeA
        copy.id = "a2"
        copy.url = nil
        copy.text = copy.text.uppercased()
        let decision = clusterer.add(copy)
        #expect(decision.duplicateOf == "a1")
        #expect(decision.explanation.signal == .exact)
    }

    @Test func sameCanonicalURLIsADuplicate() {
        var clusterer = StoryClusterer()
        _ = clusterer.add(Self.quakeA)
        let decision = clusterer.add(
            ClusterArticle(id: "a3", url: "http://www.news.example/quake/?utm_source=rss", text: "Updated."))
        #expect(decision.duplicateOf == "a1")
        #expect(decision.explanation.signal == .url)
    }

    @Test func rewriteWithBoilerplateIsANearDuplicate() {
        var clusterer = StoryClusterer()
        _ = clusterer.add(Self.quakeA)
        let copy = ClusterArticle(
            id: "a4", title: "Quake hits Indonesia",
            text: "WORLD | Wire Service\n" + Self.quakeA.text + "\nFollow us for the latest updates.")
        let decision = clusterer.add(copy)
        #expect(decision.duplicateOf == "a1")
        #expect(decision.explanation.signal == .minhash)
        #expect(decision.explanation.score >= 0.5)
    }

    @Test func teaserIsContainedInTheFullArticle() {
        var clusterer = StoryClusterer()
        let long = ClusterArticle(
            id: "full", text: Self.quakeA.text + "\n" + Self.quakeElsewhere.text + "\n" + Self.football.text)
        _ = clusterer.add(long)
        let teaser = ClusterArticle(id: "teaser", text: Self.quakeA.text)
        let decision = clusterer.add(teaser)
        #expect(decision.duplicateOf == "full")
        #expect([.containment, .minhash].contains(decision.explanation.signal))
    }

    @Test func aTeaserOfTwoEqualArticlesCopiesTheOlder() {
        var clusterer = Self.primed()
        // Two reports opening with the same wire lead, then going on at length, differently:
        // the lead alone is too small a part of either for MinHash, and wholly in both.
        let first = ClusterArticle(
            id: "first",
            text: Self.quakeA.text + "\n" + Self.quakeElsewhere.text + "\n" + Self.football.text + "\n"
                + "The city theatre reopened its doors after two years of repairs, with a new stage, "
                + "restored ceilings and a season of plays by local writers announced for the spring. "
                + "Tickets for the opening night sold out within an hour, the director said.")
        let second = ClusterArticle(
            id: "second",
            text: Self.quakeA.text + "\n"
                + "Farmers in the valley began the grape harvest a week early after a dry and hot summer, "
                + "and cooperatives expect smaller volumes but good quality. Prices for bulk wine have "
                + "fallen for a third year, and several estates are selling land to developers. "
                + "A regional bank announced cheaper loans for young growers who replant old vineyards, "
                + "while the ministry promised to review water rights before the next season begins. "
                + "Exporters hope new trade rules will open markets in Asia.")
        #expect(clusterer.add(first).duplicateOf == nil)
        #expect(clusterer.add(second).duplicateOf == nil)
        let decision = clusterer.add(ClusterArticle(id: "teaser", text: Self.quakeA.text))
        #expect(decision.explanation.signal == .containment)
        #expect(decision.duplicateOf == "first")
    }

    @Test func datesOutsideTheWindowStartANewStory() {
        var clusterer = StoryClusterer()
        var early = Self.quakeA
        early.published = Date(timeIntervalSince1970: 1_700_000_000)
        var late = Self.quakeB
        late.published = Date(timeIntervalSince1970: 1_700_000_000 + 30 * 24 * 3600)
        _ = clusterer.add(early)
        #expect(clusterer.add(late).explanation.signal == .new)
    }

    @Test func snapshotRoundTripContinuesIdentically() throws {
        var original = StoryClusterer()
        _ = original.add(Self.quakeA)
        _ = original.add(Self.football)
        let data = try JSONEncoder().encode(original.snapshot)
        var restored = StoryClusterer(snapshot: try JSONDecoder().decode(StorySnapshot.self, from: data))
        #expect(restored.count == 2)
        #expect(restored.add(Self.quakeB) == original.add(Self.quakeB))
        #expect(restored.add(Self.quakeElsewhere) == original.add(Self.quakeElsewhere))
    }

    @Test func emptyTextDoesNotMatchEverything() {
        var clusterer = StoryClusterer()
        _ = clusterer.add(ClusterArticle(id: "e1", text: ""))
        #expect(clusterer.add(ClusterArticle(id: "e2", text: "")).duplicateOf == nil)
    }

    @Test func storyIDIsTheFirstArticleID() {
        var clusterer = Self.primed()
        #expect(clusterer.add(Self.quakeB).storyID == "b1")
        #expect(clusterer.add(Self.quakeA).storyID == "b1")
    }
}
