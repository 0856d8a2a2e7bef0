/// A set of attribute names (ASCII, compared in any case), asked of the bytes of a name as a
/// page writes it: the attributes an HTML parse keeps (see `HTMLEventParser`).
public struct AttributeNames: Sendable {
    /// The names, lower-cased, by their length in bytes (names of 32 bytes or more in the last).
    private let byLength: [[[UInt8]]]

    /// The set of `names` (lower-cased here).
    public init(_ names: some Sequence<String>) {
        var byLength = [[[UInt8]]](repeating: [], count: 33)
        for name in names {
            let lower = Array(name.lowercased().utf8)
            byLength[min(lower.count, 32)].append(lower)
        }
        self.byLength = byLength
    }

    /// Whether the name written `name` is in the set, its ASCII letters in either case.
    public func contains(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        for candidate in byLength[min(name.count, 32)] where candidate.count == name.count {
            var index = 0
            while index < name.count {
                var byte = name[index]
                if byte &- 0x41 < 26 { byte |= 0x20 }
                if byte != candidate[index] { break }
                index += 1
            }
            if index == name.count { return true }
        }
        return false
    }

    /// Whether `name` is in the set, its ASCII letters in either case.
    public func contains(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { contains($0) }
    }
}
