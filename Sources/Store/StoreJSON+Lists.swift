/// Direct readers for the two list shapes the store writes (lists of strings and lists of
/// labels), about ten times faster than `JSONDecoder` on the columns every article and story
/// row carries. Anything else in the text makes them give up (`nil`), and the general decoder
/// reads it instead, so they never change what is read, only how fast.
extension StoreJSON {
    /// A JSON array of strings.
    static func strings(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = ListReader(bytes: bytes)
            return reader.list { reader in reader.string() }
        }
    }

    /// A JSON array of `{"id": …, "name": …, "score": …}` objects (score a number, or one of
    /// the strings that stand for infinities and NaN).
    static func labels(_ text: String) -> [ScoredLabel]? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = ListReader(bytes: bytes)
            return reader.list { reader in reader.label() }
        }
    }
}

private struct ListReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard current == byte else { return false }
        offset += 1
        return true
    }

    /// `[` element (`,` element)* `]` and nothing after.
    mutating func list<Element>(_ element: (inout ListReader) -> Element?) -> [Element]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var result: [Element] = []
        if !take(UInt8(ascii: "]")) {
            repeat {
                guard let next = element(&self) else { return nil }
                result.append(next)
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "]")) else { return nil }
        }
        skipSpace()
        return offset == bytes.count ? result : nil
    }

    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = offset
        // The common case: no escapes, the bytes are the string.
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte >= 0x20 { offset += 1 }
        guard let stop = current, stop >= 0x20 else { return nil }
        if stop == UInt8(ascii: "\"") {
            offset += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset - 1]), as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self).unicodeScalars)
        var pendingHigh: UInt32?
        while let byte = current {
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return pendingHigh == nil ? String(scalars) : nil
            }
            guard byte == UInt8(ascii: "\\") else {
                guard pendingHigh == nil else { return nil }
                let runStart = offset
                while let next = current, next != UInt8(ascii: "\""), next != UInt8(ascii: "\\"), next >= 0x20 { offset += 1 }
                guard offset > runStart else { return nil }
                scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]), as: UTF8.self).unicodeScalars)
                continue
            }
            offset += 1
            guard let escaped = current else { return nil }
            offset += 1
            if escaped == UInt8(ascii: "u") {
                guard let unit = hex4() else { return nil }
                if let high = pendingHigh {
                    guard unit >= 0xDC00, unit <= 0xDFFF, let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)) else {
                        return nil
                    }
                    scalars.append(scalar)
                    pendingHigh = nil
                } else if unit >= 0xD800, unit <= 0xDBFF {
                    pendingHigh = unit
                } else {
                    guard let scalar = Unicode.Scalar(unit) else { return nil }
                    scalars.append(scalar)
                }
                continue
            }
            guard pendingHigh == nil else { return nil }
            switch escaped {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            default: return nil
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard offset + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    private mutating func number() -> Double? {
        skipSpace()
        if current == UInt8(ascii: "\"") {
            switch string() {
            case "inf": return .infinity
            case "-inf": return -.infinity
            case "nan": return .nan
            default: return nil
            }
        }
        let start = offset
        while let byte = current,
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        {
            offset += 1
        }
        guard offset > start else { return nil }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self))
    }

    mutating func label() -> ScoredLabel? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var id: String?
        var name: String?
        var score: Double?
        repeat {
            guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
            switch key {
            case "id" where id == nil: id = string()
            case "name" where name == nil: name = string()
            case "score" where score == nil: score = number()
            default: return nil
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), let id, let name, let score else { return nil }
        return ScoredLabel(id: id, name: name, score: score)
    }
}
