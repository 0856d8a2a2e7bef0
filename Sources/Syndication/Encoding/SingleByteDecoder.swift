/// Table-driven conversion of a single-byte encoding to UTF-8, in two linear passes
/// (measure, then write into one exactly sized buffer).
enum SingleByteDecoder {
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The UTF-8 form of `input`, or `nil` when it contains a byte the table leaves undefined.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, table: SingleByteTable) -> [UInt8]? {
        guard let base = input.baseAddress, !input.isEmpty else { return [] }
        let raw = UnsafeRawPointer(base)
        let count = input.count
        return table.entries.withUnsafeBufferPointer { entries -> [UInt8]? in
            // Pass 1: output length and validity.
            var length = 0
            var index = 0
            while index < count {
                if index + 8 <= count && raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & highBits == 0 {
                    length += 8
                    index += 8
                    continue
                }
                let entryLength = Int(entries[Int(base[index])] >> 24)
                if entryLength == 0 { return nil }
                length += entryLength
                index += 1
            }
            // Pass 2: write.
            return [UInt8](unsafeUninitializedCapacity: length) { output, written in
                let outRaw = UnsafeMutableRawPointer(output.baseAddress!)
                var input = 0
                var out = 0
                while input < count {
                    if input + 8 <= count {
                        let word = raw.loadUnaligned(fromByteOffset: input, as: UInt64.self)
                        if word & highBits == 0 {
                            outRaw.storeBytes(of: word, toByteOffset: out, as: UInt64.self)
                            input += 8
                            out += 8
                            continue
                        }
                    }
                    let entry = entries[Int(base[input])]
                    let entryLength = Int(entry >> 24)
                    output[out] = UInt8(truncatingIfNeeded: entry)
                    if entryLength > 1 { output[out + 1] = UInt8(truncatingIfNeeded: entry >> 8) }
                    if entryLength > 2 { output[out + 2] = UInt8(truncatingIfNeeded: entry >> 16) }
                    out += entryLength
                    input += 1
                }
                written = out
            }
        }
    }
}
