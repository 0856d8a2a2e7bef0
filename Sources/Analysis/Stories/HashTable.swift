/// A map from 64-bit hashes to 32-bit numbers, for the indexes' heads and counts: open
/// addressing with linear probing over one flat array of (key, value) slots, with the key
/// itself as its hash (one multiplication spreads it). A lookup reads one cache line, where a
/// `Dictionary` hashes the key and reads its occupancy bitmap, key and value arrays apart.
///
/// Key 0 marks an empty slot, so a real key 0 is kept beside the slots. The table encodes as
/// two arrays, `keys` and `values`, and decodes that form or the `[UInt64: Int32]` dictionary
/// that earlier snapshots hold.
public struct HashTable: Sendable, Codable, Equatable {
    private struct Slot {
        var key: UInt64
        var value: Int32
    }

    private var slots: [Slot]
    private var zeroValue: Int32?
    /// Number of keys.
    public private(set) var count = 0
    private var shift: UInt64
    /// Where `touch(_:)` leaves what it read, so that the reads are not optimized away.
    private var touched: UInt64 = 0

    /// An empty table with room for `capacity` keys before it grows.
    public init(capacity: Int = 0) {
        var bits: UInt64 = 4
        while (1 << bits) * 3 < capacity * 4 { bits += 1 }
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: 1 << Int(bits))
        shift = 64 - bits
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
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> shift)
    }

    /// The slot holding `key` (not 0), or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = home(key)
            while true {
                let found = slots[slot].key
                if found == key || found == 0 { return slot }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The value of `key`, when present.
    public subscript(key: UInt64) -> Int32? {
        if key == 0 { return zeroValue }
        let slot = slot(of: key)
        return slots[slot].key == 0 ? nil : slots[slot].value
    }

    /// Sets `key` to `value`, returning the value it replaced (one probe for both).
    @discardableResult
    public mutating func exchange(_ key: UInt64, with value: Int32) -> Int32? {
        if key == 0 {
            defer { zeroValue = value }
            if zeroValue == nil { count += 1 }
            return zeroValue
        }
        var slot = slot(of: key)
        if slots[slot].key != 0 {
            let old = slots[slot].value
            slots[slot].value = value
            return old
        }
        if (count + 1) * 4 > slots.count * 3 {
            grow()
            slot = self.slot(of: key)
        }
        slots[slot] = Slot(key: key, value: value)
        count += 1
        return nil
    }

    /// Reads the first slot of each key, all at once: the reads do not depend on one another,
    /// so their cache misses overlap, and the lookups or updates of the same keys that follow
    /// find their slots in the cache instead of waiting for memory one key at a time.
    public mutating func touch(_ keys: [UInt64]) {
        var sum: UInt64 = 0
        slots.withUnsafeBufferPointer { slots in
            for key in keys { sum ^= slots[home(key)].key }
        }
        touched ^= sum
    }

    /// Adds `amount` to the value of `key` (an absent key counts from 0).
    public mutating func add(_ amount: Int32, to key: UInt64) {
        if key != 0 {
            let slot = slot(of: key)
            if slots[slot].key != 0 {
                slots[slot].value &+= amount
                return
            }
        }
        exchange(key, with: (self[key] ?? 0) &+ amount)
    }

    /// Every key with its value, in table order.
    public var pairs: [(key: UInt64, value: Int32)] {
        var result: [(key: UInt64, value: Int32)] = []
        result.reserveCapacity(count)
        if let zeroValue { result.append((0, zeroValue)) }
        for slot in slots where slot.key != 0 { result.append((slot.key, slot.value)) }
        return result
    }

    /// How many times the table doubled since it was made.
    private(set) var growths = 0

    private mutating func grow() {
        growths += 1
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for entry in old where entry.key != 0 {
            var slot = home(entry.key)
            while slots[slot].key != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
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
            // a table sized to its keys doubles (both copies held at once) at the first few.
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
        if zeroValue != nil { keys.append(0) }
        for slot in slots where slot.key != 0 { keys.append(slot.key) }
        try container.encode(keys, forKey: .keys)
        keys = []
        var values: [Int32] = []
        values.reserveCapacity(count)
        if let zeroValue { values.append(zeroValue) }
        for slot in slots where slot.key != 0 { values.append(slot.value) }
        try container.encode(values, forKey: .values)
    }
}
