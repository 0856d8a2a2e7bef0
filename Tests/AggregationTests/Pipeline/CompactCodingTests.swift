import Analysis
import Foundation
import Testing

@testable import Aggregation

@Suite("Compact binary coding of the clustering index")
struct CompactCodingTests {
    struct Sample: Codable, Equatable {
        enum Mood: Codable, Equatable {
            case calm
            case stormy(force: Int, name: String?)
        }

        var title: String
        var missing: String?
        var present: Double?
        var flags: [Bool]
        var small: Int8
        var big: UInt64
        var negative: Int64
        var ratio: Float
        var signature: [UInt32]
        var postings: [Int32]
        var weights: [Float]
        var heads: [UInt64: Int32]
        var urls: [String: Int32]
        var names: [String]
        var nested: [[Int]]
        var moods: [Mood]
        var byName: [String: Double]
    }

    static let sample = Sample(
        title: "Cuba — “talks” 🌊", missing: nil, present: -0.5, flags: [true, false], small: -128, big: .max, negative: .min,
        ratio: 0.3, signature: [0, 1, .max, 123_456_789], postings: [-1, 0, .max, .min], weights: [0.25, -1e-30, 1e30],
        heads: [0: -1, .max: 7, 42: 0], urls: ["https://a.example/": 3, "": 0], names: ["", "é", "a b"], nested: [[], [1, -2], [.max]],
        moods: [.calm, .stormy(force: 9, name: nil), .stormy(force: -1, name: "Ida")], byName: ["pi": 3.14159, "e": 2.71828])

    @Test(arguments: [1, 7, 64, 1 << 20])
    func piecesJoinToTheWholeEncoding(pieceSize: Int) throws {
        var joined: [UInt8] = []
        var sizes: [Int] = []
        try CompactEncoder().encode(Self.sample, pieceSize: pieceSize) { piece in
            joined.append(contentsOf: piece)
            sizes.append(piece.count)
        }
        let whole = try CompactEncoder().encode(Self.sample)
        #expect(joined == whole)
        // Every piece is full but the last.
        #expect(sizes.dropLast().allSatisfy { $0 == pieceSize })
        #expect(sizes.count == (whole.count + pieceSize - 1) / pieceSize)
        #expect(try CompactDecoder().decode(Sample.self, from: joined) == Self.sample)
    }

