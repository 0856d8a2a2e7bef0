/// Looks through escaped HTML (an RSS description, an Atom `type="html"` text) for what breaks
/// or endangers feed readers: scripts and plug-ins, event attributes, `javascript:` links,
/// dangerous styles, and relative links that no base can resolve.
enum HTMLCheck {
    /// One thing found, as an identifier and a short detail.
    struct Finding: Equatable {
        var code: String
        var detail: String
    }

    /// HTML elements readers strip because they run code, load plug-ins or change the page.
    static let riskyElements: Set<String> = [
        "applet", "base", "basefont", "embed", "frame", "frameset", "iframe", "isindex", "link", "meta", "noframes", "object",
        "param", "plaintext", "script", "style", "xmp", "listing", "comment", "slot",
    ]
    /// Every HTML element name; a tag outside this list is not HTML.
    static let htmlElements: Set<String> = riskyElements.union([
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "bdi", "bdo", "big", "blockquote", "body", "br",
        "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "command", "data", "datalist", "dd", "del",
        "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1",
        "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "img", "input", "ins", "kbd", "label", "legend",
        "li", "main", "map", "mark", "menu", "meter", "nav", "noscript", "ol", "optgroup", "option", "output", "p", "picture", "pre",
        "progress", "q", "rp", "rt", "ruby", "s", "samp", "section", "select", "small", "source", "span", "strike", "strong", "sub",
        "summary", "sup", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt",
        "u", "ul", "var", "video", "wbr", "keygen", "nobr", "spacer", "multicol", "sound",
    ])
    /// CSS properties that only change presentation.
    static let safeStyleProperties: Set<String> = [
        "background", "background-color", "border", "border-bottom", "border-bottom-color", "border-bottom-style", "border-bottom-width",
        "border-collapse", "border-color", "border-left", "border-left-color", "border-left-style", "border-left-width", "border-right",
        "border-right-color", "border-right-style", "border-right-width", "border-spacing", "border-style", "border-top",
        "border-top-color", "border-top-style", "border-top-width", "border-width", "clear", "color", "cursor", "direction", "display",
        "float", "font", "font-family", "font-size", "font-style", "font-variant", "font-weight", "height", "letter-spacing",
        "line-height", "list-style-type", "margin", "margin-bottom", "margin-left", "margin-right", "margin-top", "overflow", "padding",
        "padding-bottom", "padding-left", "padding-right", "padding-top", "text-align", "text-decoration", "text-indent",
        "unicode-bidi", "vertical-align", "white-space", "width", "max-width", "min-width", "max-height", "min-height",
    ]
    static let commonTags: Set<String> = [
        "a", "abbr", "b", "blockquote", "br", "code", "div", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li",
        "ol", "p", "pre", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "table", "td", "th", "tr", "tt", "u", "ul",
        "script", "iframe", "object", "embed", "center", "dl", "dt", "dd", "cite", "del", "ins",
    ]
    static let linkAttributes: Set<String> = ["href", "src", "background", "cite", "longdesc", "lowsrc", "usemap", "action", "poster"]

    /// Everything risky or broken in `html`. With `relativeLinks`, links and images whose
    /// address is relative are reported (readers cannot resolve them).
    static func scan(_ html: String, relativeLinks: Bool) -> [Finding] {
        var findings: [Finding] = []
        let bytes = Array(html.utf8)
        if bytes.contains(UInt8(ascii: "&")), let reference = c1Reference(in: html) {
            findings.append(Finding(code: "NotHtml", detail: "\(reference) (a control character, probably a double-escaped Windows quote)"))
        }
        guard bytes.contains(UInt8(ascii: "<")) else { return findings }
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count else {
                i += 1
                continue
            }
            var j = i + 1
            if bytes[j] == UInt8(ascii: "/") || bytes[j] == UInt8(ascii: "!") || bytes[j] == UInt8(ascii: "?") {
                if bytes[j] == UInt8(ascii: "?"), bytes[(j + 1)...].prefix(6).map({ $0 | 0x20 }).elementsEqual("import".utf8) {
                    append(&findings, Finding(code: "SecurityRisk", detail: "<?import>"))
                }
                i = j
                continue
            }
            let nameStart = j
            while j < bytes.count, isNameByte(bytes[j]) || bytes[j] == UInt8(ascii: ":") { j += 1 }
            guard j > nameStart, (65...90).contains(bytes[nameStart]) || (97...122).contains(bytes[nameStart]) else {
                i = j
                continue
            }
            let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
            if riskyElements.contains(name) {
                append(&findings, Finding(code: "SecurityRisk", detail: "<\(name)>"))
            } else if !htmlElements.contains(name) {
                append(&findings, Finding(code: "NotHtml", detail: "<\(name)>"))
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
                while j < bytes.count, bytes[j] == 32 { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < bytes.count, bytes[j] == 32 { j += 1 }
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
                inspect(attribute: attribute, value: value, element: name, relativeLinks: relativeLinks, into: &findings)
            }
            i = j
        }
        return findings
    }

