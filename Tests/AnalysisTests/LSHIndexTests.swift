import Foundation
import Testing

@testable import Analysis

/// The MinHash band index: keyless bucket tables must give exactly the candidates of a table
/// keyed by band value.
@Suite("MinHash band index")
struct LSHIndexTests {
    /// Signatures of `bands` × 2 rows whose values come from a small alphabet, so that many
    /// entries agree on bands and the 256 buckets of a band hold several band values.
    static func signatures(count: Int, bands: Int, seed: UInt64, alphabet: UInt64 = 5) -> [[UInt32]] {
        var generator = StoryIndexTests.Generator(state: seed)
        return (0..<count).map { _ in (0..<bands * 2).map { _ in UInt32(generator.next() % alphabet) } }
    }

    /// The candidates by their definition: per band, the newest entries agreeing on all its
    /// rows, at most `maxChain` of them; in band order, without repeats.
    static func expected(_ query: [UInt32], in stored: [[UInt32]], bands: Int, maxChain: Int) -> [Int] {
        var result: [Int] = []
        for band in 0..<bands {
            let rows = (band * 2)..<(band * 2 + 2)
            let agreeing = stored.indices.reversed().filter { stored[$0][rows] == query[rows] }
            for entry in agreeing.prefix(maxChain) where !result.contains(entry) { result.append(entry) }
        }
        return result
    }

    /// Alphabet 5: 25 values a band, long chains, capped. Alphabet 40: 1,600 values a band for
    /// 1,024 buckets, so most buckets hold several values.
    @Test(arguments: [5, 40] as [UInt64])
    func candidatesAreThoseOfTheBandValues(alphabet: UInt64) {
        let bands = 6
        let stored = Self.signatures(count: 700, bands: bands, seed: 41, alphabet: alphabet)
        var index = LSHIndex(bands: bands, rows: 2, maxChain: 5)
        for signature in stored { index.insert(signature) }
        var found = 0
        for query in Self.signatures(count: 30, bands: bands, seed: 43, alphabet: alphabet) + stored.prefix(30) {
            let candidates = index.candidates(of: query)
            #expect(candidates == Self.expected(query, in: stored, bands: bands, maxChain: 5))
            found += candidates.count
        }
        #expect(found > 60)
    }

    @Test func theChainsBeforeAnInsertGiveTheCandidatesBeforeIt() {
        let bands = 4
        let stored = Self.signatures(count: 400, bands: bands, seed: 47)
        var index = LSHIndex(bands: bands, rows: 2, maxChain: 8)
        for (entry, signature) in stored.enumerated() {
            let firsts = index.insertKeepingChains(signature)
            let expected = Self.expected(signature, in: Array(stored.prefix(entry)), bands: bands, maxChain: 8)
            #expect(index.candidates(from: firsts, of: signature) == expected)
        }
    }

