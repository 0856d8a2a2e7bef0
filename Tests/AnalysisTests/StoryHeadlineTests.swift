import Foundation
import Testing

@testable import Analysis

/// Follow-ups on a running story share its names but announce another event; syndicated copies
/// carry the same text under another byline, dateline or headline.
@Suite struct StoryHeadlineTests {
    static let bankruptcy = ClusterArticle(
        id: "k1", title: "Kestrel Oil files for bankruptcy in Houston",
        text: """
            Kestrel Oil, the Russian producer fighting a tax bill of $27bn, has filed for bankruptcy \
            protection at a court in Houston, Texas, in an attempt to stop Moscow auctioning its main \
            production unit. Kestrel's chief financial officer, Bruce Misamore, said the filing \
            would freeze the sale of Kestrelneftegaz.
            """)
    static let resignation = ClusterArticle(
        id: "k2", title: "Misamore quits as Kestrel finance chief",
        text: """
            Bruce Misamore has resigned as chief financial officer of Kestrel Oil to join a pension \
            fund, the Russian producer said on Friday. He had led its bankruptcy filing in Houston \
            last month. Analysts said his departure left the board without its most experienced \
            negotiator as shareholders prepare for the annual meeting in London.
            """)

    static func primed(_ settings: ClusterSettings = ClusterSettings()) -> StoryClusterer {
        var clusterer = StoryClusterer(settings: settings)
        for article in StoryClustererTests.background { _ = clusterer.add(article) }
        return clusterer
    }

    @Test func followUpUnderAnotherHeadlineStartsItsOwnStory() {
        var clusterer = Self.primed()
        _ = clusterer.add(Self.bankruptcy)
        let decision = clusterer.add(Self.resignation)
        #expect(decision.storyID == "k2")
        #expect(decision.explanation.signal == .new)
    }

    @Test func withoutHeadlinesTheSameLeadsJoinOneStory() {
        // The leads alone are close enough: what keeps the two apart above is the headlines.
        var clusterer = Self.primed()
        var bankruptcy = Self.bankruptcy
        var resignation = Self.resignation
        bankruptcy.title = nil
        resignation.title = nil
        _ = clusterer.add(bankruptcy)
        let decision = clusterer.add(resignation)
        #expect(decision.storyID == "k1")
        #expect(decision.explanation.signal == .tfidf)
        #expect(decision.explanation.headlineScore == nil)
    }

    @Test func headlineThresholdZeroTurnsTheCheckOff() throws {
        var settings = ClusterSettings()
        settings.headlineThreshold = 0
        var clusterer = Self.primed(settings)
        _ = clusterer.add(Self.bankruptcy)
        let decision = clusterer.add(Self.resignation)
        #expect(decision.storyID == "k1")
        let score = try #require(decision.explanation.headlineScore)
        #expect(score < Double(ClusterSettings().headlineThreshold))
    }

    @Test func datedOnTheSameDayHeadlinesAreNotCompared() {
        var clusterer = Self.primed()
        var bankruptcy = Self.bankruptcy
        var resignation = Self.resignation
        bankruptcy.published = Date(timeIntervalSince1970: 1_700_000_000)
        resignation.published = Date(timeIntervalSince1970: 1_700_000_000 + 6 * 3600)
        _ = clusterer.add(bankruptcy)
        #expect(clusterer.add(resignation).storyID == "k1")
    }

    @Test func datedOnALaterDayTheHeadlinesDecide() {
        var clusterer = Self.primed()
        var bankruptcy = Self.bankruptcy
        var resignation = Self.resignation
        bankruptcy.published = Date(timeIntervalSince1970: 1_700_000_000)
        resignation.published = Date(timeIntervalSince1970: 1_700_000_000 + 2 * 24 * 3600)
        _ = clusterer.add(bankruptcy)
        #expect(clusterer.add(resignation).storyID == "k2")
    }

    @Test func reportUnderASimilarHeadlineJoins() {
        var clusterer = Self.primed()
        _ = clusterer.add(Self.bankruptcy)
        let other = ClusterArticle(
            id: "k3", title: "Kestrel Oil seeks bankruptcy protection in US",
            text: """
                Russian oil firm Kestrel Oil has asked a Houston court for bankruptcy protection, \
                hoping to block the auction of Kestrelneftegaz over a $27bn tax claim, its finance \
                chief Bruce Misamore told reporters in Texas.
                """)
        let decision = clusterer.add(other)
        #expect(decision.storyID == "k1")
        #expect(decision.explanation.signal == .tfidf)
        #expect((decision.explanation.headlineScore ?? 0) >= Double(ClusterSettings().headlineThreshold))
    }

    @Test func syndicatedCopyWithBylineAndDatelineIsADuplicate() {
        var clusterer = Self.primed()
        _ = clusterer.add(Self.bankruptcy)
        let copy = ClusterArticle(
            id: "k4", title: "UPDATE 2: Kestrel in US bankruptcy bid",
            text: """
                By Anna Petrova, Business Correspondent
                HOUSTON, Dec 15 (Wire Service) -
                \(Self.bankruptcy.text)
                Reporting by Anna Petrova; editing by Tom Lee. All rights reserved.
                """)
        let decision = clusterer.add(copy)
        #expect(decision.duplicateOf == "k1")
        #expect([.minhash, .containment].contains(decision.explanation.signal))
    }

    @Test func copyWithoutItsBylineIsADuplicateOfTheBylinedOne() {
        var clusterer = Self.primed()
        _ = clusterer.add(
            ClusterArticle(
                id: "w1", title: "Kestrel in US bankruptcy bid",
                text: "By Anna Petrova\nHOUSTON (Wire Service) -\n" + Self.bankruptcy.text))
        let decision = clusterer.add(ClusterArticle(id: "w2", text: Self.bankruptcy.text))
        #expect(decision.duplicateOf == "w1")
    }

    @Test func snapshotWithoutHeadlinesStillLoads() throws {
        var clusterer = Self.primed()
        _ = clusterer.add(Self.bankruptcy)
        let data = try JSONEncoder().encode(clusterer.snapshot)
        // A snapshot as saved before headlines were kept: no headline keys at all.
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var settings = try #require(json["settings"] as? [String: Any])
        settings["headlineThreshold"] = nil
        settings["strongLeadThreshold"] = nil
        json["settings"] = settings
        // Stories then were a list of keyed stories (now columns), without headlines.
        var stories = try #require(json["stories"] as? [String: Any])
        let list = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(clusterer.snapshot.stories.stories)) as? [[String: Any]])
        #expect(stories.removeValue(forKey: "storyBlocks") != nil)
        stories["stories"] = list.map { story in story.filter { $0.key != "headlines" } }
        json["stories"] = stories
        let old = try JSONSerialization.data(withJSONObject: json)

        let snapshot = try JSONDecoder().decode(StorySnapshot.self, from: old)
        #expect(snapshot.settings.headlineThreshold == 0)
        #expect(snapshot.settings != ClusterSettings())
        #expect(snapshot.stories.stories.allSatisfy { $0.headlines.isEmpty })
        var restored = StoryClusterer(snapshot: snapshot)
        #expect(restored.count == clusterer.count)
        #expect(restored.add(Self.resignation).storyID == "k1")
    }
}