    /// Whether a style attribute does more than presentation (unknown properties, url(),
    /// expressions, odd characters).
    static func isDangerousStyle(_ style: String) -> Bool {
        let allowed = Set(":,;#%. \t\n\r!-'\"()".utf8)
        if style.utf8.contains(where: { !((48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) || allowed.contains($0)) }) {
            return true
        }
        let lowered = Array(style.utf8).map { (65...90).contains($0) ? $0 | 0x20 : $0 }
        for word in ["url(", "expression", "javascript"] where lowered.containsSequence(Array(word.utf8)) { return true }
        for declaration in lowered.split(separator: UInt8(ascii: ";")) {
            let pair = declaration.split(separator: UInt8(ascii: ":"), maxSplits: 1)
            if pair.isEmpty || pair.allSatisfy({ $0.allSatisfy { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 } }) { continue }
            guard pair.count == 2 else { return true }
            let property = pair[0].drop { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }.reversed().drop {
                $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13
            }
            if !safeStyleProperties.contains(String(decoding: property.reversed(), as: UTF8.self)) { return true }
        }
        return false
    }

    private static func inspect(attribute: String, value: String, element: String, relativeLinks: Bool, into findings: inout [Finding]) {
        if attribute.hasPrefix("on") {
            append(&findings, Finding(code: "SecurityRiskAttr", detail: "\(attribute) on <\(element)>"))
        } else if attribute == "style" {
            if isDangerousStyle(value) { append(&findings, Finding(code: "DangerousStyleAttr", detail: "style on <\(element)>")) }
        } else if linkAttributes.contains(attribute) {
            let target = XMLText.decodeHTMLReferences(value).trimmed
            let lowered = target.lowercased()
            if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") {
                append(&findings, Finding(code: "SecurityRisk", detail: "a \(lowered.prefix { $0 != ":" }): link"))
            } else if relativeLinks, (element == "a" && attribute == "href") || (element == "img" && attribute == "src"),
                URICheck.scheme(target) == nil
            {
                if target.utf8.contains(where: { $0 < 0x80 && !URICheck.isURIByte($0) }) {
                    append(&findings, Finding(code: "InvalidUriChar", detail: target))
                } else {
                    append(&findings, Finding(code: "ContainsRelRef", detail: target))
                }
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

extension HTMLCheck {
    /// Whether plain text holds an HTML end tag (`</b>`), the sign of markup in a text field.
    static func hasHTMLEndTag(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index + 3 < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/") {
                var end = index + 2
                while end < bytes.count, isNameByte(bytes[end]), bytes[end] != UInt8(ascii: "-") { end += 1 }
                if end < bytes.count, end > index + 2, bytes[end] == UInt8(ascii: ">"),
                    htmlElements.contains(String(decoding: bytes[(index + 2)..<end], as: UTF8.self).lowercased())
                {
                    return true
                }
            }
            index += 1
        }
        return false
    }

    /// The first numeric reference to a C1 control character (`&#x92;`, `&#150;`), which HTML
    /// parsers reject.
    static func c1Reference(in html: String) -> String? {
        let bytes = Array(html.utf8)
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), bytes[index + 1] == UInt8(ascii: "#") {
                let hex = bytes[index + 2] == UInt8(ascii: "x") || bytes[index + 2] == UInt8(ascii: "X")
                let start = index + (hex ? 3 : 2)
                var end = start
                while end < bytes.count, end - start < 8, Character(Unicode.Scalar(bytes[end])).isHexDigit { end += 1 }
                let digits = String(decoding: bytes[start..<end], as: UTF8.self)
                if let code = Int(digits, radix: hex ? 16 : 10), (0x80...0x9F).contains(code) {
                    return "&#" + (hex ? "x" : "") + digits + ";"
                }
            }
            index += 1
        }
        return nil
    }
}
