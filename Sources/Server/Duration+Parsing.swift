extension Duration {
    /// Parses a duration written as one or more whole-number parts with a unit: `30s`, `15m`,
    /// `1h`, `1h30m`, `2d`, `500ms`.
    ///
    /// Units are `ms`, `s`, `m`, `h` and `d`; each may appear once, from the largest to the
    /// smallest. The result must be longer than zero.
    /// - Parameter text: the written duration, without spaces.
    /// - Returns: the duration, or `nil` when the text is not a duration or is zero.
    public init?(parsing text: String) {
        let units: [(suffix: String, milliseconds: Int64)] = [
            ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1),
        ]
        var rest = Substring(text)
        var total: Int64 = 0
        var nextUnit = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9, let value = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let letters = rest.prefix { $0.isASCII && $0.isLetter }
            rest = rest.dropFirst(letters.count)
            guard let index = units.firstIndex(where: { $0.suffix == letters }), index >= nextUnit else { return nil }
            nextUnit = index + 1
            total += value * units[index].milliseconds
        }
        guard total > 0 else { return nil }
        self = .milliseconds(total)
    }
}
