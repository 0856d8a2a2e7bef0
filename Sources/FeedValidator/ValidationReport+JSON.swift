/// JSON output: one object per document, on one line.
extension ValidationReport {
    /// `{"input","format","valid","errors","warnings","messages":[{"severity","code","message","line","column","element","parent"}]}`
    public func jsonLine(input: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(128 + messages.count * 160)
        func raw(_ text: StaticString) { text.withUTF8Buffer { out.append(contentsOf: $0) } }
        func number(_ value: Int) { out.append(contentsOf: String(value).utf8) }
        raw("{\"input\":")
        Self.appendQuoted(input, to: &out)
        raw(",\"format\":")
        Self.appendQuoted(format.rawValue, to: &out)
        valid ? raw(",\"valid\":true") : raw(",\"valid\":false")
        raw(",\"errors\":")
        number(errors)
        raw(",\"warnings\":")
        number(warnings)
        raw(",\"messages\":[")
        for (index, message) in messages.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            raw("{\"severity\":")
            Self.appendQuoted(message.severity.rawValue, to: &out)
            raw(",\"code\":")
            Self.appendQuoted(message.code, to: &out)
            raw(",\"message\":")
            Self.appendQuoted(message.message, to: &out)
            raw(",\"line\":")
            number(message.line)
            raw(",\"column\":")
            number(message.column)
            raw(",\"element\":")
            Self.appendQuoted(message.element, to: &out)
            raw(",\"parent\":")
            Self.appendQuoted(message.parent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        raw("]}")
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` as a JSON string (quotes, backslashes and controls escaped).
    static func appendQuoted(_ value: String, to out: inout [UInt8]) {
        out.append(0x22)
        for byte in value.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
