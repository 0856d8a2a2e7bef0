import Foundation
import Yams

/// A lean `Decoder` over a composed YAML tree, for a configuration that decodes without error.
///
/// Yams' own decoder finds each key by scanning the mapping and comparing nodes whose tags are
/// resolved with regular expressions; with a thousand sources that is a quarter of a second at
/// every start. This one reads each mapping into a dictionary once. Scalars are converted by
/// Yams' own `ScalarConstructible` conformances, so every value is the one Yams would give.
///
/// It gives no error messages of its own: on any problem, and on aliases and merge keys, it throws ``NodeDecoder/Declined`` and the loader decodes again with `YAMLDecoder`, whose
/// errors it already turns into messages naming the line and key.
struct NodeDecoder: Decoder {
    /// Raised where this decoder leaves the decision to `YAMLDecoder`.
    struct Declined: Error {}

    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node, codingPath: [any CodingKey] = []) {
        self.node = node
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else { throw Declined() }
        var values: [String: Node] = [:]
        var order: [String] = []
        values.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key, scalar.string != "<<" else { throw Declined() }
            // Yams refuses a mapping with two equal keys before this point.
            if values.updateValue(value, forKey: scalar.string) == nil { order.append(scalar.string) }
        }
        return KeyedDecodingContainer(Keyed<Key>(values: values, order: order, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else { throw Declined() }
        return Unkeyed(nodes: Array(sequence), codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        Single(node: node, codingPath: codingPath)
    }

    /// The scalar of `node`.
    static func scalar(_ node: Node) throws -> Node.Scalar {
        guard case .scalar(let scalar) = node else { throw Declined() }
        return scalar
    }

    /// A value built by one of Yams' scalar constructors.
    static func construct<T>(_ node: Node, _ constructor: (Node.Scalar) -> T?) throws -> T {
        guard let value = constructor(try scalar(node)) else { throw Declined() }
        return value
    }

    /// Whether `node` is YAML's null (`~`, `null` or nothing).
    static func isNull(_ node: Node) -> Bool {
        if case .scalar = node { return node.null != nil }
        return false
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let values: [String: Node]
        let order: [String]
        let codingPath: [any CodingKey]

        var allKeys: [Key] { order.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { values[key.stringValue] != nil }

        private func node(_ key: Key) throws -> Node {
            guard let node = values[key.stringValue] else { throw Declined() }
            return node
        }

        func decodeNil(forKey key: Key) throws -> Bool { NodeDecoder.isNull(try node(key)) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try NodeDecoder.construct(try node(key), Bool.construct) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try NodeDecoder.construct(try node(key), String.construct) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try NodeDecoder.construct(try node(key), Double.construct) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try NodeDecoder.construct(try node(key), Int.construct) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try T(from: NodeDecoder(node: try node(key), codingPath: codingPath + [key]))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try NodeDecoder(node: try node(key), codingPath: codingPath + [key]).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try NodeDecoder(node: try node(key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { throw Declined() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw Declined() }
    }

    private struct Unkeyed: UnkeyedDecodingContainer {
        let nodes: [Node]
        let codingPath: [any CodingKey]
        var currentIndex = 0

        init(nodes: [Node], codingPath: [any CodingKey]) {
            self.nodes = nodes
            self.codingPath = codingPath
        }

        var count: Int? { nodes.count }
        var isAtEnd: Bool { currentIndex >= nodes.count }

        private mutating func next() throws -> Node {
            guard !isAtEnd else { throw Declined() }
            defer { currentIndex += 1 }
            return nodes[currentIndex]
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { throw Declined() }
            if NodeDecoder.isNull(nodes[currentIndex]) {
                currentIndex += 1
                return true
            }
            return false
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try NodeDecoder.construct(try next(), Bool.construct) }
        mutating func decode(_ type: String.Type) throws -> String { try NodeDecoder.construct(try next(), String.construct) }
        mutating func decode(_ type: Double.Type) throws -> Double { try NodeDecoder.construct(try next(), Double.construct) }
        mutating func decode(_ type: Int.Type) throws -> Int { try NodeDecoder.construct(try next(), Int.construct) }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let index = currentIndex
            return try T(from: NodeDecoder(node: try next(), codingPath: codingPath + [AnyCodingKey(intValue: index)!]))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try NodeDecoder(node: try next(), codingPath: codingPath).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try NodeDecoder(node: try next(), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { throw Declined() }
    }

    private struct Single: SingleValueDecodingContainer {
        let node: Node
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool { NodeDecoder.isNull(node) }
        func decode(_ type: Bool.Type) throws -> Bool { try NodeDecoder.construct(node, Bool.construct) }
        func decode(_ type: String.Type) throws -> String { try NodeDecoder.construct(node, String.construct) }
        func decode(_ type: Double.Type) throws -> Double { try NodeDecoder.construct(node, Double.construct) }
        func decode(_ type: Int.Type) throws -> Int { try NodeDecoder.construct(node, Int.construct) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try T(from: NodeDecoder(node: node, codingPath: codingPath))
        }
    }
}
