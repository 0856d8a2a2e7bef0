/// Values for words held as their UTF-8 bytes: the per-text word look-ups of the summarizer and
/// the topic classifier, which meet every word of every article.
///
/// A `Dictionary<String, _>` needs a `String` made of each word first and hashes it with
/// SipHash; here a word is looked up by its bytes where the tokenizer found them, hashed eight
/// bytes at a time, and only a word seen for the first time is copied (into one byte arena).
/// One table serves one text on one thread.
final class WordTable<Value> {
    private struct Slot {
        var hash: UInt32
        var length: UInt32
        var start: Int32
        /// Index into `values`; -1 for an empty slot.
        var value: Int32
    }

    private var slots: UnsafeMutableBufferPointer<Slot>
    private var arena: UnsafeMutableBufferPointer<UInt8>
    private var arenaCount = 0
    private var values: [Value] = []

    /// An empty table with room for about `capacity` words before it grows.
    init(capacity: Int = 0) {
        var size = 16
        while size * 3 < capacity * 4 { size *= 2 }
        slots = Self.emptySlots(size)
        arena = .allocate(capacity: max(64, capacity * 8))
        values.reserveCapacity(capacity)
    }

    deinit {
        slots.deallocate()
        arena.deallocate()
    }

    /// How many words the table holds.
    var count: Int { values.count }

    /// Where a word is or would be held: the result of `find(_:)`.
    struct Place {
        fileprivate let slot: Int
        fileprivate let hash: UInt32
    }

    /// The value of the word `key` when the table holds it, and its place either way.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> (value: Value?, place: Place) {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let found = slots[slot]
            if found.value < 0 { return (nil, Place(slot: slot, hash: hash)) }
            if found.hash == hash, Int(found.length) == key.count, equals(key, at: Int(found.start)) {
                return (values[Int(found.value)], Place(slot: slot, hash: hash))
            }
            slot = (slot + 1) & mask
        }
    }

    /// Adds the word `key`, which `find(_:)` did not find at `place`, with `value`; nothing may
    /// be added between the two calls.
    func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Value, at place: Place) {
        if arenaCount + key.count > arena.count {
            let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(arena.count * 2, arenaCount + key.count))
            _ = larger.initialize(fromContentsOf: arena[0..<arenaCount])
            arena.deallocate()
            arena = larger
        }
        for offset in 0..<key.count { arena[arenaCount + offset] = key[offset] }
        slots[place.slot] = Slot(hash: place.hash, length: UInt32(key.count), start: Int32(arenaCount), value: Int32(values.count))
        arenaCount += key.count
        values.append(value)
        if values.count * 4 > slots.count * 3 { grow() }
    }

    private func equals(_ key: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        Self.bytes(key, equal: arena, at: start)
    }

    /// Whether `key` is what `held` holds from `start` on (the caller has compared lengths).
    static func bytes(_ key: UnsafeBufferPointer<UInt8>, equal held: some RandomAccessCollection<UInt8>, at start: Int) -> Bool {
        var position = held.index(held.startIndex, offsetBy: start)
        for byte in key {
            guard held[position] == byte else { return false }
            position = held.index(after: position)
        }
        return true
    }

    private func grow() {
        let old = slots
        slots = Self.emptySlots(old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry.value >= 0 {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot].value >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
        old.deallocate()
    }

    private static func emptySlots(_ count: Int) -> UnsafeMutableBufferPointer<Slot> {
        let slots = UnsafeMutableBufferPointer<Slot>.allocate(capacity: count)
        slots.initialize(repeating: Slot(hash: 0, length: 0, start: 0, value: -1))
        return slots
    }

    /// A multiplicative hash of `bytes`, eight at a time: words are short, and the table only
    /// needs its low bits well mixed.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return UInt32(truncatingIfNeeded: state) }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            state = (state ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            state ^= state >> 29
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                tail |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            state = (state ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        state ^= state >> 32
        return UInt32(truncatingIfNeeded: state)
    }
}

/// A fixed set of words, each with a number, looked up by UTF-8 bytes: built once, then read
/// from any thread (the topic index's keys, a stop-word list).
struct WordNumbers: Sendable {
    /// Per slot, the entry's index plus one; 0 for an empty slot.
    private let slots: [Int32]
    private let hashes: [UInt32]
    private let starts: [Int32]
    private let lengths: [Int32]
    private let numbers: [Int32]
    private let arena: [UInt8]

    init(_ words: some Sequence<(String, Int32)>) {
        var hashes: [UInt32] = []
        var starts: [Int32] = []
        var lengths: [Int32] = []
        var numbers: [Int32] = []
        var arena: [UInt8] = []
        for (word, number) in words {
            var word = word
            word.withUTF8 { bytes in
                hashes.append(WordTable<Int32>.hash(bytes))
                starts.append(Int32(arena.count))
                lengths.append(Int32(bytes.count))
                arena.append(contentsOf: bytes)
            }
            numbers.append(number)
        }
        var size = 16
        while size < numbers.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for entry in numbers.indices {
            var slot = Int(truncatingIfNeeded: hashes[entry]) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(entry + 1)
        }
        (self.slots, self.hashes, self.starts, self.lengths, self.numbers, self.arena) = (slots, hashes, starts, lengths, numbers, arena)
    }

    /// The number of the word whose UTF-8 bytes are `key`, or `nil` when it is not in the set.
    func number(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = WordTable<Int32>.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot] - 1)
            if hashes[entry] == hash, Int(lengths[entry]) == key.count, equals(key, at: Int(starts[entry])) { return numbers[entry] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Whether the word whose UTF-8 bytes are `key` is in the set.
    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        number(of: key) != nil
    }

    private func equals(_ key: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        WordTable<Int32>.bytes(key, equal: arena, at: start)
    }
}
