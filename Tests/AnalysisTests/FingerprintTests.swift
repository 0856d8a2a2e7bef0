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

    @Test func identicalTextsHaveIdenticalSignatures() {
        let hasher = MinHasher()
        let shingles = Shingler().shingles(of: article)
        #expect(hasher.signature(of: shingles) == hasher.signature(of: shingles))
        #expect(MinHasher.similarity(hasher.signature(of: shingles), hasher.signature(of: shingles)) == 1)
    }

    @Test func disjointTextsAreDissimilar() {
        let hasher = MinHasher()
        let a = hasher.signature(of: Shingler().shingles(of: article))
        let b = hasher.signature(of: Shingler().shingles(of: other))
        #expect(MinHasher.similarity(a, b) < 0.1)
    }

    @Test func lightEditsStaySimilar() {
        let hasher = MinHasher()
        let edited = article.replacingOccurrences(of: "Thursday", with: "Wednesday") + " Analysts agreed."
        let a = hasher.signature(of: Shingler().shingles(of: article))
        let b = hasher.signature(of: Shingler().shingles(of: edited))
        #expect(MinHasher.similarity(a, b) > 0.6)
    }

    @Test func shinglesIgnoreCaseAndPunctuation() {
        #expect(Shingler().shingles(of: "The Bank, raised RATES today!") == Shingler().shingles(of: "the bank raised rates today"))
    }

    @Test func shortTextsGiveOneShingle() {
        #expect(Shingler().shingles(of: "Breaking news").count == 1)
        #expect(Shingler().shingles(of: "").isEmpty)
    }

    @Test func signatureLengthIsThePermutationCount() {
        #expect(MinHasher(permutations: 64).signature(of: [1, 2, 3]).count == 64)
    }

    @Test func lshFindsNearDuplicatesOnly() {
        let hasher = MinHasher()
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

    @Test func tokenizerSplitsPossessivesAndKeepsUnicodeWords() {
        let tokens = StoryTokenizer.tokens(of: "Russia's Kraków déjà-vu")
        #expect(tokens.count == 5)
        #expect(tokens[0].hash == StableHash.hash("russia"))
        #expect(tokens[2].hash == StableHash.hash("kraków"))
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
}
