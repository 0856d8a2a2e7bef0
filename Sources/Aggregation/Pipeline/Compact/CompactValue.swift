/// The value tree of the compact binary format (``CompactEncoder``, ``CompactDecoder``):
/// what JSON would hold, plus packed arrays that keep large numeric columns (MinHash
/// signatures, postings, term weights) as raw little-endian bytes instead of one value each.
indirect enum CompactValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case float(Float)
    case string(String)
    case array([CompactValue])
    /// Keys in the order they were written.
    case object([(key: String, value: CompactValue)])
    case packed(PackedArray)

    /// What kind of value this is, for error messages (never the value itself, which can be
    /// the whole index).
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a flag"
        case .int, .uint: "an integer"
        case .double, .float: "a number"
        case .string: "a string"
        case .array(let items): "an array of \(items.count)"
        case .object(let fields): "an object of \(fields.count) fields"
        case .packed: "a packed array"
        }
    }

    static func == (left: CompactValue, right: CompactValue) -> Bool {
        switch (left, right) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.uint(let a), .uint(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.float(let a), .float(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        case (.packed(let a), .packed(let b)): a == b
        default: false
        }
    }
}

/// A homogeneous array (or dictionary) stored as one block.
enum PackedArray: Sendable, Equatable {
    case int32([Int32])
    case uint32([UInt32])
    case int64([Int64])
    case uint64([UInt64])
    case int([Int])
    case float([Float])
    case double([Double])
    case strings([String])
    case uint64ToInt32(keys: [UInt64], values: [Int32])
    case stringToInt32(keys: [String], values: [Int32])

    /// The packed form of `value` when its type has one (decided by the static type: an
    /// empty array or dictionary would convert to any other element type).
    init?<T>(_ value: T) {
        switch T.self {
        case is [Int32].Type: self = .int32(value as! [Int32])
        case is [UInt32].Type: self = .uint32(value as! [UInt32])
        case is [Int64].Type: self = .int64(value as! [Int64])
        case is [UInt64].Type: self = .uint64(value as! [UInt64])
        case is [Int].Type: self = .int(value as! [Int])
        case is [Float].Type: self = .float(value as! [Float])
        case is [Double].Type: self = .double(value as! [Double])
        case is [String].Type: self = .strings(value as! [String])
        case is [UInt64: Int32].Type:
            let map = value as! [UInt64: Int32]
            self = .uint64ToInt32(keys: Array(map.keys), values: Array(map.values))
        case is [String: Int32].Type:
            let map = value as! [String: Int32]
            self = .stringToInt32(keys: Array(map.keys), values: Array(map.values))
        default: return nil
        }
    }

    /// The Swift value of type `type`, when this block holds exactly that type.
    func value<T>(as type: T.Type) -> T? {
        switch self {
        case .int32(let array): type == [Int32].self ? array as? T : nil
        case .uint32(let array): type == [UInt32].self ? array as? T : nil
        case .int64(let array): type == [Int64].self ? array as? T : nil
        case .uint64(let array): type == [UInt64].self ? array as? T : nil
        case .int(let array): type == [Int].self ? array as? T : nil
        case .float(let array): type == [Float].self ? array as? T : nil
        case .double(let array): type == [Double].self ? array as? T : nil
        case .strings(let array): type == [String].self ? array as? T : nil
        case .uint64ToInt32(let keys, let values):
            type == [UInt64: Int32].self ? Dictionary(zip(keys, values), uniquingKeysWith: { first, _ in first }) as? T : nil
        case .stringToInt32(let keys, let values):
            type == [String: Int32].self ? Dictionary(zip(keys, values), uniquingKeysWith: { first, _ in first }) as? T : nil
        }
    }

    /// The elements one by one, for a decoder that reads the block as an ordinary array.
    var elements: [CompactValue] {
        switch self {
        case .int32(let array): array.map { .int(Int64($0)) }
        case .uint32(let array): array.map { .uint(UInt64($0)) }
        case .int64(let array): array.map { .int($0) }
        case .uint64(let array): array.map { .uint($0) }
        case .int(let array): array.map { .int(Int64($0)) }
        case .float(let array): array.map { .float($0) }
        case .double(let array): array.map { .double($0) }
        case .strings(let array): array.map { .string($0) }
        case .uint64ToInt32(let keys, let values): zip(keys, values).flatMap { [CompactValue.uint($0), .int(Int64($1))] }
        case .stringToInt32(let keys, let values): zip(keys, values).flatMap { [CompactValue.string($0), .int(Int64($1))] }
        }
    }
}
