import Foundation
import LibXML

extension FeedDocumentHandler {
    /// What a key's value can hold, looked up once per value.
    struct KeyTraits: OptionSet {
        let rawValue: UInt8
        /// A URI that may be relative (resolved against the base).
        static let relativeURI = KeyTraits(rawValue: 1)
        /// Text that may be markup (sanitized when its type is HTML).
        static let markup = KeyTraits(rawValue: 2)
    }

    static let keyTraits: [String: KeyTraits] = {
        var traits: [String: KeyTraits] = [:]
        for key in ["comments", "docs", "href", "icon", "id", "link", "logo", "url", "wfw_comment", "wfw_commentrss"] {
            traits[key, default: []].insert(.relativeURI)
        }
        for key in ["content", "copyright", "description", "info", "rights", "subtitle", "summary", "tagline", "title"] {
            traits[key, default: []].insert(.markup)
        }
        return traits
    }()
    static let htmlTypes: Set<String> = ["application/xhtml+xml", "text/html"]

    /// Closes the gathering of `key`'s text, cleans it up as a feed reader must (base64, relative
    /// URIs, entity quirks, the HTML-or-text guess, sanitizing) and stores it in the context.
    @discardableResult
    func pop(_ key: String, stripWhitespace: Bool = true) -> String? {
        let unwrapsDiv = format == .atom10 && contentIsXHTML
        guard let (text, expectingText) = gathering.close(key, unwrappingDiv: unwrapsDiv, stripWhitespace: stripWhitespace) else { return nil }
        var output = text
        guard expectingText else { return output }

        if let parameters = contentParameters, parameters.base64, inContent > 0 {
            let compact = output.filter { !$0.isWhitespace }
            if let data = Data(base64Encoded: compact, options: .ignoreUnknownCharacters),
                let decoded = String(data: data, encoding: .utf8)
            {
                output = decoded
            }
        }
        let traits = Self.keyTraits[key] ?? []
        if traits.contains(.relativeURI) && !output.isEmpty && (key != "id" || guidIsLink) {
            // An id with a scheme of its own (tag:, urn:, http:) is kept exactly as written.
            if key != "id" || !URIResolution.hasScheme(output) { output = resolveURI(output) }
        }
        if !format.isAtom && contentType == "text/plain" && HTMLHeuristics.looksLikeHTML(output) {
            contentParameters?.type = "text/html"
        }
        let htmlish = contentParameters.map { contentIsXHTML || $0.type == "text/html" } ?? true
        if htmlish && traits.contains(.markup) {
            let markup = PendingMarkup(
                html: output, mode: contentIsXHTML ? .xhtml : .html, base: baseURI, repairsDoubleEncoding: documentIsUTF8)
            if defersMarkup, inEntry, !inSource, PendingMarkup.waits(key) {
                // Stored empty, as a finished value would be; `finished()` fills it in.
                store(key, "", pending: markup)
                return output
            }
            output = markup.finished()
        } else {
            output = Self.repaired(output, doubleEncoding: documentIsUTF8)
        }
        if key == "category" || key == "tags" || key == "itunes_keywords" { return output }
        if key == "title" && titleDepth > -1 && titleDepth <= depth { return output }
        store(key, output)
        return output
    }

