import Foundation

/// Lists kept as JSON text columns (authors, summary, labels, countries).
enum StoreJSON {
    /// One encoder for every column: sorted keys, non-finite scores spelled as strings so that
    /// every value can be stored and read back.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }()

    /// The matching decoder.
    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }()

    /// JSON text for a list.
    static func text<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The list a JSON text column holds.
    static func value<Value: Decodable>(_ type: Value.Type, from text: String, column: String) throws -> Value {
        if Value.self == [String].self, let list = strings(text) { return list as! Value }
        if Value.self == [ScoredLabel].self, let list = labels(text) { return list as! Value }
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoredValueError(column: column)
        }
    }
}
