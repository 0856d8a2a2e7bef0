/// Encodes a `Codable` value in the compact binary format of ``CompactFormat``: like JSON in
/// shape (keyed containers keep their keys, so optional fields and changed types read back as
/// with JSON), but arrays of fixed-width numbers and strings, and dictionaries from `UInt64`
/// or `String` to `Int32`, are stored as single packed blocks. The clustering index, mostly
/// such arrays, encodes in a fraction of JSON's time, size and memory.
struct CompactEncoder {
    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = EncodingNode()
        try root.store(value, codingPath: [])
        // Written straight from the nodes, counted first: no second tree of values and no
        // doubling buffer beside an index of tens of megabytes.
        var counter = CompactFormat.CountingSink()
        root.write(to: &counter)
        var sink = CompactFormat.ByteArraySink(bytes: [])
        sink.bytes.reserveCapacity(CompactFormat.magic.count + counter.count)
        sink.bytes.append(contentsOf: CompactFormat.magic)
        root.write(to: &sink)
        return sink.bytes
    }

    /// Encodes `value` as `encode(_:)` does, handing the bytes to `emit` in pieces of
    /// `pieceSize` (the last one shorter) as they are written: the encoded form is never
    /// held whole. The first error `emit` throws stops the writing and is thrown.
    func encode<T: Encodable>(_ value: T, pieceSize: Int = 1 << 20, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        let root = EncodingNode()
        try root.store(value, codingPath: [])
        try withoutActuallyEscaping(emit) { emit in
            var sink = CompactFormat.PieceSink(size: pieceSize, emit: emit)
            sink.append(contentsOf: CompactFormat.magic)
            root.write(to: &sink)
            try sink.finish()
        }
    }
}

/// A value being encoded; containers are filled after they are handed out, so they are nodes.
final class EncodingNode {
    enum Kind {
        case empty, value, keyed, unkeyed
    }

    private(set) var kind = Kind.empty
    private var value = CompactValue.null
    /// The keys of a keyed container, beside `children`.
    private var keys: [String] = []
    private var children: [EncodingNode] = []

    var resolved: CompactValue {
        switch kind {
        case .empty: .object([])
        case .value: value
        case .keyed: .object(zip(keys, children).map { ($0, $1.resolved) })
        case .unkeyed: .array(children.map(\.resolved))
        }
    }

    var count: Int { children.count }

    /// Writes the node as ``CompactFormat`` bytes, as `resolved` would be written.
    func write<S: CompactFormat.Sink>(to out: inout S) {
        switch kind {
        case .empty: CompactFormat.writeObjectHeader(count: 0, to: &out)
        case .value: CompactFormat.write(value, to: &out)
        case .keyed:
            CompactFormat.writeObjectHeader(count: children.count, to: &out)
            for (key, child) in zip(keys, children) {
                CompactFormat.string(key, to: &out)
                child.write(to: &out)
            }
        case .unkeyed:
            CompactFormat.writeArrayHeader(count: children.count, to: &out)
            for child in children { child.write(to: &out) }
        }
    }

    func set(_ value: CompactValue) {
        kind = .value
        self.value = value
        keys = []
        children = []
    }

    /// Makes the node a container of `kind` (keeping what it holds when it already is one).
    func become(_ kind: Kind) {
        guard self.kind != kind else { return }
        self.kind = kind
        keys = []
        children = []
    }

    func store<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        if let packed = PackedArray(value) {
            set(.packed(packed))
        } else if let primitive = Self.primitive(value) {
            set(primitive)
        } else {
            try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
        }
    }

    static func primitive(_ value: Any) -> CompactValue? {
        switch value {
        case let v as String: .string(v)
        case let v as Bool: .bool(v)
        case let v as Int: .int(Int64(v))
        case let v as Int8: .int(Int64(v))
        case let v as Int16: .int(Int64(v))
        case let v as Int32: .int(Int64(v))
        case let v as Int64: .int(v)
        case let v as UInt: .uint(UInt64(v))
        case let v as UInt8: .uint(UInt64(v))
        case let v as UInt16: .uint(UInt64(v))
        case let v as UInt32: .uint(UInt64(v))
        case let v as UInt64: .uint(v)
        case let v as Double: .double(v)
        case let v as Float: .float(v)
        default: nil
        }
    }

    func child(forKey key: String) -> EncodingNode {
        become(.keyed)
        let node = EncodingNode()
        keys.append(key)
        children.append(node)
        return node
    }

    func appendChild() -> EncodingNode {
        become(.unkeyed)
        let node = EncodingNode()
        children.append(node)
        return node
    }
}

private struct NodeEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.become(.keyed)
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.become(.unkeyed)
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).set(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.child(forKey: key.stringValue).store(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws { node.appendChild().set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try node.appendChild().store(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.appendChild(), codingPath: codingPath) }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws { try node.store(value, codingPath: codingPath) }
}
