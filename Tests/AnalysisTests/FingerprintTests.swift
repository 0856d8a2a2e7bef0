import Foundation
import Testing

@testable import Analysis

@Suite struct FingerprintTests {
    let article = """
        The central bank raised interest rates by a quarter of a percentage point on Thursday, \
        its third increase this year, as inflation stayed well above its target. Officials said \
        further rises were possible if prices kept climbing through the winter months, and markets \
        fell sharply after the announcement while the currency gained against the dollar.
        """
    let other = """
        A rare orchid has been found growing wild on a hillside in northern Scotland for the first \
        time in more than a century, botanists said, after a walker spotted its purple flowers and \
        sent photographs to the national herbarium for identification last spring.
        """

    @Test(arguments: MinHashScheme.allCases)
    func identicalTextsHaveIdenticalSignatures(scheme: MinHashScheme) {
        let hasher = MinHasher(scheme: scheme)
        let shingles = Shingler().shingles(of: article)
        #expect(hasher.signature(of: shingles) == hasher.signature(of: shingles))
        #expect(hasher.signature(of: shingles) == hasher.signature(of: shingles.reversed()))
        #expect(MinHasher.similarity(hasher.signature(of: shingles), hasher.signature(of: shingles)) == 1)
    }

    @Test(arguments: MinHashScheme.allCases)
    func disjointTextsAreDissimilar(scheme: MinHashScheme) {
        let hasher = MinHasher(scheme: scheme)
        let a = hasher.signature(of: Shingler().shingles(of: article))
        let b = hasher.signature(of: Shingler().shingles(of: other))
        #expect(MinHasher.similarity(a, b) < 0.1)
    }

    @Test(arguments: MinHashScheme.allCases)
    func lightEditsStaySimilar(scheme: MinHashScheme) {
        let hasher = MinHasher(scheme: scheme)
        let edited = article.replacingOccurrences(of: "Thursday", with: "Wednesday") + " Analysts agreed."
        let a = hasher.signature(of: Shingler().shingles(of: article))
        let b = hasher.signature(of: Shingler().shingles(of: edited))
        #expect(MinHasher.similarity(a, b) > 0.6)
    }

    @Test func schemesDrawDifferentSignatures() {
        let shingles = Shingler().shingles(of: article)
        #expect(MinHasher(scheme: .permutations).signature(of: shingles) != MinHasher(scheme: .onePermutation).signature(of: shingles))
    }

    /// One hash per shingle: estimates close to the true resemblance, with every bin filled
    /// even when there are fewer shingles than bins.
    @Test func onePermutationEstimatesResemblance() {
        let hasher = MinHasher(scheme: .onePermutation)
        let base = (0..<400).map { StableHash.mix(UInt64($0)) }
        // 300 shared of 500 in the union: resemblance 0.6.
        let a = Array(base[0..<400])
        let b = Array(base[100..<400]) + (1000..<1100).map { StableHash.mix(UInt64($0)) }
        let estimate = MinHasher.similarity(hasher.signature(of: a), hasher.signature(of: b))
        #expect(abs(estimate - 0.6) < 0.12, "\(estimate)")

        let few = Array(base[0..<5])
        let signature = hasher.signature(of: few)
        #expect(!signature.contains(.max))
        #expect(Set(signature).count <= 5)
        #expect(hasher.signature(of: []) == [UInt32](repeating: .max, count: 128))
    }

    @Test func shinglesIgnoreCaseAndPunctuation() {
        #expect(Shingler().shingles(of: "The Bank, raised RATES today!") == Shingler().shingles(of: "the bank raised rates today"))
    }

    @Test func shortTextsGiveOneShingle() {
        #expect(Shingler().shingles(of: "Breaking news").count == 1)
        #expect(Shingler().shingles(of: "").isEmpty)
    }

