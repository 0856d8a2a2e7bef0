/// JSON output: one object per document, on one line.
extension ValidationReport {
    /// `{"input","format","valid","errors","warnings","messages":[{"severity","code","message","line","column","element","parent"}]}`
    public func jsonLine(input: String) -> String {
        var out = "{\"input\":" + Self.quoted(input)
        out += ",\"format\":" + Self.quoted(format.rawValue)
        out += ",\"valid\":" + (valid ? "true" : "false")
        out += ",\"errors\":\(errors),\"warnings\":\(warnings),\"messages\":["
        for (index, message) in messages.enumerated() {
            if index > 0 { out += "," }
            out += "{\"severity\":" + Self.quoted(message.severity.rawValue)
            out += ",\"code\":" + Self.quoted(message.code)
            out += ",\"message\":" + Self.quoted(message.message)
            out += ",\"line\":\(message.line),\"column\":\(message.column)"
            out += ",\"element\":" + Self.quoted(message.element)
            out += ",\"parent\":" + Self.quoted(message.parent) + "}"
        }
        return out + "]}"
    }

    static func quoted(_ value: String) -> String {
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + value + "\"" }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
