/// Looks through escaped HTML (an RSS description, an Atom `type="html"` text) for what breaks
/// or endangers feed readers: scripts and plug-ins, event attributes, `javascript:` links,
/// dangerous styles, and relative links that no base can resolve.
enum HTMLCheck {
    /// One thing found, as an identifier and a short detail.
    struct Finding: Equatable {
        var code: String
        var detail: String
    }

    static let riskyElements: Set<String> = [
        "script", "applet", "embed", "object", "iframe", "frame", "frameset", "meta", "link", "style", "form", "base", "blink", "marquee",
    ]
    static let commonTags: Set<String> = [
        "a", "abbr", "b", "blockquote", "br", "code", "div", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li",
        "ol", "p", "pre", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "table", "td", "th", "tr", "tt", "u", "ul",
        "script", "iframe", "object", "embed", "center", "dl", "dt", "dd", "cite", "del", "ins",
    ]
    static let linkAttributes: Set<String> = ["href", "src", "background", "cite", "longdesc", "lowsrc", "usemap"]

    /// Everything risky or broken in `html`; `hasBase` says whether relative links resolve.
    static func scan(_ html: String, hasBase: Bool) -> [Finding] {
        var findings: [Finding] = []
        let bytes = Array(html.utf8)
        guard bytes.contains(UInt8(ascii: "<")) else { return [] }
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count else {
                i += 1
                continue
            }
            var j = i + 1
            if bytes[j] == UInt8(ascii: "/") || bytes[j] == UInt8(ascii: "!") || bytes[j] == UInt8(ascii: "?") {
                i = j
                continue
            }
            let nameStart = j
            while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
            guard j > nameStart else {
                i = j
                continue
            }
            let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
            if riskyElements.contains(name) {
                append(&findings, Finding(code: name == "blink" ? "NoBlink" : "SecurityRisk", detail: "<\(name)>"))
            }
            // Attributes up to '>'.
            while j < bytes.count, bytes[j] != UInt8(ascii: ">") {
                while j < bytes.count, bytes[j] == 32 || bytes[j] == 9 || bytes[j] == 10 || bytes[j] == 13 || bytes[j] == UInt8(ascii: "/") {
                    j += 1
                }
                let attributeStart = j
                while j < bytes.count, isNameByte(bytes[j]) || bytes[j] == UInt8(ascii: ":") { j += 1 }
                if j == attributeStart {
                    if j < bytes.count, bytes[j] != UInt8(ascii: ">") { j += 1 }
                    continue
                }
                let attribute = String(decoding: bytes[attributeStart..<j], as: UTF8.self).lowercased()
                var value = ""
                if j < bytes.count, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    if j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                        let quote = bytes[j]
                        let valueStart = j + 1
                        j = valueStart
                        while j < bytes.count, bytes[j] != quote { j += 1 }
                        value = String(decoding: bytes[valueStart..<min(j, bytes.count)], as: UTF8.self)
                        j += 1
                    } else {
                        let valueStart = j
                        while j < bytes.count, bytes[j] != 32, bytes[j] != UInt8(ascii: ">") { j += 1 }
                        value = String(decoding: bytes[valueStart..<j], as: UTF8.self)
                    }
                }
                inspect(attribute: attribute, value: value, element: name, hasBase: hasBase, into: &findings)
            }
            i = j
        }
        return findings
    }

    private static func inspect(attribute: String, value: String, element: String, hasBase: Bool, into findings: inout [Finding]) {
        if attribute.hasPrefix("on") {
            append(&findings, Finding(code: "SecurityRiskAttr", detail: "\(attribute) on <\(element)>"))
        } else if attribute == "style" {
            let lowered = value.lowercased()
            if lowered.contains("expression(") || lowered.contains("javascript:") || lowered.contains("behavior:")
                || lowered.contains("-moz-binding") || lowered.contains("url(")
            {
                append(&findings, Finding(code: "DangerousStyleAttr", detail: "style on <\(element)>"))
            }
        } else if linkAttributes.contains(attribute) {
            let target = value.trimmed
            let lowered = target.lowercased()
            if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") {
                append(&findings, Finding(code: "SecurityRisk", detail: "a \(lowered.prefix { $0 != ":" }): link"))
            } else if !hasBase, !target.isEmpty, !target.hasPrefix("#"), URICheck.scheme(target) == nil {
                append(&findings, Finding(code: "ContainsRelRef", detail: target))
            }
        }
    }

    private static func append(_ findings: inout [Finding], _ finding: Finding) {
        if !findings.contains(where: { $0.code == finding.code }) { findings.append(finding) }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// Whether plain text contains something that looks like an HTML tag or entity.
    static func looksLikeHTML(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<") {
                var j = i + 1
                if j < bytes.count, bytes[j] == UInt8(ascii: "/") { j += 1 }
                let start = j
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                if j > start, j < bytes.count, bytes[j] == UInt8(ascii: ">") || bytes[j] == 32 || bytes[j] == UInt8(ascii: "/") {
                    if commonTags.contains(String(decoding: bytes[start..<j], as: UTF8.self).lowercased()) { return true }
                }
            } else if bytes[i] == UInt8(ascii: "&") {
                let rest = bytes[(i + 1)...].prefix(8)
                if let semicolon = rest.firstIndex(of: UInt8(ascii: ";")), semicolon > i + 1 {
                    let name = bytes[(i + 1)..<semicolon]
                    if name.allSatisfy({ isNameByte($0) || $0 == UInt8(ascii: "#") }) { return true }
                }
            }
            i += 1
        }
        return false
    }
}