    @Test(arguments: MinHashScheme.allCases)
    func signatureLengthIsThePermutationCount(scheme: MinHashScheme) {
        #expect(MinHasher(permutations: 64, scheme: scheme).signature(of: [1, 2, 3]).count == 64)
        #expect(MinHasher(permutations: 100, scheme: scheme).signature(of: [1, 2, 3]).count == 100)
    }

    @Test(arguments: MinHashScheme.allCases)
    func lshFindsNearDuplicatesOnly(scheme: MinHashScheme) {
        let hasher = MinHasher(scheme: scheme)
        var index = LSHIndex()
        index.insert(hasher.signature(of: Shingler().shingles(of: article)))
        index.insert(hasher.signature(of: Shingler().shingles(of: other)))
        let query = hasher.signature(of: Shingler().shingles(of: article + " Reporting by staff."))
        #expect(index.candidates(of: query) == [0])
    }

    @Test func containmentFindsTheTeaser() throws {
        var index = ContainmentIndex()
        let full = Shingler().shingles(of: article + "\n" + other)
        index.insert(samples: index.samples(of: full))
        let teaser = index.samples(of: Shingler().shingles(of: article))
        let match = try #require(index.matches(of: teaser).first)
        #expect(match.entry == 0)
        #expect(match.queryInEntry == 1)
        #expect(match.entryInQuery < 0.8)
    }