    /// Gathered text as a string, without the whitespace around it when `stripWhitespace`.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, stripWhitespace: Bool) -> String {
        guard stripWhitespace else { return String(decoding: bytes, as: UTF8.self) }
        func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C }
        var start = 0
        var end = bytes.count
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        let trimmed = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        // Other Unicode whitespace (a no-break space) at either end: the general rule.
        guard start < end, bytes[start] < 0x80, bytes[end - 1] < 0x80 else { return trimmed.trimmingWhitespace() }
        return trimmed
    }

    /// The part of XHTML content inside an enclosing `<div>` when everything else is inside
    /// it (whitespace-only pieces around it ignored); the whole range otherwise.
    static func unwrapDiv(_ bytes: UnsafeBufferPointer<UInt8>, pieceStarts: [Int]) -> Range<Int> {
        let whole = 0..<bytes.count
        var pieces: [Range<Int>] = []
        for (index, start) in pieceStarts.enumerated() {
            let end = index + 1 < pieceStarts.count ? pieceStarts[index + 1] : bytes.count
            if end > start { pieces.append(start..<end) }
        }
        func isBlank(_ piece: Range<Int>) -> Bool {
            bytes[piece].allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }
        }
        while pieces.count > 1, isBlank(pieces[pieces.count - 1]) { pieces.removeLast() }
        while pieces.count > 1, isBlank(pieces[0]) { pieces.removeFirst() }
        guard pieces.count >= 2 else { return whole }
        let first = bytes[pieces[0]]
        let openDiv = Array("<div".utf8)
        guard first.starts(with: openDiv), first.count > 4,
            first[first.startIndex + 4] == UInt8(ascii: ">") || first[first.startIndex + 4] == UInt8(ascii: " "),
            bytes[pieces[pieces.count - 1]].elementsEqual("</div>".utf8)
        else { return whole }
        var depth = 0
        for piece in pieces.dropLast() {
            let text = bytes[piece]
            if text.starts(with: [UInt8(ascii: "<"), UInt8(ascii: "/")]) {
                depth -= 1
                if depth == 0 { return whole }
            } else if text.first == UInt8(ascii: "<") && !text.reversed().starts(with: [UInt8(ascii: ">"), UInt8(ascii: "/")]) {
                depth += 1
            }
        }
        return pieces[1].lowerBound..<pieces[pieces.count - 1].lowerBound
    }

    /// A value's text with the repairs every value gets: UTF-8 misread as Latin-1 (when the
    /// document was UTF-8) and C1 controls.
    static func repaired(_ text: String, doubleEncoding: Bool) -> String {
        translateC1Controls(doubleEncoding ? repairDoubleEncodedUTF8(text) : text)
    }

    /// Text that UTF-8 bytes became when someone read them as ISO-8859-1 (`â€¦` for `…`),
    /// turned back into what was meant; anything else is returned unchanged.
    static func repairDoubleEncodedUTF8(_ text: String) -> String {
        // Only text made of U+0000–U+00FF can be misread UTF-8: in UTF-8 those are bytes
        // below 0x80 or lead bytes 0xC2/0xC3 with their continuation bytes.
        let candidate = text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            var sawLatin1 = false
            let firstHigh = ByteScan.indexOfNonASCII(in: buffer)
            for byte in UnsafeBufferPointer(rebasing: buffer[firstHigh...]) where byte >= 0x80 {
                if byte >= 0xC4 { return false }
                if byte >= 0xC2 { sawLatin1 = true }
            }
            return sawLatin1
        }
        guard candidate == true else { return candidate == nil ? repairDoubleEncodedScalars(text) : text }
        // Every scalar is below U+0100: its Latin-1 byte is the byte it was misread from.
        var latin1: [UInt8] = []
        latin1.reserveCapacity(text.utf8.count)
        var lead: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x80 {
                latin1.append(byte)
            } else if byte >= 0xC0 {
                lead = byte
            } else {
                latin1.append(lead == 0xC3 ? byte + 0x40 : byte)
            }
        }
        return String(validating: latin1, as: UTF8.self) ?? text
    }

    /// The same, scalar by scalar, for text not stored as contiguous UTF-8.
    private static func repairDoubleEncodedScalars(_ text: String) -> String {
        var sawHigh = false
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard scalar.value <= 0xFF else { return text }
            if scalar.value >= 0x80 { sawHigh = true }
            bytes.append(UInt8(scalar.value))
        }
        guard sawHigh else { return text }
        return String(validating: bytes, as: UTF8.self) ?? text
    }

    /// C1 control characters (U+0080–U+009F), which feeds produce by writing windows-1252 code
    /// points as character references, mapped to the characters the author meant.
    static func translateC1Controls(_ text: String) -> String {
        let found = text.utf8.withContiguousStorageIfAvailable(ByteScan.containsC1Control)
        guard found ?? true else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append((0x80...0x9F).contains(scalar.value) ? FeedEncodingDetector.windows1252Character(forC1Control: scalar) : scalar)
        }
        return String(scalars)
    }

    func resolveURI(_ uri: String) -> String {
        URIResolution.join(base: baseURI, reference: uri)
    }

    /// A text construct from the content parameters in effect.
    func text(_ value: String) -> FeedText {
        guard let parameters = contentParameters else { return FeedText(type: "text", value: value) }
        return FeedText(
            type: Self.shortType(parameters.type), value: value, language: parameters.language, base: parameters.base, src: parameters.src)
    }

    static func shortType(_ type: String) -> String {
        switch type {
        case "text/plain": return "text"
        case "text/html": return "html"
        case "application/xhtml+xml": return "xhtml"
        default: return type
        }
    }

    /// Stores a finished value where it belongs: the current entry, or the feed, source, image
    /// or text input. An entry's content or summary may come with its markup `pending` (see
    /// `defersMarkup`), kept beside the value when the value is stored.
    func store(_ key: String, _ output: String, pending: PendingMarkup? = nil) {
        if inEntry && !inSource {
            if entry == nil { entry = ContextRecord() }
            switch key {
            case "content":
                if entry!.content == nil {
                    entry!.content = text(output)
                    entry!.pendingContent = pending
                }
            case "link":
                guard !inImage else { return }
                let target = Self.unescapeLinkTarget(output)
                if entry!.link == nil || entry!.links.last?.rel == "alternate" { entry!.link = target }
                if !target.isEmpty, !entry!.links.isEmpty { entry!.links[entry!.links.count - 1].href = target }
            default:
                let name = key == "description" ? "summary" : key
                guard entry!.claimProperty(name, depth: depth) else { return }
                assign(name, output, to: &entry!)
                // A summary stored later replaces a waiting one, pending or not.
                if name == "summary" { entry!.pendingSummary = pending }
            }
        } else if inFeed || inSource {
            var name = key == "description" ? "subtitle" : key
            if name == "summary" && contextKind == .feed && feed.subtitle == nil { name = "subtitle" }
            withContext { context in
                if name == "link" {
                    let target = Self.unescapeLinkTarget(output)
                    context.link = target
                    if !context.links.isEmpty { context.links[context.links.count - 1].href = target }
                } else {
                    assign(name, output, to: &context)
                }
            }
        }
    }

    /// `?a=1&b;=2` back to `?a=1&b=2`: entity-looking query parameters in link text.
    static func unescapeLinkTarget(_ link: String) -> String {
        guard link.utf8.contains(UInt8(ascii: "&")), link.utf8.contains(UInt8(ascii: ";")) else { return link }
        var result = ""
        var index = link.startIndex
        while index < link.endIndex {
            let character = link[index]
            if character == "&" {
                var end = link.index(after: index)
                while end < link.endIndex, link[end].isLetter || link[end].isNumber || link[end] == "_" { end = link.index(after: end) }
                if end > link.index(after: index), end < link.endIndex, link[end] == ";" {
                    result += link[index..<end]
                    index = link.index(after: end)
                    continue
                }
            }
            result.append(character)
            index = link.index(after: index)
        }
        return result
    }

    func assign(_ name: String, _ output: String, to context: inout ContextRecord) {
        switch name {
        case "title": context.title = text(output)
        case "subtitle", "tagline": context.subtitle = text(output)
        case "rights", "copyright": context.rights = text(output)
        case "summary": context.summary = text(output)
        case "info": context.info = text(output)
        case "id": context.id = output
        case "updated": context.updated = FeedDate.parse(output)
        case "published": context.published = FeedDate.parse(output)
        case "icon": context.icon = output
        case "logo": context.logo = output
        case "docs": context.docs = output
        case "comments": context.comments = output
        case "language": context.language = output
        case "ttl": context.ttl = Int(output)
        case "generator":
            if context.generator == nil { context.generator = FeedGenerator() }
            context.generator?.name = output
        case "author": context.authorText = output
        case "publisher": context.publisherText = output
        case "href": context.href = output
        case "width": context.width = Int(output)
        case "height": context.height = Int(output)
        case "name", "email", "textinput", "image", "item", "source", "contributor", "created", "url":
            break
        case "hour": if let hour = Int(output) { context.skipHours.append(hour) }
        case "day": if !output.isEmpty { context.skipDays.append(output) }
        default:
            guard !output.isEmpty else { return }
            let parts = name.split(separator: "_", maxSplits: 1).map(String.init)
            let element =
                parts.count == 2
                ? ExtensionElement(namespaceURI: nil, prefix: parts[0], name: parts[1], text: output)
                : ExtensionElement(namespaceURI: nil, prefix: nil, name: name, text: output)
            context.extensions.append(element)
        }
    }
}

extension FeedFormat {
    /// Whether the format is a version of Atom.
    var isAtom: Bool {
        switch self {
        case .atom10, .atom03, .atom02, .atom01, .atom: return true
        default: return false
        }
    }
}
