/// A set of attribute names (ASCII, compared in any case), asked of the bytes of a name as a
/// page writes it: the attributes an HTML parse keeps (see `HTMLEventParser`).
public struct AttributeNames: Sendable {
    /// The names of at most 16 bytes as two lower-cased words and a length, by length: every
    /// tag's every attribute is asked of, so a name is compared in two steps.
    private let keys: [Key]
    /// Where the keys of each length (0…16) start in `keys`, and where the last ones end.
    private let starts: [Int]
    /// Longer names, lower-cased.
    private let longNames: [[UInt8]]

    private struct Key: Sendable {
        var low: UInt64
        var high: UInt64
    }

    /// The set of `names` (lower-cased here).
    public init(_ names: some Sequence<String>) {
        var byLength = [[Key]](repeating: [], count: 17)
        var longNames: [[UInt8]] = []
        for name in names {
            let lower = Array(name.lowercased().utf8)
            if lower.count > 16 {
                longNames.append(lower)
            } else {
                byLength[lower.count].append(lower.withUnsafeBufferPointer(Self.key))
            }
        }
        var starts = [0]
        for keys in byLength { starts.append(starts.last! + keys.count) }
        self.keys = byLength.flatMap { $0 }
        self.starts = starts
        self.longNames = longNames
    }

    /// Whether the name written `name` is in the set, its ASCII letters in either case.
    public func contains(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count <= 16 else {
            return longNames.contains { $0.count == name.count && zip($0, name).allSatisfy { $0 == Self.lowered($1) } }
        }
        let key = Self.key(name)
        for index in starts[name.count]..<starts[name.count + 1] where keys[index].low == key.low && keys[index].high == key.high {
            return true
        }
        return false
    }

    /// Whether `name` is in the set, its ASCII letters in either case.
    public func contains(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { contains($0) }
    }

    /// The bytes of a name of at most 16 bytes, lower-cased, in two words.
    private static func key(_ name: UnsafeBufferPointer<UInt8>) -> Key {
        var key = Key(low: 0, high: 0)
        for index in 0..<name.count {
            let byte = UInt64(lowered(name[index]))
            if index < 8 { key.low |= byte << (8 * index) } else { key.high |= byte << (8 * (index - 8)) }
        }
        return key
    }

    @inline(__always)
    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
