/// A map from 64-bit hashes to 32-bit numbers, for the indexes' heads and counts: open
/// addressing with linear probing over flat arrays of (key, value) slots, with the key itself
/// as its hash (one multiplication spreads it). A lookup reads one cache line (now and then two:
/// slots are 12 bytes), where a `Dictionary` hashes the key and reads its occupancy bitmap, key
/// and value arrays apart.
///
/// The slots are split into 16 parts by the spread key's top bits, and each part doubles on its
/// own: growing copies a sixteenth of the table at a time, where one array of slots held the
/// old and the new slots of every key at once (the containment index's table, the largest, was
/// the clustering index's peak that way).
///
/// Key 0 marks an empty slot, so a real key 0 is kept beside the slots. The table encodes as
/// two arrays, `keys` and `values`, and decodes that form or the `[UInt64: Int32]` dictionary
/// that earlier snapshots hold.
public struct HashTable: Sendable, Codable, Equatable {
    /// A key and its value in 12 bytes: the key's halves as two 32-bit numbers, so that the
    /// slot needs no 8-byte alignment and carries no padding (a `UInt64` beside an `Int32`
    /// takes 16). The containment index's table holds hundreds of thousands of keys.
    private struct Slot {
        private var keyLow: UInt32
        private var keyHigh: UInt32
        var value: Int32

        init(key: UInt64, value: Int32) {
            keyLow = UInt32(truncatingIfNeeded: key)
            keyHigh = UInt32(truncatingIfNeeded: key >> 32)
            self.value = value
        }

        static let empty = Slot(key: 0, value: 0)

        @inline(__always)
        var key: UInt64 { UInt64(keyHigh) << 32 | UInt64(keyLow) }
    }

    /// One of the parts: its slots (a power of two of them) and keys.
    private struct Part {
        var slots: [Slot]
        /// 64 − log2(slots): a spread key shifted left past the part bits, then right by this,
        /// is its home slot.
        var shift: UInt64
        var count = 0

        init(bits: Int) {
            slots = [Slot](repeating: .empty, count: 1 << bits)
            shift = UInt64(64 - bits)
        }

        @inline(__always)
        func home(_ spread: UInt64) -> Int {
            Int(truncatingIfNeeded: (spread &<< HashTable.partBits) &>> shift)
        }

        /// The slot holding `key` (not 0), or the empty slot where it would go.
        @inline(__always)
        func slot(of key: UInt64, spread: UInt64) -> Int {
            slots.withUnsafeBufferPointer { slots in
                let mask = slots.count - 1
                var slot = home(spread)
                while true {
                    let found = slots[slot].key
                    if found == key || found == 0 { return slot }
                    slot = (slot + 1) & mask
                }
            }
        }

        /// Whether one more key fits under the load limit (three quarters of the slots).
        var hasRoom: Bool { (count + 1) * 4 <= slots.count * 3 }

        mutating func grow() {
            let old = slots
            slots = []
            slots = [Slot](repeating: .empty, count: old.count * 2)
            shift -= 1
            let mask = slots.count - 1
            for entry in old where entry.key != 0 {
                var slot = home(HashTable.spread(entry.key))
                while slots[slot].key != 0 { slot = (slot + 1) & mask }
                slots[slot] = entry
            }
        }
    }

    /// log2 of the number of parts.
    fileprivate static let partBits: UInt64 = 4
    private var parts: [Part]
    private var zeroValue: Int32?
    /// Number of keys.
    public private(set) var count = 0
    /// Where `touch(_:)` leaves what it read, so that the reads are not optimized away.
    private var touched: UInt64 = 0
    /// How many times a part doubled since the table was made.
    private(set) var growths = 0

    /// An empty table with room for `capacity` keys before it grows: each part is sized for
    /// its share with an eighth more, as keys never split evenly.
    public init(capacity: Int = 0) {
        let parts = 1 << Int(Self.partBits)
        let share = capacity <= 0 ? 0 : capacity / parts + capacity / (parts * 8) + 8
        var bits = 1
        while (1 << bits) * 3 < share * 4 { bits += 1 }
        self.parts = [Part](repeating: Part(bits: bits), count: parts)
    }

    /// A table holding `pairs` (a later pair replaces an earlier one with the same key), sized
    /// for `pairs.underestimatedCount` keys first.
    ///
    /// Sizing first matters beyond saving the growing: pairs read from another table come in
    /// its slot order, which is home order, and inserted in that order into a smaller table
    /// they pile into one run of occupied slots that every later insertion walks: loading a
    /// 650,000-key index took 30 s that way, against a fraction of a second sized.
    public init(_ pairs: some Sequence<(UInt64, Int32)>) {
        self.init(capacity: pairs.underestimatedCount)
        for (key, value) in pairs { exchange(key, with: value) }
    }

    @inline(__always)
    fileprivate static func spread(_ key: UInt64) -> UInt64 { key &* 0x9e37_79b9_7f4a_7c15 }

