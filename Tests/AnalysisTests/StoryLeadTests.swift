import Foundation
import Testing

@testable import Analysis

/// News is written as an inverted pyramid: the opening names the event, later sentences turn to
/// background that other events of the kind share. The lead weighs its words by position.
@Suite struct StoryLeadTests {
    static let capsizing = ClusterArticle(
        id: "f1",
        text: """
            A passenger ferry capsized on Lake Orvane near the port of Keldby on Sunday, and \
            rescuers pulled 41 survivors from the water while 9 people are still missing, the coast \
            guard said. The Marisol, carrying commuters and a school group, overturned in strong wind \
            minutes after leaving the pier. Divers searched the hull through the night.
            """)
    /// The same event in one sentence, then a long paragraph of background on ferry safety.
    static let capsizingThenBackground = ClusterArticle(
        id: "f2",
        text: """
            Nine people are missing after the ferry Marisol capsized on Lake Orvane off Keldby on \
            Sunday. Ferry safety has long worried inspectors across the region. Operators run \
            ageing boats on crowded routes, regulators complain that they lack staff to check \
            lifejackets and engines, and unions say crews work double shifts in the summer season. \
            A government review promised tighter licensing rules, new radio equipment and annual \
            inspections of every vessel, but budgets were cut before most of the changes took \
            effect, and several companies have since gone out of business, merged with larger \
            rivals or sold their boats abroad.
            """)

    static func weight(of word: String, in lead: StoryLead) -> Float? {
        // A lead's terms are the low 32 bits of its words' hashes.
        let term = StableHash.hash(word) & 0xFFFF_FFFF
        return lead.weightedTerms.first { $0.term == term }?.weight
    }

    @Test func laterWordsWeighLess() throws {
        let text = "Flooding closed the harbour road. " + String(repeating: "filler ", count: 80) + "harvest"
        let lead = StoryLead(title: nil, text: text, leadWords: 100, entityWeight: 2, decay: 1)
        let first = try #require(Self.weight(of: "flooding", in: lead))
        let late = try #require(Self.weight(of: "harvest", in: lead))
        #expect(first == 1)
        // "harvest" is at position 85 of a 100-word lead: 1 / (1 + 0.85).
        #expect(abs(late - 1 / 1.85) < 1e-4)
        let flat = StoryLead(title: nil, text: text, leadWords: 100, entityWeight: 2, decay: 0)
        #expect(Self.weight(of: "harvest", in: flat) == 1)
    }

    @Test func titleWordsComeFirst() throws {
        let lead = StoryLead(
            title: "Harbour road closed", text: "Flooding closed the harbour road on Monday.", leadWords: 10,
            entityWeight: 2, decay: 1)
        let harbour = try #require(Self.weight(of: "harbour", in: lead))
        let flooding = try #require(Self.weight(of: "flooding", in: lead))
        #expect(harbour > flooding)
    }

    @Test func openingOnTheSameEventJoinsDespiteOtherBackground() {
        var clusterer = StoryClustererTests.primed()
        let first = clusterer.add(Self.capsizing)
        let second = clusterer.add(Self.capsizingThenBackground)
        #expect(second.storyID == first.storyID)
        #expect(second.explanation.signal == .tfidf)
    }

    @Test func withEveryLeadWordEqualTheBackgroundKeepsThemApart() {
        var settings = ClusterSettings()
        settings.leadDecay = 0
        var clusterer = StoryClusterer(settings: settings)
        for article in StoryClustererTests.background { _ = clusterer.add(article) }
        _ = clusterer.add(Self.capsizing)
        let second = clusterer.add(Self.capsizingThenBackground)
        #expect(second.storyID == "f2")
        #expect(second.explanation.signal == .new)
    }

    @Test func snapshotWithoutLeadDecayKeepsFlatWeightsAndDiffersFromTheDefaults() throws {
        var clusterer = StoryClustererTests.primed()
        _ = clusterer.add(Self.capsizing)
        let data = try JSONEncoder().encode(clusterer.snapshot)
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var settings = try #require(json["settings"] as? [String: Any])
        settings["leadDecay"] = nil
        json["settings"] = settings
        let old = try JSONSerialization.data(withJSONObject: json)

        let snapshot = try JSONDecoder().decode(StorySnapshot.self, from: old)
        #expect(snapshot.settings.leadDecay == 0)
        #expect(snapshot.settings != ClusterSettings())
        var restored = StoryClusterer(snapshot: snapshot)
        #expect(restored.add(Self.capsizingThenBackground).storyID == "f2")
    }
}
