import Foundation
import Testing

@testable import Analysis

/// Forgetting the articles the store no longer holds: the index shrinks, and what is kept is
/// found as before.
@Suite struct StoryClustererForgettingTests {
    private typealias Sample = StoryClustererTests

    private static func encoded<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }

    /// Deterministic pseudo-random values.
    private static func numbers(_ count: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state = StableHash.mix(state &+ 1)
            return state
        }
    }

    @Test func anLSHIndexKeepingSomeEntriesIsTheOneBuiltFromThemAlone() throws {
        let signatures = (0..<40).map { entry in
            // Entries in groups of four share their first bands: chains longer than one.
            Self.numbers(8, seed: UInt64(entry / 4)).map { UInt32(truncatingIfNeeded: $0) }
                + Self.numbers(8, seed: 1000 + UInt64(entry)).map { UInt32(truncatingIfNeeded: $0) }
        }
        var full = LSHIndex(bands: 4, rows: 4)
        for signature in signatures { full.insert(signature) }
        let kept = (0..<40).filter { $0 % 3 != 1 }
        var alone = LSHIndex(bands: 4, rows: 4)
        for entry in kept { alone.insert(signatures[entry]) }
        let rebuilt = full.keeping(kept)
        #expect(try Self.encoded(rebuilt) == Self.encoded(alone))
        #expect(rebuilt.count == kept.count)
        #expect(rebuilt.candidates(of: signatures[3]) == alone.candidates(of: signatures[3]))
        #expect(!rebuilt.candidates(of: signatures[3]).isEmpty)
    }

    @Test func aContainmentIndexKeepingSomeEntriesIsTheOneBuiltFromThemAlone() throws {
        let texts = (0..<30).map { entry in
            // Overlapping openings: texts share samples with their neighbours.
            Self.numbers(60, seed: UInt64(entry / 3)) + Self.numbers(60, seed: 500 + UInt64(entry))
        }
        var full = ContainmentIndex(sampling: 2, window: 120)
        for text in texts { full.insert(samples: full.samples(of: text)) }
        var renumbered = [Int32](repeating: -1, count: texts.count)
        var alone = ContainmentIndex(sampling: 2, window: 120)
        for entry in texts.indices where entry % 4 != 2 {
            renumbered[entry] = Int32(alone.count)
            alone.insert(samples: alone.samples(of: texts[entry]))
        }
        let rebuilt = full.keeping(renumbered)
        #expect(try Self.encoded(rebuilt) == Self.encoded(alone))
        let query = full.samples(of: texts[4])
        #expect(rebuilt.matches(of: query) == alone.matches(of: query))
        #expect(rebuilt.matches(of: query).count > 1)
    }

    @Test func forgettingAStoryLeavesCopiesOfItUnfoundAndTheRestFound() throws {
        var clusterer = Sample.primed()
        _ = clusterer.add(Sample.quakeA)
        _ = clusterer.add(Sample.football)
        let before = (articles: clusterer.count, stories: clusterer.storyCount)
        #expect(clusterer.forget(keeping: { $0 != Sample.quakeA.id }) == 1)
        #expect(clusterer.count == before.articles - 1)
        #expect(clusterer.storyCount == before.stories - 1)
        #expect(clusterer.forget(keeping: { _ in true }) == 0)

        // Through a saved snapshot, as the next run would see it.
        let data = try JSONEncoder().encode(clusterer.snapshot)
        let restoredSnapshot = try JSONDecoder().decode(StorySnapshot.self, from: data)
        for url in [Sample.quakeA.url, nil] {
            // The forgotten article's URL and text no longer name a copy.
            var restored = StoryClusterer(snapshot: restoredSnapshot)
            var copy = Sample.quakeA
            copy.id = "x1"
            copy.url = url
            let decision = restored.add(copy)
            #expect(decision.duplicateOf == nil)
            #expect(decision.storyID == "x1")
        }
        var restored = StoryClusterer(snapshot: restoredSnapshot)
        var footballCopy = Sample.football
        footballCopy.id = "d2"
        let decision = restored.add(footballCopy)
        #expect(decision.duplicateOf == Sample.football.id)
        #expect(decision.storyID == Sample.football.id)
        #expect(decision.explanation.signal == .exact)
    }

    @Test func keptStoriesAreFoundAsBeforeUnderTheirIDs() {
        var clusterer = Sample.primed()
        _ = clusterer.add(Sample.quakeA)
        _ = clusterer.add(Sample.quakeElsewhere)
        _ = clusterer.add(Sample.football)
        var forgetful = clusterer
        // The Chile quake and two background articles go; the Sumatra story stays.
        let gone: Set<String> = [Sample.quakeElsewhere.id, "bg1", "bg4"]
        #expect(forgetful.forget(keeping: { !gone.contains($0) }) == 3)
        // Another report of the kept story joins it in both, by the same signal.
        let joined = forgetful.add(Sample.quakeB)
        #expect(joined == clusterer.add(Sample.quakeB))
        #expect(joined.storyID == Sample.quakeA.id && joined.explanation.signal == .tfidf)
        // Every kept article keeps its story.
        let snapshot = forgetful.snapshot
        let storyOf = Dictionary(
            uniqueKeysWithValues: zip(snapshot.articleIDs, snapshot.articleStory.map { snapshot.stories.stories[Int($0)].id }))
        #expect(storyOf[Sample.quakeA.id] == Sample.quakeA.id)
        #expect(storyOf[Sample.quakeB.id] == Sample.quakeA.id)
        #expect(storyOf[Sample.football.id] == Sample.football.id)
        #expect(storyOf[Sample.quakeElsewhere.id] == nil)
        #expect(!snapshot.stories.stories.contains { $0.id == Sample.quakeElsewhere.id })
    }
}