    @Test func aDecodedIndexRebuildsItsChainsFromTheSignatures() throws {
        let bands = 5
        let stored = Self.signatures(count: 300, bands: bands, seed: 53)
        var index = LSHIndex(bands: bands, rows: 2, maxChain: 6)
        for signature in stored { index.insert(signature) }
        let encoded = try JSONEncoder().encode(index)
        let decoded = try JSONDecoder().decode(LSHIndex.self, from: encoded)
        // An index saved by an earlier version also held its chains: they are read past.
        var earlier = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        earlier["heads"] = ["keys": [1, 2], "values": [0, 1]]
        earlier["next"] = [-1, 0]
        let fromEarlier = try JSONDecoder().decode(LSHIndex.self, from: JSONSerialization.data(withJSONObject: earlier))
        for query in Self.signatures(count: 20, bands: bands, seed: 59) {
            #expect(decoded.candidates(of: query) == index.candidates(of: query))
            #expect(fromEarlier.candidates(of: query) == index.candidates(of: query))
        }
        #expect(decoded.count == 300 && fromEarlier.count == 300)
        // Signatures that do not fill whole entries are an error, not a crash.
        var damaged = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        for blocks in [[[1, 2, 3]], [[1, 2, 3] + Array(repeating: 0, count: 750)], [[Int]]()] {
            damaged["signatureBlocks"] = blocks
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode(LSHIndex.self, from: JSONSerialization.data(withJSONObject: damaged))
            }
        }
    }

    /// Signatures are kept as their values' low 16 bits, saved two to a number; an index saved
    /// with whole 32-bit values reads as the one built from the same signatures now.
    @Test func signaturesKeepTheirLow16BitsAndEarlierWholeValuesReadTheSame() throws {
        let bands = 3
        var generator = StoryIndexTests.Generator(state: 61)
        // Values above 16 bits, and an odd number of them a signature (3 bands of 3 rows).
        let stored = (0..<200).map { _ in (0..<bands * 3).map { _ in UInt32(truncatingIfNeeded: generator.next()) } }
        var index = LSHIndex(bands: bands, rows: 3, maxChain: 8)
        for signature in stored { index.insert(signature) }
        #expect(index.signature(at: 7) == stored[7].map { UInt16(truncatingIfNeeded: $0) })
        // Only the high bits differ: the same signature, as far as the index can tell.
        let query = stored[7].map { $0 ^ 0xABCD_0000 }
        #expect(index.similarity(of: query, to: 7) == 1)
        #expect(index.candidates(of: query).first == 7)

        let encoded = try JSONEncoder().encode(index)
        let json = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        let blocks = try #require(json["signatureBlocks"] as? [[Int]])
        #expect(blocks.count == 1 && blocks[0].count == (200 * 9 + 1) / 2)
        #expect(blocks[0][0] == Int(stored[0][0] & 0xFFFF) | Int(stored[0][1] & 0xFFFF) << 16)
        let decoded = try JSONDecoder().decode(LSHIndex.self, from: encoded)
        // Saved before the blocks: the pairs as one array, or whole 32-bit values.
        var oneArray = json
        oneArray["signatureBlocks"] = nil
        oneArray["signatures16"] = blocks[0]
        var whole = oneArray
        whole["signatures16"] = nil
        whole["count"] = nil
        whole["signatures"] = stored.flatMap { $0 }
        let earlier = try [oneArray, whole].map {
            try JSONDecoder().decode(LSHIndex.self, from: JSONSerialization.data(withJSONObject: $0))
        }
        for read in [decoded] + earlier {
            for entry in [0, 99, 199] { #expect(read.signature(at: entry) == index.signature(at: entry)) }
            for query in stored.prefix(20) { #expect(read.candidates(of: query) == index.candidates(of: query)) }
        }
    }

    /// Signatures are saved a block of pairs at a time, never as one array of them all; a
    /// signature may begin in one block and end in the next, and reads back whole.
    @Test func signaturesAreSavedInBlocksAndReadBackAcrossThem() throws {
        let bands = 3
        var generator = StoryIndexTests.Generator(state: 67)
        let count = LSHIndex.pairsPerBlock * 2 / 9 + 5
        let stored = (0..<count).map { _ in (0..<bands * 3).map { _ in UInt32(truncatingIfNeeded: generator.next()) } }
        var index = LSHIndex(bands: bands, rows: 3, maxChain: 8)
        for signature in stored { index.insert(signature) }
        let encoded = try JSONEncoder().encode(index)
        let json = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        let blocks = try #require(json["signatureBlocks"] as? [[Int]])
        #expect(blocks.map(\.count) == [LSHIndex.pairsPerBlock, (count * 9 + 1) / 2 - LSHIndex.pairsPerBlock])
        let decoded = try JSONDecoder().decode(LSHIndex.self, from: encoded)
        #expect(decoded.count == count)
        // The signature that straddles the blocks, and the last one.
        let straddling = LSHIndex.pairsPerBlock * 2 / 9
        for entry in [0, straddling, count - 1] {
            #expect(decoded.signature(at: entry) == stored[entry].map { UInt16(truncatingIfNeeded: $0) })
            #expect(decoded.candidates(of: stored[entry]) == index.candidates(of: stored[entry]))
        }
    }

    /// Texts without shingles get a placeholder signature (every value `.max`); such entries join
    /// no bucket, in the index as built and as read back, and a walk never passes them.
    @Test func placeholderSignaturesJoinNoBucket() throws {
        let bands = 4
        let placeholder = [UInt32](repeating: .max, count: bands * 2)
        let real = Self.signatures(count: 40, bands: bands, seed: 71, alphabet: 3)
        // Placeholders first, so that a walk of a real value sharing their bucket would meet
        // every one of them before the real entries; the walk may pass at most 16 × maxChain.
        var stored = [[UInt32]](repeating: placeholder, count: 500)
        stored += real
        var index = LSHIndex(bands: bands, rows: 2, maxChain: 3)
        var firsts: [[Int32]] = []
        for signature in stored { firsts.append(index.insertKeepingChains(signature)) }
        #expect(firsts.prefix(500).allSatisfy { $0.allSatisfy { $0 == -1 } })
        #expect(index.candidates(of: placeholder).isEmpty)
        let realEntries = Array(stored.indices.dropFirst(500))
        let decoded = try JSONDecoder().decode(LSHIndex.self, from: JSONEncoder().encode(index))
        for query in real.prefix(10) {
            let expected = Self.expected(query, in: real, bands: bands, maxChain: 3).map { realEntries[$0] }
            #expect(index.candidates(of: query) == expected)
            #expect(decoded.candidates(of: query) == expected)
        }
        #expect(decoded.candidates(of: placeholder).isEmpty)
        #expect(decoded.signature(at: 0) == placeholder.map(LSHIndex.kept))
    }
}
