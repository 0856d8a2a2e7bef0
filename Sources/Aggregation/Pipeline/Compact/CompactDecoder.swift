/// Decodes what ``CompactEncoder`` wrote. Damaged bytes, or bytes of another shape, throw
/// (`DecodingError` or ``CompactFormat/Failure``); they never crash.
///
/// Each value of the tree is handed out once and let go as it is decoded: an index is built
/// from the tree part by part, and the parts it has taken no longer sit beside it. (Holding the
/// whole tree to the end, loading the benchmark's index of 20,200 articles peaked 25 MB above
/// the index itself: the signatures, postings and hash tables twice, as packed arrays and as
/// the structures made from them.) A key or an element decoded twice is an error.
struct CompactDecoder {
    /// Decodes `type` from `bytes`, which are let go once read into values: the values of a
    /// large index are decoded without its bytes beside them.
    func decode<T: Decodable>(_ type: T.Type, from bytes: consuming [UInt8]) throws -> T {
        let held = HeldValue(try CompactFormat.value(from: bytes))
        _ = consume bytes
        return try ValueDecoder(held: held, codingPath: []).decodeValue(type)
    }

    /// Decodes `type` from bytes that come in pieces (see
    /// ``CompactFormat/value(size:pieces:)``): only one piece at a time is in memory beside
    /// the values, and the decoded arrays share their storage with those values.
    func decode<T: Decodable>(_ type: T.Type, size: Int, pieces next: () throws -> [UInt8]?) throws -> T {
        try ValueDecoder(held: HeldValue(try CompactFormat.value(size: size, pieces: next)), codingPath: []).decodeValue(type)
    }
}

/// A value of the tree not decoded yet, held by reference so that decoding can take it out.
private final class HeldValue {
    var value: CompactValue
    /// The value's fields, once a keyed container was made of it (the value itself is then let go).
    var fields: HeldFields?

    init(_ value: CompactValue) {
        self.value = value
    }
}

/// The fields of an object, each taken out as it is decoded.
private final class HeldFields {
    var byKey: [String: CompactValue]
    /// Keys whose values were taken: still keys of the object.
    var taken: Set<String> = []

    init(_ fields: [(key: String, value: CompactValue)]) {
        var byKey: [String: CompactValue] = [:]
        for field in fields { byKey[field.key] = field.value }
        self.byKey = byKey
    }
}

private struct ValueDecoder: Decoder {
    let held: HeldValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var value: CompactValue { held.value }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if case .packed(let packed) = value, let decoded = packed.value(as: type) {
            held.value = .null
            return decoded
        }
        if let primitive = try primitive(type) {
            held.value = .null
            return primitive
        }
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

    /// A container over the object's fields; every container made of one value shares them.
    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if held.fields == nil {
            guard case .object(let fields) = value else { throw mismatch([String: Any].self) }
            held.fields = HeldFields(fields)
            held.value = .null
        }
        return KeyedDecodingContainer(KeyedValueContainer<Key>(fields: held.fields ?? HeldFields([]), codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch value {
        case .array(let items):
            held.value = .null
            return UnkeyedValueContainer(items: items, codingPath: codingPath)
        case .packed(let packed):
            held.value = .null
            return UnkeyedValueContainer(items: packed.elements, codingPath: codingPath)
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
    let fields: HeldFields
    let codingPath: [any CodingKey]
    var allKeys: [Key] { (Array(fields.byKey.keys) + fields.taken).compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { fields.byKey[key.stringValue] != nil || fields.taken.contains(key.stringValue) }

    /// A decoder of the key's value, which is taken out of the fields.
    private func take(_ key: Key) throws -> ValueDecoder {
        guard let value = fields.byKey.removeValue(forKey: key.stringValue) else { throw absent(key) }
        fields.taken.insert(key.stringValue)
        return ValueDecoder(held: HeldValue(value), codingPath: codingPath + [key])
    }

    /// The error for a key whose value is not there: never written, or taken already.
    private func absent(_ key: Key) -> DecodingError {
        let name = key.stringValue
        let problem = fields.taken.contains(name) ? "'\(name)' decoded twice" : "no '\(name)' in the compact index"
        return DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: problem))
    }

    /// Whether the key's value is null; a null is taken, anything else stays to be decoded.
    func decodeNil(forKey key: Key) throws -> Bool {
        guard fields.byKey[key.stringValue] == .null else {
            guard contains(key) else { throw absent(key) }
            return false
        }
        _ = try take(key)
        return true
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try take(key).decodeValue(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try take(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try take(key).unkeyedContainer() }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(held: HeldValue(fields.byKey.removeValue(forKey: "super") ?? .null), codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { try take(key) }
}

/// Elements are taken out (left behind as null) as they are decoded.
private struct UnkeyedValueContainer: UnkeyedDecodingContainer {
    var items: [CompactValue]
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
        let item = items[currentIndex]
        items[currentIndex] = .null
        return ValueDecoder(held: HeldValue(item), codingPath: codingPath + [IndexKey(currentIndex)])
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
