import LibXML
import Testing

@Suite("Substring search over bytes")
struct ByteSearchTests {
    @Test func findsTheFirstOrTheLastPlace() {
        let haystack = Array("abcabcab".utf8)
        let needle = Array("cab".utf8)
        haystack.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                #expect(ByteSearch.index(of: needle, in: haystack) == 2)
                #expect(ByteSearch.index(of: needle, in: haystack, backwards: true) == 5)
            }
        }
    }

    @Test func emptyAndOverlongNeedles() {
        #expect(ByteSearch.contains([1, 2, 3], []))
        #expect(!ByteSearch.contains([1, 2], [1, 2, 3]))
        #expect(!ByteSearch.contains([], [1]))
        let empty: [UInt8] = []
        empty.withUnsafeBufferPointer { none in
            #expect(ByteSearch.index(of: none, in: none) == nil)
        }
    }

    @Test func aFalseStartDoesNotHideTheMatch() {
        #expect(ByteSearch.contains("http://backend.userland.co/backend.userland.com/rss2", "backend.userland.com/rss"))
        #expect(!ByteSearch.contains("http://backend.userland.com/rs", "backend.userland.com/rss"))
        #expect(ByteSearch.contains("ab", "ab"))
    }

    @Test func rangesFallBetweenCharacters() throws {
        let text = "Zürich – Genève"
        let range = try #require(ByteSearch.range(of: "Genève", in: text))
        #expect(text[range] == "Genève")
        #expect(text[..<range.lowerBound] == "Zürich – ")
        let last = try #require(ByteSearch.range(of: "e", in: text, backwards: true))
        #expect(text[last.lowerBound...] == "e")
        #expect(ByteSearch.range(of: "geneve", in: text) == nil)
    }
}
