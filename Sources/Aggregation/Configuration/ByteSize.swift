import Foundation

/// A size in bytes written as `512KB`, `10MB`, `1GB` (powers of 1024) or a plain number.
public struct ByteSize: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The size in bytes.
    public var bytes: Int

    /// Creates a size of `bytes`.
    public init(bytes: Int) {
        self.bytes = bytes
    }

    /// `megabytes` MiB.
    public static func megabytes(_ megabytes: Int) -> ByteSize { ByteSize(bytes: megabytes << 20) }

    /// Parses `10MB`, `10 MiB`, `512k`, `2048`; nil otherwise.
    public init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = text.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(digits), value >= 0 else { return nil }
        let unit = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        let multiplier: Double
        switch unit {
        case "", "b": multiplier = 1
        case "k", "kb", "kib": multiplier = 1024
        case "m", "mb", "mib": multiplier = 1024 * 1024
        case "g", "gb", "gib": multiplier = 1024 * 1024 * 1024
        default: return nil
        }
        self.bytes = Int(value * multiplier)
    }

    /// Decodes `10MB` or a number of bytes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self), number >= 0 {
            self.bytes = number
            return
        }
        let text = try container.decode(String.self)
        guard let parsed = ByteSize(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a size such as 512KB or 10MB, found '\(text)'")
        }
        self = parsed
    }

    /// Encodes the short form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// `10MB`, `512KB` or a number of bytes.
    public var description: String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20)MB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10)KB" }
        return "\(bytes)"
    }
}
