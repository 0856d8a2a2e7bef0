/// Encodes a `Codable` value in the compact binary format of ``CompactFormat``: like JSON in
/// shape (keyed containers keep their keys, so optional fields and changed types read back as
/// with JSON), but arrays of fixed-width numbers and strings, and dictionaries from `UInt64`
/// or `String` to `Int32`, are stored as single packed blocks. The clustering index, mostly
/// such arrays, encodes in a fraction of JSON's time, size and memory.
///
/// The format writes each container's number of entries before them, which `Encodable` only
/// tells as it goes. So the value is encoded twice: a first pass only counts the entries of
/// each container, in the order the containers are opened; the second writes the bytes
/// straight out, with those counts. Nothing of the value is held beside it, only one number per
/// container (an index of tens of megabytes was once copied whole into a tree of nodes first).
struct CompactEncoder {
    /// The bytes of `value`, written into one buffer of the size a counting pass found.
    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let counts = try Self.containerCounts(of: value)
        var counter = CompactFormat.CountingSink()
        try Self.write(value, counts: counts, to: &counter)
        var sink = CompactFormat.ByteArraySink(bytes: [])
        sink.bytes.reserveCapacity(CompactFormat.magic.count + counter.count)
        sink.bytes.append(contentsOf: CompactFormat.magic)
        try Self.write(value, counts: counts, to: &sink)
        return sink.bytes
    }

    /// Encodes `value` as `encode(_:)` does, handing the bytes to `emit` in pieces of
    /// `pieceSize` (the last one shorter) as they are written: the encoded form is never
    /// held whole. The first error `emit` throws stops the writing and is thrown.
    func encode<T: Encodable>(_ value: T, pieceSize: Int = 1 << 18, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        let counts = try Self.containerCounts(of: value)
        try withoutActuallyEscaping(emit) { emit in
            var sink = CompactFormat.PieceSink(size: pieceSize, emit: emit)
            sink.append(contentsOf: CompactFormat.magic)
            try Self.write(value, counts: counts, to: &sink)
            try sink.finish()
        }
    }

    /// The entries of each container of `value`, in the order the containers are opened.
    private static func containerCounts<T: Encodable>(of value: T) throws -> [Int] {
        let pass = EncodingPass(counting: CompactFormat.CountingSink())
        try pass.run(value)
        return pass.counts
    }

    private static func write<T: Encodable, S: CompactFormat.Sink>(_ value: T, counts: [Int], to sink: inout S) throws {
        let pass = EncodingPass(writing: sink, counts: counts)
        try pass.run(value)
        sink = pass.sink
    }
}

/// Why a value could not be encoded in one pass of writing.
struct CompactEncodingError: Error, CustomStringConvertible {
    var description: String
}

/// One pass over a value: counting the entries of its containers, or writing its bytes with
/// the counts of a counting pass. Entries must be encoded in order (a container finished before
/// its parent goes on), which synthesized and ordinary hand-written `encode(to:)` do; anything
/// else is an error, never wrong bytes.
final class EncodingPass<S: CompactFormat.Sink> {
    /// Where the bytes go (a counting sink in the counting pass, whose bytes are not used).
    fileprivate(set) var sink: S
    private let writing: Bool
    /// Entries per container, by the order the containers were opened.
    fileprivate(set) var counts: [Int]
    /// Containers opened so far.
    private var opened = 0
    /// The containers being written, innermost last, with the entries each still expects.
    private var open: [(container: Int, remaining: Int)] = []
    private var failure: CompactEncodingError?

    init(counting sink: S) {
        self.sink = sink
        writing = false
        counts = []
    }

    init(writing sink: S, counts: [Int]) {
        self.sink = sink
        writing = true
        self.counts = counts
    }

    func run<T: Encodable>(_ value: T) throws {
        try store(value, in: Slot())
        if writing {
            close(upTo: nil)
            if opened != counts.count { fail("\(counts.count) containers were counted, \(opened) written") }
        }
        if let failure { throw failure }
    }

    fileprivate func fail(_ description: String) {
        if failure == nil { failure = CompactEncodingError(description: description) }
    }

    /// Encodes `value` into `slot`: a packed block or a primitive as it is, anything else through
    /// its `encode(to:)`. A value that asks for no container at all is an empty object.
    fileprivate func store<T: Encodable>(_ value: T, in slot: Slot) throws {
        if let leaf = Self.leaf(value) {
            write(leaf, in: slot)
            return
        }
        try value.encode(to: StreamEncoder(pass: self, slot: slot))
        if slot.state == .empty { openContainer(.keyed, in: slot) }
    }

    /// The value as one leaf of the format; `nil` for a value with containers of its own.
    private static func leaf<T: Encodable>(_ value: T) -> CompactValue? {
        if let packed = PackedArray(value) { return .packed(packed) }
        switch value {
        case let v as String: return .string(v)
        case let v as Bool: return .bool(v)
        case let v as Int: return .int(Int64(v))
        case let v as Int8: return .int(Int64(v))
        case let v as Int16: return .int(Int64(v))
        case let v as Int32: return .int(Int64(v))
        case let v as Int64: return .int(v)
        case let v as UInt: return .uint(UInt64(v))
        case let v as UInt8: return .uint(UInt64(v))
        case let v as UInt16: return .uint(UInt64(v))
        case let v as UInt32: return .uint(UInt64(v))
        case let v as UInt64: return .uint(v)
        case let v as Double: return .double(v)
        case let v as Float: return .float(v)
        default: return nil
        }
    }

