import Testing

@testable import Analysis

/// The containment index's chain walk against its definition, computed by brute force.
@Suite("Containment index")
struct ContainmentIndexTests {
    /// Sample sets drawn from an alphabet of `alphabet` values (distinct within a set, 0 to 12
    /// of them): a small alphabet makes every value's chain longer than the walk's cap.
    static func sampleSets(count: Int, alphabet: UInt64, seed: UInt64) -> [[UInt64]] {
        var generator = StoryIndexTests.Generator(state: seed)
        return (0..<count).map { _ in
            var set: [UInt64] = []
            for _ in 0..<Int(generator.next() % 13) {
                let value = generator.next() % alphabet
                if !set.contains(value) { set.append(value) }
            }
            return set
        }
    }

    /// The matches by definition: for each query sample, the newest `maxChain` stored sets
    /// holding it count one shared sample each; every entry counted, oldest first.
    static func expected(_ query: [UInt64], in stored: [[UInt64]], maxChain: Int) -> [ContainmentMatch] {
        var shared: [Int: Int] = [:]
        for sample in query {
            for entry in stored.indices.reversed().filter({ stored[$0].contains(sample) }).prefix(maxChain) {
                shared[entry, default: 0] += 1
            }
        }
        return shared.keys.sorted().map { entry in
            ContainmentMatch(entry: entry, shared: shared[entry]!, querySamples: query.count, entrySamples: stored[entry].count)
        }
    }

    /// Alphabet 6: chains far past the cap of 4. Alphabet 400: short chains, many ending early.
    @Test(arguments: [6, 400] as [UInt64])
    func matchesAreThoseOfTheNewestPostings(alphabet: UInt64) {
        let stored = Self.sampleSets(count: 500, alphabet: alphabet, seed: 71)
        var index = ContainmentIndex(sampling: 1, window: 50, maxChain: 4)
        for samples in stored { index.insert(samples: samples) }
        var found = 0
        for query in Self.sampleSets(count: 40, alphabet: alphabet, seed: 73) + stored.suffix(20) {
            let matches = index.matches(of: query)
            #expect(matches == Self.expected(query, in: stored, maxChain: 4))
            found += matches.count
        }
        #expect(found > 100)
    }

    @Test func theChainsBeforeAnInsertGiveTheMatchesBeforeIt() {
        let stored = Self.sampleSets(count: 300, alphabet: 30, seed: 79)
        var index = ContainmentIndex(sampling: 1, window: 50, maxChain: 5)
        for (entry, samples) in stored.enumerated() {
            let firsts = index.insertKeepingChains(samples: samples)
            #expect(index.matches(from: firsts) == Self.expected(samples, in: Array(stored.prefix(entry)), maxChain: 5))
        }
    }

    @Test func onlyEntriesSharingEnoughSamplesAreReported() {
        let stored = Self.sampleSets(count: 300, alphabet: 20, seed: 83)
        var index = ContainmentIndex(sampling: 1, window: 50, maxChain: 8)
        for samples in stored { index.insert(samples: samples) }
        let query = Array(0..<12 as Range<UInt64>)
        var copy = index
        let firsts = copy.insertKeepingChains(samples: query)
        var reported: [ContainmentMatch] = []
        index.forEachMatch(from: firsts, sharing: 3) { reported.append($0) }
        let expected = Self.expected(query, in: stored, maxChain: 8).filter { $0.shared >= 3 }
        #expect(!expected.isEmpty)
        #expect(reported.sorted { $0.entry < $1.entry } == expected)
    }
}
