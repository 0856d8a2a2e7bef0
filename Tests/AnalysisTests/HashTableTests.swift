import Foundation
import Testing

@testable import Analysis

@Suite struct HashTableTests {
    @Test func behavesLikeADictionary() {
        var table = HashTable()
        var model: [UInt64: Int32] = [:]
        var state: UInt64 = 1
        for step in 0..<20_000 {
            state = StableHash.mix(state)
            // Few distinct keys at first (replacements), then many (growth); 0 among them.
            let key = step % 7 == 0 ? 0 : state % UInt64(50 + step)
            let value = Int32(truncatingIfNeeded: state >> 40)
            switch step % 3 {
            case 0: #expect(table.exchange(key, with: value) == model.updateValue(value, forKey: key))
            case 1:
                table.add(value, to: key)
                model[key, default: 0] &+= value
            default: #expect(table[key] == model[key])
            }
        }
        #expect(table.count == model.count)
        #expect(Dictionary(uniqueKeysWithValues: table.pairs.map { ($0.key, $0.value) }) == model)
        #expect(table[UInt64.max] == model[UInt64.max])
    }

    @Test func roundTripsThroughJSON() throws {
        let pairs: [(UInt64, Int32)] = (0..<1000).map { (StableHash.mix(UInt64($0)), Int32($0)) } + [(0, -1)]
        let table = HashTable(pairs)
        let decoded = try JSONDecoder().decode(HashTable.self, from: JSONEncoder().encode(table))
        #expect(decoded == table)
        #expect(decoded[0] == -1)
        #expect(decoded[StableHash.mix(999)] == 999)
    }

    @Test func aTableRebuiltFromAnotherTablesPairsIsSizedFirst() throws {
        // Pairs come out in slot order. Inserted in that order into a table too small for
        // them, they pile up into one run that each insertion walks to its end (quadratic):
        // a table made from pairs takes its final size before the first insertion.
        var original = HashTable()
        for number in 1...50_000 { original.exchange(StableHash.mix(UInt64(number)), with: Int32(number)) }
        #expect(original.growths > 0)
        let rebuilt = HashTable(original.pairs.map { ($0.key, $0.value) })
        let decoded = try JSONDecoder().decode(HashTable.self, from: JSONEncoder().encode(original))
        #expect(rebuilt == original && decoded == original)
        #expect(rebuilt.growths == 0 && decoded.growths == 0)
        // Room for the keys within the load limit, however they fall into the table's parts;
        // a table made without room grows as they come.
        for capacity in [12, 1_000, 40_000] {
            var sized = HashTable(capacity: capacity)
            var unsized = HashTable()
            for key in 1...capacity {
                sized.exchange(StableHash.mix(UInt64(key)), with: 0)
                unsized.exchange(StableHash.mix(UInt64(key)), with: 0)
            }
            #expect(sized.growths == 0 && sized.count == capacity)
            #expect(unsized.growths > 0 && unsized == sized)
        }
    }

    @Test func readsTheDictionaryOfEarlierSnapshots() throws {
        let dictionary: [UInt64: Int32] = [7: 1, 0: 2, UInt64.max: -1]
        let decoded = try JSONDecoder().decode(HashTable.self, from: JSONEncoder().encode(dictionary))
        let expected: [(UInt64, Int32)] = [(7, 1), (0, 2), (UInt64.max, -1)]
        #expect(decoded == HashTable(expected))
        #expect(decoded.count == 3)
    }

    @Test func touchingChangesNothing() {
        let pairs: [(UInt64, Int32)] = (1...500).map { (StableHash.mix(UInt64($0)), Int32($0)) }
        var table = HashTable(pairs)
        let before = table
        table.touch(pairs.map(\.0) + [0, 12345])
        #expect(table == before)
        #expect(table[StableHash.mix(7)] == 7 && table[12345] == nil)
    }

    @Test func statisticsCountDistinctTermsEitherWay() {
        var bySequence = TermStatistics()
        var byDistinct = TermStatistics()
        bySequence.observe([3, 1, 3, 2, 1] as [UInt64])
        byDistinct.observe(distinct: [1, 2, 3])
        bySequence.observe([2, 2] as [UInt64])
        byDistinct.observe(distinct: [2])
        for term: UInt64 in [1, 2, 3, 4] {
            #expect(bySequence.documentFrequency(of: term) == byDistinct.documentFrequency(of: term))
            #expect(bySequence.idf(of: term) == byDistinct.idf(of: term))
        }
        #expect(byDistinct.documentFrequency(of: 2) == 2 && byDistinct.documents == 2)
    }

    @Test func keysAndValuesOfDifferentLengthsAreAnError() {
        let damaged = Data(#"{"keys":[1,2],"values":[1]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(HashTable.self, from: damaged) }
    }
}
