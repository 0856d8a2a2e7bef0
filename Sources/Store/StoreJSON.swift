import Foundation

/// Lists kept as JSON text columns (authors, summary, labels, countries).
enum StoreJSON {
    /// The decoder for what the direct readers give up on: non-finite scores spelled as
    /// strings, as the writers spell them.
    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }()

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
