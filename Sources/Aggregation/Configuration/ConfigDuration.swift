import Foundation

/// A length of time written as people write it in the configuration: `90s`, `15m`, `1h30m`,
/// `2d`, or a plain number of seconds.
public struct ConfigDuration: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The length in seconds.
    public var seconds: Double

    /// Creates a duration of `seconds`.
    public init(seconds: Double) {
        self.seconds = seconds
    }

    /// `minutes` minutes.
    public static func minutes(_ minutes: Double) -> ConfigDuration { ConfigDuration(seconds: minutes * 60) }
    /// `hours` hours.
    public static func hours(_ hours: Double) -> ConfigDuration { ConfigDuration(seconds: hours * 3600) }
    /// `days` days.
    public static func days(_ days: Double) -> ConfigDuration { ConfigDuration(seconds: days * 86400) }

    /// Parses `30s`, `15m`, `1h30m`, `2d`, `500ms` or a bare number of seconds; nil otherwise.
    public init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !text.isEmpty else { return nil }
        if let plain = Double(text) {
            guard plain >= 0 else { return nil }
            self.seconds = plain
            return
        }
        var total = 0.0
        var number = ""
        var index = text.startIndex
        var sawUnit = false
        while index < text.endIndex {
            let character = text[index]
            if character.isNumber || character == "." {
                number.append(character)
                index = text.index(after: index)
                continue
            }
            guard let value = Double(number) else { return nil }
            var unit = String(character)
            let next = text.index(after: index)
            if character == "m", next < text.endIndex, text[next] == "s" {
                unit = "ms"
                index = text.index(after: next)
            } else {
                index = next
            }
            switch unit {
            case "ms": total += value / 1000
            case "s": total += value
            case "m": total += value * 60
            case "h": total += value * 3600
            case "d": total += value * 86400
            case "w": total += value * 7 * 86400
            default: return nil
            }
            number = ""
            sawUnit = true
        }
        guard number.isEmpty, sawUnit else { return nil }
        self.seconds = total
    }

    /// Decodes a string such as `15m` or a number of seconds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            guard number >= 0 else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a duration cannot be negative")
            }
            self.seconds = number
            return
        }
        let text = try container.decode(String.self)
        guard let parsed = ConfigDuration(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a duration such as 30s, 15m, 1h30m or 2d, found '\(text)'")
        }
        self = parsed
    }

    /// Encodes the short form (`15m`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The short form: `15m`, `1h30m`, `45s`.
    public var description: String {
        var rest = Int(seconds.rounded())
        if rest == 0 { return seconds > 0 ? "\(Int((seconds * 1000).rounded()))ms" : "0s" }
        var text = ""
        for (unit, size) in [("d", 86400), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }

    /// Orders by length.
    public static func < (lhs: ConfigDuration, rhs: ConfigDuration) -> Bool { lhs.seconds < rhs.seconds }
}
