import Testing

@testable import Analysis

/// Rows kept in blocks read and write like one flat array of rows.
@Suite("Rows in blocks")
struct BlockRowsTests {
    @Test func rowsAcrossManyBlocksReadBackAsWritten() {
        // 4 rows a block, 3 values a row: 50 rows fill 12 blocks and part of a 13th.
        var rows = BlockRows<Int32>(width: 3, blockShift: 2)
        for row in 0..<50 { rows.append([Int32(row), Int32(row * 10), -Int32(row)]) }
        #expect(rows.count == 50)
        for row in [0, 3, 4, 5, 47, 48, 49] {
            #expect(rows.row(row) == [Int32(row), Int32(row * 10), -Int32(row)])
            #expect(rows[row, 1] == Int32(row * 10))
        }
        rows[45, 2] = 7
        #expect(rows.row(45) == [45, 450, 7])
        #expect(rows.row(44) == [44, 440, -44] && rows.row(46) == [46, 460, -46])
        rows.append(repeating: -1, rows: 3)
        #expect(rows.count == 53 && rows.row(52) == [-1, -1, -1])
    }

    @Test func pairsAreRowsOfTwo() {
        var rows = BlockRows<Int32>(width: 2, blockShift: 1)
        for posting in 0..<9 { rows.appendPair(Int32(posting), Int32(posting - 1)) }
        #expect(rows.count == 9)
        let read: [[Int32]] = (0..<9).map { rows.row($0) }
        let written: [[Int32]] = (0..<9).map { posting in [Int32(posting), Int32(posting - 1)] }
        #expect(read == written)
        #expect(rows.withRow(8) { $0[0] + $0[1] } == 15)
    }
}