    @inline(__always)
    private static func part(_ spread: UInt64) -> Int { Int(truncatingIfNeeded: spread &>> (64 - partBits)) }

    /// The value of `key`, when present.
    public subscript(key: UInt64) -> Int32? {
        if key == 0 { return zeroValue }
        let spread = Self.spread(key)
        let part = Self.part(spread)
        let slot = parts[part].slot(of: key, spread: spread)
        let found = parts[part].slots[slot]
        return found.key == 0 ? nil : found.value
    }

    /// Sets `key` to `value`, returning the value it replaced (one probe for both).
    @discardableResult
    public mutating func exchange(_ key: UInt64, with value: Int32) -> Int32? {
        if key == 0 {
            defer { zeroValue = value }
            if zeroValue == nil { count += 1 }
            return zeroValue
        }
        let spread = Self.spread(key)
        let part = Self.part(spread)
        var slot = parts[part].slot(of: key, spread: spread)
        if parts[part].slots[slot].key != 0 {
            let old = parts[part].slots[slot].value
            parts[part].slots[slot].value = value
            return old
        }
        if !parts[part].hasRoom {
            parts[part].grow()
            growths += 1
            slot = parts[part].slot(of: key, spread: spread)
        }
        parts[part].slots[slot] = Slot(key: key, value: value)
        parts[part].count += 1
        count += 1
        return nil
    }

    /// Reads the first slot of each key, all at once: the reads do not depend on one another,
    /// so their cache misses overlap, and the lookups or updates of the same keys that follow
    /// find their slots in the cache instead of waiting for memory one key at a time.
    public mutating func touch(_ keys: [UInt64]) {
        var sum: UInt64 = 0
        for key in keys {
            let spread = Self.spread(key)
            let part = Self.part(spread)
            sum ^= parts[part].slots.withUnsafeBufferPointer { $0[parts[part].home(spread)].key }
        }
        touched ^= sum
    }

    /// Adds `amount` to the value of `key` (an absent key counts from 0).
    public mutating func add(_ amount: Int32, to key: UInt64) {
        if key != 0 {
            let spread = Self.spread(key)
            let part = Self.part(spread)
            let slot = parts[part].slot(of: key, spread: spread)
            if parts[part].slots[slot].key != 0 {
                parts[part].slots[slot].value &+= amount
                return
            }
        }
        exchange(key, with: (self[key] ?? 0) &+ amount)
    }

    /// Calls `body` with every key and its value, in table order.
    private func forEachPair(_ body: (UInt64, Int32) throws -> Void) rethrows {
        if let zeroValue { try body(0, zeroValue) }
        for part in parts {
            for slot in part.slots where slot.key != 0 { try body(slot.key, slot.value) }
        }
    }

    /// Every key with its value, in table order.
    public var pairs: [(key: UInt64, value: Int32)] {
        var result: [(key: UInt64, value: Int32)] = []
        result.reserveCapacity(count)
        forEachPair { result.append(($0, $1)) }
        return result
    }

    /// Whether every value satisfies `predicate` (no array of the pairs is made).
    public func allValuesSatisfy(_ predicate: (Int32) -> Bool) -> Bool {
        var all = true
        forEachPair { _, value in if all && !predicate(value) { all = false } }
        return all
    }

    /// Equal when they map the same keys to the same values.
    public static func == (left: HashTable, right: HashTable) -> Bool {
        left.count == right.count && left.pairs.allSatisfy { right[$0.key] == $0.value }
    }

    private enum CodingKeys: String, CodingKey {
        case keys, values
    }

    /// Decodes `{keys, values}` or an earlier snapshot's `[UInt64: Int32]`.
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: CodingKeys.self), container.contains(.keys) {
            let keys = try container.decode([UInt64].self, forKey: .keys)
            let values = try container.decode([Int32].self, forKey: .values)
            guard keys.count == values.count else {
                throw DecodingError.dataCorruptedError(
                    forKey: .values, in: container, debugDescription: "\(keys.count) keys for \(values.count) values")
            }
            // Room for an eighth more keys: the index's tables grow as articles are added, and
            // a table sized to its keys would double its parts at the first few.
            self.init(capacity: keys.count + keys.count / 8)
            for (key, value) in zip(keys, values) { exchange(key, with: value) }
        } else {
            let dictionary = try decoder.singleValueContainer().decode([UInt64: Int32].self)
            self.init(Array(dictionary.lazy.map { ($0.key, $0.value) }))
        }
    }

    /// Encodes `{keys, values}`, one array made and let go at a time (no array of pairs beside
    /// them: the largest table has hundreds of thousands of keys). Both in table order, the
    /// order of `pairs`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var keys: [UInt64] = []
        keys.reserveCapacity(count)
        forEachPair { key, _ in keys.append(key) }
        try container.encode(keys, forKey: .keys)
        keys = []
        var values: [Int32] = []
        values.reserveCapacity(count)
        forEachPair { _, value in values.append(value) }
        try container.encode(values, forKey: .values)
    }
}