    /// Decodes the one key it knows twice, checking what its containers say between.
    struct Greedy: Decodable {
        enum CodingKeys: String, CodingKey { case title, absent }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            _ = try container.decode(String.self, forKey: .title)
            #expect(container.contains(.title))
            #expect(!container.contains(.absent))
            // A second container of the same value sees the same fields, the taken one included.
            let again = try decoder.container(keyedBy: CodingKeys.self)
            #expect(again.contains(.title))
            _ = try again.decode(String.self, forKey: .title)
        }
    }

    @Test("each value is handed out once: a key stays a key once decoded, but decoding it again is an error")
    func valuesAreTakenOnce() throws {
        let bytes = try CompactEncoder().encode(Self.sample)
        #expect {
            _ = try CompactDecoder().decode(Greedy.self, from: bytes)
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, let context) = error else { return false }
            return key.stringValue == "title" && context.debugDescription == "'title' decoded twice"
        }
        // Elements of an array too: each one decoded once, in order, the rest still there.
        struct Pairs: Decodable {
            var first: [Int]
            var rest: [[Int]]
            init(from decoder: any Decoder) throws {
                var items = try decoder.unkeyedContainer()
                first = try items.decode([Int].self)
                var rest: [[Int]] = []
                while !items.isAtEnd { rest.append(try items.decode([Int].self)) }
                self.rest = rest
            }
        }
        let pairs = try CompactDecoder().decode(Pairs.self, from: try CompactEncoder().encode([[1], [2, 3], [4]]))
        #expect(pairs.first == [1])
        #expect(pairs.rest == [[2, 3], [4]])
    }

    @Test func theFirstErrorOfTheReceiverStopsThePiecesAndIsThrown() throws {
        struct Full: Error {}
        var received = 0
        #expect(throws: Full.self) {
            try CompactEncoder().encode(Self.sample, pieceSize: 8) { _ in
                received += 1
                if received == 2 { throw Full() }
            }
        }
        #expect(received == 2)
    }

    @Test func everyKindOfValueRoundTrips() throws {
        let bytes = try CompactEncoder().encode(Self.sample)
        #expect(try CompactDecoder().decode(Sample.self, from: bytes) == Self.sample)
        // Numbers in blocks, not one JSON token each: smaller than JSON.
        #expect(bytes.count < (try JSONEncoder().encode(Self.sample)).count)
    }

    @Test func theEncoderWritesTheFormatsBytes() throws {
        // Worked out by hand from the format: magic "TRBC" and version 1; an object (tag 9) of
        // 2 fields; "a" (length 1) an int (tag 3) -1, zigzag 1; "b" a block of UInt32 (tag 11)
        // of 1 element, 2 in little-endian; the absent optional is left out.
        struct Tiny: Encodable {
            var a: Int32 = -1
            var b: [UInt32] = [2]
            var c: String?
        }
        let expected: [UInt8] = [0x54, 0x52, 0x42, 0x43, 1, 9, 2, 1, 0x61, 3, 1, 1, 0x62, 11, 1, 2, 0, 0, 0]
        #expect(try CompactEncoder().encode(Tiny()) == expected)
        // A value with no fields at all is an empty object.
        struct Nothing: Encodable {
            func encode(to encoder: any Encoder) throws {}
        }
        #expect(try CompactEncoder().encode(Nothing()) == CompactFormat.magic + [9, 0])
    }

    @Test func theBytesAreTheFormatsOwnWritingOfTheirValues() throws {
        for value in [
            Self.sample,
            Sample(
                title: "", missing: "x", present: nil, flags: [], small: 0, big: 0, negative: 0, ratio: 0, signature: [], postings: [], weights: [],
                heads: [:], urls: [:], names: [], nested: [], moods: [], byName: [:]),
        ] {
            let bytes = try CompactEncoder().encode(value)
            // Read back into values and written again by the format's own writer: the same bytes.
            #expect(CompactFormat.bytes(of: try CompactFormat.value(from: bytes)) == bytes)
            #expect(bytes.capacity < bytes.count + 64, "one allocation of the counted size")
        }
    }

    @Test func entriesOutOfOrderAreAnErrorNotWrongBytes() throws {
        // Two nested containers filled in turns: the format, which counts entries up front,
        // cannot be written as it goes.
        struct Interleaved: Encodable {
            enum Keys: String, CodingKey { case first, second }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                var first = container.nestedUnkeyedContainer(forKey: .first)
                var second = container.nestedUnkeyedContainer(forKey: .second)
                try first.encode(1)
                try second.encode(2)
                try first.encode(3)
            }
        }
        #expect(throws: CompactEncodingError.self) { try CompactEncoder().encode(Interleaved()) }
        struct Super: Encodable {
            enum Keys: String, CodingKey { case value }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(1, forKey: .value)
                _ = container.superEncoder()
            }
        }
        #expect(throws: CompactEncodingError.self) { try CompactEncoder().encode(Super()) }
    }

    @Test func aClusteringIndexRoundTripsAndKeepsClustering() throws {
        var clusterer = StoryClusterer()
        let texts = [
            "Cuba and Russia sign an energy deal in Havana as Lavrov visits the island for talks on oil.",
            "Lavrov visits Havana: Cuba and Russia sign an energy deal on oil during the minister's talks.",
            "Floods in Valencia leave thousands without power after record rain across eastern Spain.",
        ]
        for (index, text) in texts.enumerated() {
            _ = clusterer.add(ClusterArticle(id: "a\(index)", url: "https://n\(index).example/story", title: String(text.prefix(40)), text: text))
        }
        let bytes = try CompactEncoder().encode(clusterer.snapshot)
        let decoded = try CompactDecoder().decode(StorySnapshot.self, from: bytes)
        let viaJSON = try JSONDecoder().decode(StorySnapshot.self, from: try JSONEncoder().encode(clusterer.snapshot))
        #expect(decoded.articleIDs == ["a0", "a1", "a2"])
        #expect(decoded.articleIDs == viaJSON.articleIDs && decoded.articleStory == viaJSON.articleStory)
        #expect(decoded.urls == viaJSON.urls && decoded.contents == viaJSON.contents && decoded.settings == viaJSON.settings)
        // Restored either way (JSON is how stores were written before), the index goes on
        // deciding exactly as the original: copies, the same story, new stories.
        var fromCompact = StoryClusterer(snapshot: decoded)
        var fromJSON = StoryClusterer(snapshot: viaJSON)
        let next = [
            ClusterArticle(id: "a3", url: "https://n3.example/copy", title: "Cuba and Russia sign", text: texts[0]),
            ClusterArticle(id: "a4", url: "https://n4.example/x", title: "Valencia floods", text: texts[2] + " Rescuers search homes."),
            ClusterArticle(id: "a5", url: "https://n5.example/y", title: "Chess", text: "A chess prodigy wins the world title in Singapore."),
        ]
        for article in next {
            let expected = clusterer.add(article)
            #expect(fromCompact.add(article) == expected)
            #expect(fromJSON.add(article) == expected)
        }
        let sizes = (compact: try CompactEncoder().encode(clusterer.snapshot).count, json: try JSONEncoder().encode(clusterer.snapshot).count)
        #expect(sizes.compact * 3 < sizes.json * 2, "\(sizes)")
    }

    /// A snapshot as saved when `urls` held the canonical URLs themselves.
    struct EarlierSnapshot: Encodable {
        var snapshot: StorySnapshot
        var urls: [String: Int32]

        enum CodingKeys: String, CodingKey {
            case settings, articleIDs, articleStory, urls, contents, lsh, containment, statistics, stories
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(snapshot.settings, forKey: .settings)
            try container.encode(snapshot.articleIDs, forKey: .articleIDs)
            try container.encode(snapshot.articleStory, forKey: .articleStory)
            try container.encode(urls, forKey: .urls)
            try container.encode(snapshot.contents, forKey: .contents)
            try container.encode(snapshot.lsh, forKey: .lsh)
            try container.encode(snapshot.containment, forKey: .containment)
            try container.encode(snapshot.statistics, forKey: .statistics)
            try container.encode(snapshot.stories, forKey: .stories)
        }
    }

    /// An index saved before terms kept 32 bits (it has no mark, and the oldest ones hold the
    /// URLs themselves) is not read, in either format: its statistics and vectors do not match
    /// the terms of new articles, so a store rebuilds it from the stored articles.
    @Test func anIndexSavedWithSixtyFourBitTermsIsNotRead() throws {
        var clusterer = StoryClusterer()
        let texts = ["Cuba and Russia sign an energy deal in Havana.", "Floods in Valencia leave thousands without power."]
        for (index, text) in texts.enumerated() {
            _ = clusterer.add(ClusterArticle(id: "a\(index)", url: "https://news.example/Story-\(index)", title: nil, text: text))
        }
        let earlier = EarlierSnapshot(snapshot: clusterer.snapshot, urls: ["https://news.example/Story-0": 0, "https://news.example/Story-1": 1])
        #expect(throws: DecodingError.self) { try CompactDecoder().decode(StorySnapshot.self, from: try CompactEncoder().encode(earlier)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(StorySnapshot.self, from: try JSONEncoder().encode(earlier)) }
        #expect(Self.deskSnapshot(try CompactEncoder().encode(earlier), pieceSize: 4096) == nil)
        // The index saved now reads back.
        let now = try CompactDecoder().decode(StorySnapshot.self, from: try CompactEncoder().encode(clusterer.snapshot))
        #expect(now.articleIDs == ["a0", "a1"])
        #expect(now.urls == clusterer.snapshot.urls)
    }

    /// The desk reads the compact form in pieces of any size; JSON (what early stores saved)
    /// and anything else is not read, so the index is rebuilt.
    @Test func theDeskReadsTheCompactFormatOnly() throws {
        var clusterer = StoryClusterer()
        _ = clusterer.add(ClusterArticle(id: "a0", url: nil, title: "One", text: "Cuba and Russia sign an energy deal in Havana."))
        let compact = try CompactEncoder().encode(clusterer.snapshot)
        do { _ = try CompactDecoder().decode(StorySnapshot.self, from: compact) } catch { Issue.record("\(error)") }
        let json = Array(try JSONEncoder().encode(clusterer.snapshot))
        for pieceSize in [1, 5, 4096] {
            #expect(Self.deskSnapshot(compact, pieceSize: pieceSize)?.articleIDs == ["a0"])
            #expect(Self.deskSnapshot(json, pieceSize: pieceSize) == nil)
            #expect(Self.deskSnapshot(Array("not an index".utf8), pieceSize: pieceSize) == nil)
        }
        #expect(Self.deskSnapshot([], pieceSize: 1) == nil)
    }

    /// The desk's reading of `bytes` handed over in pieces of `pieceSize`, with empty pieces between.
    static func deskSnapshot(_ bytes: [UInt8], pieceSize: Int) -> StorySnapshot? {
        var pieces = Self.pieces(of: bytes, size: pieceSize)
        return StoryDesk.snapshot(size: bytes.count) { pieces.isEmpty ? nil : pieces.removeFirst() }
    }

    static func pieces(of bytes: [UInt8], size: Int) -> [[UInt8]] {
        stride(from: 0, to: bytes.count, by: size).flatMap { start in [Array(bytes[start..<min(bytes.count, start + size)]), []] }
    }

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
    func valuesReadInPiecesAreTheValuesReadWhole(pieceSize: Int) throws {
        let bytes = try CompactEncoder().encode(Self.sample)
        var pieces = Self.pieces(of: bytes, size: pieceSize)
        let decoded = try CompactDecoder().decode(Sample.self, size: bytes.count) { pieces.isEmpty ? nil : pieces.removeFirst() }
        #expect(decoded == Self.sample)
        // Bytes cut short, or with more after the end, fail in pieces as they do whole.
        var short = Self.pieces(of: Array(bytes.dropLast(3)), size: pieceSize)
        #expect(throws: (any Error).self) {
            try CompactDecoder().decode(Sample.self, size: bytes.count - 3) { short.isEmpty ? nil : short.removeFirst() }
        }
        var long = Self.pieces(of: bytes + [0], size: pieceSize)
        #expect(throws: (any Error).self) {
            try CompactDecoder().decode(Sample.self, size: bytes.count + 1) { long.isEmpty ? nil : long.removeFirst() }
        }
    }

    @Test func anErrorOfThePieceSourceIsAFailureOfTheRead() throws {
        struct Gone: Error {}
        let bytes = try CompactEncoder().encode(Self.sample)
        var handed = 0
        #expect(throws: CompactFormat.Failure.self) {
            try CompactDecoder().decode(Sample.self, size: bytes.count) {
                handed += 1
                if handed == 2 { throw Gone() }
                return Array(bytes.prefix(10))
            }
        }
    }

    /// Indexes saved before `HashTable` held their heads and counts as `[UInt64: Int32]`.
    struct HeadsBefore: Codable {
        var heads: [UInt64: Int32]
    }

    struct HeadsNow: Codable {
        var heads: HashTable
    }

    @Test func headsSavedAsDictionariesStillLoad() throws {
        let before = HeadsBefore(heads: [0: -1, .max: 7, 42: 0])
        let expected: [(UInt64, Int32)] = [(0, -1), (.max, 7), (42, 0)]
        let compact = try CompactDecoder().decode(HeadsNow.self, from: try CompactEncoder().encode(before))
        #expect(compact.heads == HashTable(expected))
        let json = try JSONDecoder().decode(HeadsNow.self, from: try JSONEncoder().encode(before))
        #expect(json.heads == HashTable(expected))
        // And the current form round-trips in the compact format.
        let now = try CompactDecoder().decode(HeadsNow.self, from: try CompactEncoder().encode(compact))
        #expect(now.heads == compact.heads)
    }

    @Test func damagedBytesThrowAndNeverCrash() throws {
        let bytes = try CompactEncoder().encode(Self.sample)
        #expect(throws: (any Error).self) { try CompactDecoder().decode(Sample.self, from: Array(bytes.dropLast())) }
        #expect(throws: (any Error).self) { try CompactDecoder().decode(Sample.self, from: bytes + [0]) }
        #expect(throws: (any Error).self) { try CompactDecoder().decode(Sample.self, from: Array(bytes.prefix(5))) }
        #expect(throws: (any Error).self) { try CompactDecoder().decode(Int.self, from: bytes) }
        // Every truncation and every single-byte change either throws or decodes to some value.
        var generator = SystemRandomNumberGenerator()
        for length in stride(from: 0, to: bytes.count, by: 3) {
            _ = try? CompactDecoder().decode(Sample.self, from: Array(bytes.prefix(length)))
        }
        for _ in 0..<300 {
            var damaged = bytes
            damaged[Int.random(in: 5..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            _ = try? CompactDecoder().decode(Sample.self, from: damaged)
        }
    }
}

extension JSONEncoder {
    fileprivate static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}
