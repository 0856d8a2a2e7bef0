import Testing

@testable import Analysis

@Suite("Word tables")
struct WordTableTests {
    /// Looks `word` up in `table`, adding it with `value` when missing; the value held after.
    private func value(of word: String, in table: WordTable<Int>, adding value: Int) -> Int {
        var word = word
        return word.withUTF8 { bytes in
            let (found, place) = table.find(bytes)
            if let found { return found }
            table.insert(bytes, value, at: place)
            return value
        }
    }

    @Test func keepsTheFirstValueOfEveryWordThroughGrowth() {
        let table = WordTable<Int>(capacity: 2)
        // Words of every length around the hash's eight-byte steps, prefixes of one another,
        // and words that differ only in their last byte.
        var words: [String] = []
        for length in 0...20 { words.append(String(repeating: "a", count: length)) }
        for number in 0..<3_000 { words.append("word\(number)") }
        words += ["abcdefgh", "abcdefgi", "abcdefghx", "zürich", "zurich", "東京"]
        for (index, word) in words.enumerated() { #expect(value(of: word, in: table, adding: index) == index) }
        #expect(table.count == words.count)
        for (index, word) in words.enumerated() { #expect(value(of: word, in: table, adding: -1) == index) }
        #expect(table.count == words.count)
    }

    @Test func numbersAreFoundByBytesAndOthersAreNot() {
        let numbers = WordNumbers([("election", 4), ("vote", 7), ("", 9), ("café", 11)])
        func number(_ word: String) -> Int32? {
            var word = word
            return word.withUTF8 { numbers.number(of: $0) }
        }
        #expect(number("election") == 4)
        #expect(number("vote") == 7)
        #expect(number("") == 9)
        #expect(number("café") == 11)
        #expect(number("votes") == nil)
        #expect(number("vot") == nil)
        #expect(number("Election") == nil)
        #expect(WordNumbers([]).number(of: UnsafeBufferPointer(start: nil, count: 0)) == nil)
    }
}
