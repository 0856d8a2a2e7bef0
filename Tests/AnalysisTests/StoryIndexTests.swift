import Foundation
import Testing

@testable import Analysis

/// The story index's fast paths must give the answers of the plain computations they replace.
@Suite struct StoryIndexTests {
    /// A deterministic generator, so a failure can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = StableHash.mix(state)
            return state
        }
    }

    /// A random non-negative vector over terms drawn from a small vocabulary (so vectors share
    /// terms), normalized or not.
    func vector(_ generator: inout Generator, terms: Int, vocabulary: UInt64 = 300) -> TermVector {
        var weights: [UInt64: Float] = [:]
        for _ in 0..<terms {
            let term = StableHash.mix(generator.next() % vocabulary)
            weights[term] = Float.random(in: 0.01...3, using: &generator)
        }
        return TermVector(weights)
    }

    @Test func probeDotIsTheSortedMergeDot() {
        var generator = Generator(state: 7)
        for _ in 0..<300 {
            let a = vector(&generator, terms: Int.random(in: 0...90, using: &generator))
            let b = vector(&generator, terms: Int.random(in: 0...90, using: &generator))
            // Same products summed in the same order: equal to the bit.
            #expect(TermProbe(a).dot(b) == a.dot(b))
            #expect(TermProbe(b).dot(a) == b.dot(a))
        }
    }

    @Test func addingKeepsTheHeaviestTermsOfTheSum() {
        var generator = Generator(state: 37)
        for _ in 0..<300 {
            let a = vector(&generator, terms: Int.random(in: 0...90, using: &generator))
            let b = vector(&generator, terms: Int.random(in: 0...90, using: &generator))
            let limit = Int.random(in: 1...100, using: &generator)
            // The plain computation: sum in a dictionary, keep the heaviest (smaller term on ties).
            var sum: [UInt64: Float] = [:]
            for (term, weight) in zip(a.terms, a.weights) { sum[term, default: 0] += weight }
            for (term, weight) in zip(b.terms, b.weights) { sum[term, default: 0] += weight }
            let kept = sum.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(limit)
            let expected = TermVector(Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) }))
            #expect(a.adding(b, limit: limit) == expected)
        }
        // Equal weights at the cut: the smaller terms stay.
        let flat = TermVector([5: 1, 3: 1, 9: 1, 1: 1])
        #expect(flat.adding(TermVector(), limit: 2).terms == [1, 3])
    }

    @Test func sketchBoundIsNeverBelowTheCosine() {
        var generator = Generator(state: 11)
        var sketches = [UInt8](repeating: 0, count: CentroidSketch.size)
        for _ in 0..<500 {
            let centroid = vector(&generator, terms: Int.random(in: 1...96, using: &generator))
            let query = vector(&generator, terms: Int.random(in: 1...80, using: &generator)).normalized()
            CentroidSketch.write(centroid, norm: centroid.norm, into: &sketches, at: 0)
            let cosine = query.dot(centroid) / centroid.norm
            let bound = sketches.withUnsafeBufferPointer { CentroidSketch.Query(query).bound($0, at: 0) }
            #expect(bound >= cosine - 1e-5, "bound \(bound) under cosine \(cosine)")
        }
    }

    @Test func sketchBoundIsLowForUnrelatedVectors() {
        var generator = Generator(state: 13)
        var sketches = [UInt8](repeating: 0, count: CentroidSketch.size)
        let centroid = vector(&generator, terms: 96, vocabulary: 1_000_000)
        let query = vector(&generator, terms: 60, vocabulary: 1_000_000).normalized()
        CentroidSketch.write(centroid, norm: centroid.norm, into: &sketches, at: 0)
        let bound = sketches.withUnsafeBufferPointer { CentroidSketch.Query(query).bound($0, at: 0) }
        // Nothing shared: the bound only sees bucket collisions, far under a story threshold.
        #expect(query.dot(centroid) == 0)
        #expect(bound < 0.3)
    }

    /// An index of `count` one-article stories over random vectors, each indexed under its
    /// heaviest terms, dated one hour apart.
    func index(_ generator: inout Generator, count: Int) -> (StoryIndex, [TermVector]) {
        var index = StoryIndex()
        var vectors: [TermVector] = []
        for number in 0..<count {
            let vector = vector(&generator, terms: 40).normalized()
            vectors.append(vector)
            _ = index.open(
                id: "s\(number)", vector: vector, lookup: vector.topTerms(12), published: Double(number) * 3600)
        }
        return (index, vectors)
    }

    @Test func pruningKeepsEveryStoryAtOrAboveTheMinimum() {
        var generator = Generator(state: 17)
        let (index, _) = index(&generator, count: 400)
        for _ in 0..<100 {
            let query = vector(&generator, terms: 40).normalized()
            let lookup = query.topTerms(12)
            let all = index.candidates(of: query, lookup: lookup)
            let pruned = index.candidates(of: query, lookup: lookup, minimum: 0.3)
            let expected = all.filter { $0.similarity >= 0.3 }.map(\.story)
            let kept = Set(pruned.map(\.story))
            #expect(expected.allSatisfy(kept.contains))
            // Kept stories carry their exact similarity.
            for candidate in pruned {
                #expect(all.first { $0.story == candidate.story }?.similarity == candidate.similarity)
            }
            // Stories on several chains appear once.
            #expect(Set(all.map(\.story)).count == all.count)
        }
    }

    @Test func storiesOutsideTheWindowAreLeftOut() throws {
        var generator = Generator(state: 19)
        let (index, vectors) = index(&generator, count: 50)
        let query = vectors[10]
        let lookup = query.topTerms(12)
        let near = index.candidates(of: query, lookup: lookup, published: 10 * 3600, window: 2 * 3600)
        #expect(near.contains { $0.story == 10 })
        #expect(near.allSatisfy { abs($0.story - 10) <= 2 })
        let far = index.candidates(of: query, lookup: lookup, published: 100 * 3600, window: 2 * 3600)
        #expect(far.isEmpty)
        // Undated articles see every story.
        let undated = index.candidates(of: query, lookup: lookup)
        #expect(try #require(undated.first { $0.story == 10 }).similarity > 0.99)
    }

    @Test func aDecodedIndexGivesTheSameCandidates() throws {
        var generator = Generator(state: 23)
        var (index, vectors) = index(&generator, count: 200)
        index.attach(vectors[3], lookup: vectors[3].topTerms(12), published: 5000 * 3600, to: 7)
        let decoded = try JSONDecoder().decode(StoryIndex.self, from: JSONEncoder().encode(index))
        for vector in vectors.prefix(40) {
            let lookup = vector.topTerms(12)
            let before = index.candidates(of: vector, lookup: lookup, published: 0, window: 1e9, minimum: 0.3)
            let after = decoded.candidates(of: vector, lookup: lookup, published: 0, window: 1e9, minimum: 0.3)
            #expect(before.map(\.story) == after.map(\.story))
            #expect(before.map(\.similarity) == after.map(\.similarity))
        }
    }

    /// An index whose stories differ in every field: undated ones, headlines (none, one,
    /// several), members attached.
    func variedIndex() -> StoryIndex {
        var generator = Generator(state: 41)
        var index = StoryIndex()
        for number in 0..<30 {
            let centroid = vector(&generator, terms: 10 + number).normalized()
            let headline = number % 3 == 0 ? TermVector() : vector(&generator, terms: 6).normalized()
            _ = index.open(
                id: "story-\(number)", vector: centroid, headline: headline, lookup: centroid.topTerms(12),
                published: number % 4 == 0 ? nil : Double(number) * 3600)
        }
        for number in stride(from: 1, to: 30, by: 5) {
            let extra = vector(&generator, terms: 20).normalized()
            index.attach(extra, headline: vector(&generator, terms: 5).normalized(), lookup: extra.topTerms(12), published: 99 * 3600, to: number)
        }
        return index
    }

    @Test func storiesInSeveralBlocksRoundTrip() throws {
        var generator = Generator(state: 43)
        let (index, _) = index(&generator, count: 2500)
        let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(index)) as? [String: Any])
        #expect((object["storyBlocks"] as? [Any])?.count == 3)
        #expect(try JSONDecoder().decode(StoryIndex.self, from: JSONEncoder().encode(index)).stories == index.stories)
    }

    @Test func storiesRoundTripAsColumnsAndTheOlderListStillReads() throws {
        let index = variedIndex()
        #expect(index.stories.contains { $0.latest == nil } && index.stories.contains { $0.headlines.count > 1 })
        let encoded = try JSONEncoder().encode(index)
        var object = try #require(JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object["stories"] == nil)
        #expect((object["storyBlocks"] as? [Any])?.count == 1)
        #expect(try JSONDecoder().decode(StoryIndex.self, from: encoded).stories == index.stories)
        // The layout saved before the columns: a list of keyed stories.
        let list = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(index.stories)) as? [Any])
        #expect(object.removeValue(forKey: "storyBlocks") != nil)
        object["stories"] = list
        let older = try JSONDecoder().decode(StoryIndex.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(older.stories == index.stories)
    }

    @Test func storyColumnsThatDoNotAddUpAreADecodingError() throws {
        let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(variedIndex())) as? [String: Any])
        let block = try #require((object["storyBlocks"] as? [[String: Any]])?.first)
        /// The block with the integer column at `path` changed by `change`.
        func damaged(_ path: [String], _ change: ([Int]) -> [Int]) throws -> [String: Any] {
            var copy = block
            if path.count == 1 {
                copy[path[0]] = change(try #require(block[path[0]] as? [Int]))
            } else {
                var inner = try #require(block[path[0]] as? [String: Any])
                inner[path[1]] = change(try #require(inner[path[1]] as? [Int]))
                copy[path[0]] = inner
            }
            return copy
        }
        let damages: [(String, [String: Any])] = [
            ("a short column", try damaged(["sizes"]) { Array($0.dropLast()) }),
            ("a centroid longer than its terms", try damaged(["centroids", "lengths"]) { [$0[0] + 1] + $0.dropFirst() }),
            ("a negative headline length", try damaged(["headlines", "lengths"]) { [-1] + $0.dropFirst() }),
            ("an undated story past the block", try damaged(["undated"]) { $0 + [999] }),
        ]
        for (key, damagedBlock) in damages {
            var damagedIndex = object
            damagedIndex["storyBlocks"] = [damagedBlock]
            let data = try JSONSerialization.data(withJSONObject: damagedIndex)
            #expect(throws: DecodingError.self, "\(key)") { try JSONDecoder().decode(StoryIndex.self, from: data) }
        }
    }

    @Test func aDamagedPostingIsADecodingErrorNotACrash() throws {
        var generator = Generator(state: 29)
        let (index, _) = index(&generator, count: 5)
        var object = try #require(
            JSONSerialization.jsonObject(with: JSONEncoder().encode(index)) as? [String: Any])
        var postings = try #require(object["postingStory"] as? [Int])
        postings[0] = 999
        object["postingStory"] = postings
        let damaged = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(StoryIndex.self, from: damaged) }
    }

    @Test func insertingKeepsTheChainsAQueryWouldHaveWalked() {
        var generator = Generator(state: 31)
        let hasher = MinHasher()
        var lsh = LSHIndex()
        var containment = ContainmentIndex()
        // Variants of eight texts (three words changed), so that many share bands and samples.
        let originals = (0..<8).map { _ in (0..<60).map { _ in generator.next() } }
        var found = 0
        for _ in 0..<300 {
            var words = originals[Int(generator.next() % 8)]
            for _ in 0..<3 { words[Int(generator.next() % 60)] = generator.next() }
            let shingles = Shingler().shingles(ofWords: words)
            let signature = hasher.signature(of: shingles)
            let samples = containment.samples(of: shingles)
            let expectedCandidates = lsh.candidates(of: signature)
            let expectedMatches = containment.matches(of: samples)
            found += expectedCandidates.count + expectedMatches.count
            #expect(lsh.candidates(from: lsh.insertKeepingChains(signature), of: signature) == expectedCandidates)
            #expect(containment.matches(from: containment.insertKeepingChains(samples: samples)) == expectedMatches)
        }
        #expect(lsh.count == 300 && containment.count == 300)
        #expect(found > 1000)
    }

    @Test func containmentMatchesComeOldestFirst() {
        var index = ContainmentIndex(sampling: 1)
        let samples: [UInt64] = [1, 2, 3, 4, 5, 6]
        for _ in 0..<5 { index.insert(samples: samples) }
        let matches = index.matches(of: samples)
        #expect(matches.map(\.entry) == [0, 1, 2, 3, 4])
        #expect(matches.allSatisfy { $0.shared == 6 && $0.queryInEntry == 1 })
    }

    @Test func eachSampleChainIsWalkedToItsOwnLimit() {
        var index = ContainmentIndex(sampling: 1, maxChain: 3)
        for _ in 0..<5 { index.insert(samples: [1, 2]) }
        for _ in 0..<2 { index.insert(samples: [3]) }
        // Samples 1 and 2 reach their three newest entries (4, 3, 2), sample 3 its two; entries
        // 0 and 1 lie past the limit.
        let matches = index.matches(of: [1, 2, 3])
        #expect(matches.map(\.entry) == [2, 3, 4, 5, 6])
        #expect(matches.map(\.shared) == [2, 2, 2, 1, 1])
        #expect(matches.map(\.entrySamples) == [2, 2, 2, 1, 1])
    }
}