    fileprivate func write(_ leaf: CompactValue, in slot: Slot) {
        guard slot.state == .empty else { return fail("a second value in one place") }
        slot.state = .value
        if writing { CompactFormat.write(leaf, to: &sink) }
    }

    /// Makes `slot` a container of `kind`, writing its header; a slot that already is one stays it.
    fileprivate func openContainer(_ kind: Slot.State, in slot: Slot) {
        if slot.state == kind { return }
        guard slot.state == .empty else { return fail("a container where a value or another kind of container was") }
        slot.state = kind
        slot.container = opened
        opened += 1
        if writing {
            guard slot.container < counts.count else { return fail("more containers than counted") }
            let count = counts[slot.container]
            if kind == .keyed {
                CompactFormat.writeObjectHeader(count: count, to: &sink)
            } else {
                CompactFormat.writeArrayHeader(count: count, to: &sink)
            }
            open.append((slot.container, count))
        } else {
            counts.append(0)
        }
    }

    /// Starts the next entry of `slot`'s container (with its key, in a keyed one) and returns the
    /// slot of the entry's value.
    fileprivate func entry(of slot: Slot, key: String?) -> Slot {
        let container = slot.container
        if writing {
            close(upTo: container)
            if let last = open.last, last.container == container, last.remaining > 0 {
                open[open.count - 1].remaining -= 1
            } else {
                fail("an entry out of order, or more entries than counted")
            }
            if let key { CompactFormat.string(key, to: &sink) }
        } else {
            counts[container] += 1
        }
        return Slot()
    }

    /// Closes the containers opened inside `container` (all of them for `nil`), which must have
    /// had all their entries.
    private func close(upTo container: Int?) {
        while let last = open.last, last.container != container {
            if last.remaining != 0 { return fail("a container left with \(last.remaining) entries unwritten") }
            open.removeLast()
        }
        if container != nil, open.isEmpty { fail("an entry for a container already finished") }
    }

    /// An encoder handed out for later use cannot be written in order: the pass fails, and
    /// what the encoder is given goes nowhere.
    fileprivate func refusedSuperEncoder() -> any Encoder {
        fail("superEncoder() is not supported")
        return StreamEncoder(pass: self, slot: Slot())
    }

    /// One place a value goes: the whole value, or one entry of a container.
    final class Slot {
        enum State { case empty, value, keyed, unkeyed }
        var state = State.empty
        /// The container number, once the slot is one.
        var container = -1
    }
}

private struct StreamEncoder<S: CompactFormat.Sink>: Encoder {
    let pass: EncodingPass<S>
    let slot: EncodingPass<S>.Slot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        pass.openContainer(.keyed, in: slot)
        return KeyedEncodingContainer(KeyedStreamContainer<Key, S>(pass: pass, slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        pass.openContainer(.unkeyed, in: slot)
        return UnkeyedStreamContainer(pass: pass, slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleStreamContainer(pass: pass, slot: slot)
    }
}

private struct KeyedStreamContainer<Key: CodingKey, S: CompactFormat.Sink>: KeyedEncodingContainerProtocol {
    let pass: EncodingPass<S>
    let slot: EncodingPass<S>.Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        pass.write(.null, in: pass.entry(of: slot, key: key.stringValue))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try pass.store(value, in: pass.entry(of: slot, key: key.stringValue))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        StreamEncoder(pass: pass, slot: pass.entry(of: slot, key: key.stringValue)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        StreamEncoder(pass: pass, slot: pass.entry(of: slot, key: key.stringValue)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { pass.refusedSuperEncoder() }

    mutating func superEncoder(forKey key: Key) -> any Encoder { pass.refusedSuperEncoder() }
}

private struct UnkeyedStreamContainer<S: CompactFormat.Sink>: UnkeyedEncodingContainer {
    let pass: EncodingPass<S>
    let slot: EncodingPass<S>.Slot
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(pass: EncodingPass<S>, slot: EncodingPass<S>.Slot) {
        self.pass = pass
        self.slot = slot
    }

    mutating func encodeNil() throws {
        count += 1
        pass.write(.null, in: pass.entry(of: slot, key: nil))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        count += 1
        try pass.store(value, in: pass.entry(of: slot, key: nil))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        return StreamEncoder(pass: pass, slot: pass.entry(of: slot, key: nil)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return StreamEncoder(pass: pass, slot: pass.entry(of: slot, key: nil)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { pass.refusedSuperEncoder() }
}

private struct SingleStreamContainer<S: CompactFormat.Sink>: SingleValueEncodingContainer {
    let pass: EncodingPass<S>
    let slot: EncodingPass<S>.Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { pass.write(.null, in: slot) }

    mutating func encode<T: Encodable>(_ value: T) throws { try pass.store(value, in: slot) }
}
