import LibXML
import Testing

@Suite("Finding bytes a word at a time")
struct ByteScanTests {
    /// Deterministic buffers that put the sought bytes at every offset of a word, next to bytes
    /// that trip word-at-a-time tricks: 0x80 and above (borrows), 0x00, 0x1F/0x20 (the JSON
    /// limit), and bytes one above or below the sought ones.
    static func buffers() -> [[UInt8]] {
        let tricky: [UInt8] = [
            0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x25, 0x26, 0x27, 0x3B, 0x3C, 0x3D, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA6, 0xBC, 0xC2, 0xFF,
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var result: [[UInt8]] = [[]]
        for length in [1, 7, 8, 9, 15, 16, 17, 31, 64, 100] {
            for _ in 0..<40 {
                // Mostly plain letters, so that the sought bytes are rare as in real text.
                result.append(
                    (0..<length).map { _ in
                        next() % 4 == 0 ? tricky[Int(next() % UInt64(tricky.count))] : UInt8(ascii: "a") + UInt8(next() % 26)
                    })
            }
        }
        return result
    }

    @Test func findsTheFirstOfTwoBytesFromEveryStart() {
        for bytes in Self.buffers() {
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...buffer.count {
                    let expected = (start..<buffer.count).first { buffer[$0] == 0x3C || buffer[$0] == 0x26 } ?? buffer.count
                    #expect(ByteScan.index(of: 0x3C, or: 0x26, in: buffer, from: start) == expected, "\(bytes) from \(start)")
                    let single = (start..<buffer.count).first { buffer[$0] == 0x5C } ?? buffer.count
                    #expect(ByteScan.index(of: 0x5C, in: buffer, from: start) == single, "\(bytes) from \(start)")
                }
            }
        }
    }

    @Test func findsTheFirstNonASCIIByte() {
        for bytes in Self.buffers() {
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...buffer.count {
                    let expected = (start..<buffer.count).first { buffer[$0] >= 0x80 } ?? buffer.count
                    #expect(ByteScan.indexOfNonASCII(in: buffer, from: start) == expected, "\(bytes) from \(start)")
                }
            }
        }
    }

    @Test func findsTheFirstByteJSONMustEscape() {
        for bytes in Self.buffers() {
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...buffer.count {
                    let expected = (start..<buffer.count).first { buffer[$0] < 0x20 || buffer[$0] == 0x22 || buffer[$0] == 0x5C } ?? buffer.count
                    #expect(ByteScan.indexOfJSONEscape(in: buffer, from: start) == expected, "\(bytes) from \(start)")
                }
            }
        }
    }

    /// A C1 control is 0xC2 followed by 0x80–0x9F; 0xC2 0xA6 ("¦") and a 0xC2 at the end are not.
    @Test func findsAC1ControlCharacter() {
        for bytes in Self.buffers() + [[0xC2], [0x61, 0xC2, 0xA6], [0xC2, 0xC2, 0x9F], [0xC2, 0x80]] {
            let expected = bytes.indices.dropLast().contains { bytes[$0] == 0xC2 && (0x80..<0xA0).contains(bytes[$0 + 1]) }
            #expect(bytes.withUnsafeBufferPointer(ByteScan.containsC1Control) == expected, "\(bytes)")
        }
    }
}
