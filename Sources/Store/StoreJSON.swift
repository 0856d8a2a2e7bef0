import Foundation

/// Lists kept as JSON text columns (authors, summary, labels, countries).
enum StoreJSON {
    /// How non-finite scores are spelled, so that every value can be stored and read back.
    private static let nonFinite = (positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")

    /// JSON text for a list.
    static func text<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite.positiveInfinity, negativeInfinity: nonFinite.negativeInfinity, nan: nonFinite.nan)
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The list a JSON text column holds.
    static func value<Value: Decodable>(_ type: Value.Type, from text: String, column: String) throws -> Value {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonFinite.positiveInfinity, negativeInfinity: nonFinite.negativeInfinity, nan: nonFinite.nan)
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoredValueError(column: column)
        }
    }
}