    /// The containment index reads back as it was saved (its postings in blocks of (entry, link)
    /// pairs) and as it was saved before (entries and links as two arrays); a posting naming an
    /// entry the index does not hold, or a chain starting past the postings, is an error, not a
    /// crash later.
    @Test func containmentIndexReadsBackAndRejectsPostingsOutOfRange() throws {
        var index = ContainmentIndex()
        let full = Shingler().shingles(of: article + "\n" + other)
        index.insert(samples: index.samples(of: full))
        index.insert(samples: index.samples(of: Shingler().shingles(of: other)))
        let teaser = index.samples(of: Shingler().shingles(of: article))
        let encoded = try JSONEncoder().encode(index)
        let decoded = try JSONDecoder().decode(ContainmentIndex.self, from: encoded)
        #expect(decoded.count == 2)
        #expect(decoded.matches(of: teaser) == index.matches(of: teaser))
        #expect(decoded.matches(of: index.samples(of: full)).map(\.entry) == [0, 1])

        // Saved before the blocks: entries and links as two arrays.
        let json = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        let pairs = try #require(json["postingBlocks"] as? [[Int]]).flatMap { $0 }
        #expect(pairs.count == 2 * (index.samples(of: full).count + index.samples(of: Shingler().shingles(of: other)).count))
        var earlier = json
        earlier["postingBlocks"] = nil
        earlier["postingEntry"] = stride(from: 0, to: pairs.count, by: 2).map { pairs[$0] }
        earlier["postingNext"] = stride(from: 1, to: pairs.count, by: 2).map { pairs[$0] }
        let fromEarlier = try JSONDecoder().decode(ContainmentIndex.self, from: JSONSerialization.data(withJSONObject: earlier))
        #expect(fromEarlier.matches(of: teaser) == index.matches(of: teaser))
        #expect(fromEarlier.matches(of: index.samples(of: full)).map(\.entry) == [0, 1])

        // An entry out of range, a link forward, half a pair: errors, in either form.
        var damagedEntry = pairs
        damagedEntry[pairs.count - 2] = 2
        var damagedLink = pairs
        damagedLink[1] = 0
        for damagedPairs in [damagedEntry, damagedLink, Array(pairs.dropLast())] {
            var damaged = json
            damaged["postingBlocks"] = [damagedPairs]
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode(ContainmentIndex.self, from: JSONSerialization.data(withJSONObject: damaged))
            }
        }
        var damaged = earlier
        var entries = try #require(earlier["postingEntry"] as? [Int])
        entries[entries.count - 1] = 2
        damaged["postingEntry"] = entries
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ContainmentIndex.self, from: JSONSerialization.data(withJSONObject: damaged))
        }
        // A sample whose chain starts past the postings.
        var damagedHeads = json
        var heads = try #require(json["heads"] as? [String: Any])
        var values = try #require(heads["values"] as? [Int])
        values[0] = pairs.count / 2
        heads["values"] = values
        damagedHeads["heads"] = heads
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ContainmentIndex.self, from: JSONSerialization.data(withJSONObject: damagedHeads))
        }
    }

    @Test func tokenizerSplitsPossessivesAndKeepsUnicodeWords() {
        let tokens = StoryTokenizer.tokens(of: "Russia's Kraków déjà-vu")
        #expect(tokens.count == 5)
        #expect(tokens[0].hash == StableHash.hash("russia"))
        #expect(tokens[2].hash == StableHash.hash("kraków"))
    }

    /// The tokenizer reads UTF-8 bytes; the words and flags are those of the text's scalars.
    @Test func tokenizerReadsEveryUTF8LengthAsScalars() {
        let text = "Ünïcödé café — 𝒳-ray naïve 東京 Ελλάδα. Привет! 42nd «quoted» x\u{0301}y 🌊wave İstanbul ǅemal"
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if StoryTokenizer.isWordScalar(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        let tokens = StoryTokenizer.tokens(of: text)
        #expect(tokens.map(\.hash) == words.map(StableHash.hash))
        #expect(tokens.map(\.length) == words.map(\.unicodeScalars.count))
        #expect(tokens.map(\.isCapitalized) == words.map { StoryTokenizer.isUppercase($0.unicodeScalars.first!) })
        #expect(tokens.filter(\.isSentenceInitial).count == 3)  // Ünïcödé, Привет, 42nd
        #expect(StoryTokenizer.tokens(of: text, limit: 4).map(\.hash) == words.prefix(4).map(StableHash.hash))
    }

    @Test func stableHashIsCaseInsensitive() {
        #expect(StableHash.hash("Havana") == StableHash.hash("HAVANA"))
        #expect(StableHash.hash("Havana") != StableHash.hash("Moscow"))
    }

    @Test func termVectorCosine() {
        let a = TermVector([1: 1, 2: 1]).normalized()
        let b = TermVector([2: 1, 3: 1]).normalized()
        #expect(abs(a.dot(a) - 1) < 1e-6)
        #expect(abs(a.dot(b) - 0.5) < 1e-6)
        #expect(a.adding(b, limit: 2).terms.count == 2)
    }

    @Test func termVectorsKeepThirtyTwoBitTerms() throws {
        // Keys equal in their low 32 bits are one term, their weights summed.
        let merged = TermVector([0x1_0000_0005: 1, 5: 2, 7: 1])
        #expect(merged.terms == [5, 7])
        #expect(merged.weights == [3, 1])
        #expect(try JSONDecoder().decode(TermVector.self, from: JSONEncoder().encode(merged)) == merged)
        // Saved vectors of 64-bit terms, unsorted terms or columns of different lengths are errors.
        for json in [#"{"terms":[4294967296],"weights":[1]}"#, #"{"terms":[7,5],"weights":[1,1]}"#, #"{"terms":[5],"weights":[1,2]}"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(TermVector.self, from: Data(json.utf8)) }
        }
        // A lead's terms are 32 bits of its words' hashes, the same in its vector and statistics.
        var statistics = TermStatistics()
        let lead = StoryLead(title: "Havana talks", text: "Officials met in Havana on Monday.", leadWords: 100, entityWeight: 2)
        statistics.observe(distinct: lead.distinct.map(\.term))
        let vector = lead.vector(statistics: statistics)
        #expect(vector.terms.contains(StableHash.hash("havana") & 0xFFFF_FFFF))
        #expect(vector.terms.allSatisfy { statistics.documentFrequency(of: $0) == 1 })
    }
}
