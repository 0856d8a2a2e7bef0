/// Direct writers for the two list shapes the store keeps (lists of strings and lists of
/// labels): the same bytes `JSONEncoder` writes with the store's settings (sorted keys,
/// unescaped slashes, non-finite scores as strings), without its generic machinery, which was
/// a twentieth of a cold aggregation's time, all of it on the serial commit path.
extension StoreJSON {
    /// A JSON array of strings.
    static func text(_ list: [String]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(list.reduce(2) { $0 + $1.utf8.count + 3 })
        out.append(UInt8(ascii: "["))
        for (index, string) in list.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendString(string, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON array of `{"id":…,"name":…,"score":…}` objects.
    static func text(_ labels: [ScoredLabel]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(labels.reduce(2) { $0 + $1.id.utf8.count + $1.name.utf8.count + 40 })
        out.append(UInt8(ascii: "["))
        for (index, label) in labels.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"id":"#.utf8)
            appendString(label.id, to: &out)
            out.append(contentsOf: #","name":"#.utf8)
            appendString(label.name, to: &out)
            out.append(contentsOf: #","score":"#.utf8)
            appendNumber(label.score, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// A quoted string: quote, backslash and control characters escaped, everything else as is.
    private static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A number as the encoder spells it (its shortest form, without a trailing ".0"), and the
    /// non-finite ones as the strings the decoder turns back into them.
    private static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(contentsOf: (value.isNaN ? #""nan""# : value > 0 ? #""inf""# : #""-inf""#).utf8)
            return
        }
        var spelled = value.description
        if spelled.hasSuffix(".0") { spelled.removeLast(2) }
        out.append(contentsOf: spelled.utf8)
    }
}
