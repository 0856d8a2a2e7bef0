/// Decodes what ``CompactEncoder`` wrote. Damaged bytes, or bytes of another shape, throw
/// (`DecodingError` or ``CompactFormat/Failure``); they never crash.
struct CompactDecoder {
    /// Decodes `type` from `bytes`, which are let go once read into values: the values of a
    /// large index are decoded without its bytes beside them.
    func decode<T: Decodable>(_ type: T.Type, from bytes: consuming [UInt8]) throws -> T {
        let value = try CompactFormat.value(from: bytes)
        _ = consume bytes
        return try ValueDecoder(value: value, codingPath: []).decodeValue(type)
    }

    /// Decodes `type` from bytes that come in pieces (see
    /// ``CompactFormat/value(size:pieces:)``): only one piece at a time is in memory beside
    /// the values, and the decoded arrays share their storage with those values.
    func decode<T: Decodable>(_ type: T.Type, size: Int, pieces next: () throws -> [UInt8]?) throws -> T {
        let value = try CompactFormat.value(size: size, pieces: next)
        return try ValueDecoder(value: value, codingPath: []).decodeValue(type)
    }
}

private struct ValueDecoder: Decoder {
    let value: CompactValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if case .packed(let packed) = value, let decoded = packed.value(as: type) { return decoded }
        if let primitive = try primitive(type) { return primitive }
        return try T(from: self)
    }

    private func mismatch(_ type: Any.Type) -> DecodingError {
        DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "found \(value.kind) in the compact index"))
    }

    /// `type` read from a number, a string or a flag; `nil` when `type` is none of those.
    private func primitive<T>(_ type: T.Type) throws -> T? {
        func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
            switch value {
            case .int(let number): if let exact = I(exactly: number) { return exact }
            case .uint(let number): if let exact = I(exactly: number) { return exact }
            default: break
            }
            throw mismatch(type)
        }
        func floating<F: BinaryFloatingPoint>(_ type: F.Type) throws -> F {
            switch value {
            case .double(let number): return F(number)
            case .float(let number): return F(number)
            case .int(let number): return F(number)
            case .uint(let number): return F(number)
            default: throw mismatch(type)
            }
        }
        switch type {
        case is String.Type:
            guard case .string(let text) = value else { throw mismatch(type) }
            return text as? T
        case is Bool.Type:
            guard case .bool(let flag) = value else { throw mismatch(type) }
            return flag as? T
        case is Double.Type: return try floating(Double.self) as? T
        case is Float.Type: return try floating(Float.self) as? T
        default:
            guard let integerType = type as? any FixedWidthInteger.Type else { return nil }
            return try integer(integerType) as? T
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = value else { throw mismatch([String: Any].self) }
        var byKey: [String: CompactValue] = [:]
        for field in fields { byKey[field.key] = field.value }
        return KeyedDecodingContainer(KeyedValueContainer<Key>(fields: byKey, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch value {
        case .array(let items): return UnkeyedValueContainer(items: items, codingPath: codingPath)
        case .packed(let packed): return UnkeyedValueContainer(items: packed.elements, codingPath: codingPath)
        default: throw mismatch([Any].self)
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueContainer(decoder: self) }
}

private struct IndexKey: CodingKey {
    var stringValue: String { "\(intValue ?? 0)" }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct KeyedValueContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: [String: CompactValue]
    let codingPath: [any CodingKey]
    var allKeys: [Key] { fields.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

    private func field(_ key: Key) throws -> CompactValue {
        guard let value = fields[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no '\(key.stringValue)' in the compact index"))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try field(key) == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try ValueDecoder(value: try field(key), codingPath: codingPath + [key]).decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: try field(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: try field(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { ValueDecoder(value: fields["super"] ?? .null, codingPath: codingPath) }

    func superDecoder(forKey key: Key) throws -> any Decoder { ValueDecoder(value: try field(key), codingPath: codingPath + [key]) }
}

private struct UnkeyedValueContainer: UnkeyedDecodingContainer {
    let items: [CompactValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [CompactValue], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    private mutating func next() throws -> ValueDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "past the end of an array of \(items.count)"))
        }
        defer { currentIndex += 1 }
        return ValueDecoder(value: items[currentIndex], codingPath: codingPath + [IndexKey(currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: ValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value == .null }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}
