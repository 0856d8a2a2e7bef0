import Foundation
import LibXML

/// Atom 1.0 (RFC 4287) rules.
extension ValidationRun {
    static let feedChildren: [String: Int] = [
        "author": .max, "category": .max, "contributor": .max, "generator": 1, "icon": 1, "id": 1, "link": .max, "logo": 1,
        "rights": 1, "subtitle": 1, "title": 1, "updated": 1,
    ]
    static let feedChildrenWithEntries = feedChildren.merging(["entry": .max]) { a, _ in a }
    static let entryChildren: [String: Int] = [
        "author": .max, "category": .max, "content": 1, "contributor": .max, "id": 1, "link": .max, "published": 1, "rights": 1,
        "source": 1, "summary": 1, "title": 1, "updated": 1,
    ]
    static let personChildren: [String: Int] = ["name": 1, "uri": 1, "email": 1]
    static let registeredRelations: Set<String> = [
        "alternate", "current", "describedby", "edit", "edit-media", "enclosure", "first", "hub", "last", "license", "next",
        "next-archive", "payment", "prev-archive", "previous", "related", "replies", "search", "self", "service", "up", "via",
    ]
    static let historyRelations: Set<String> = ["current", "prev-archive", "next-archive", "first", "last", "previous", "next"]

    func atomChild(_ frame: Frame, key: String, parent: inout Frame) -> ElementKind {
        let name = frame.name
        guard name.namespaceURI == Namespace.atom else {
            if parent.kind == .atomFeed && parent.seenEntry && name.namespaceURI != nil {
                // Extensions after entries are tolerated.
            }
            return extensionKind(frame, parent: parent)
        }
        let local = name.localName
        let allowed: [String: Int]
        switch parent.kind {
        case .atomFeed: allowed = Self.feedChildrenWithEntries
        case .atomSource: allowed = Self.feedChildren
        case .atomEntry: allowed = Self.entryChildren
        default: allowed = Self.personChildren
        }
        guard let limit = allowed[local] else {
            report("UndefinedElement", "'\(local)' is not an Atom element allowed in \(parent.name.localName)", at: frame)
            return .opaque
        }
        if parent.count(key) > limit {
            report("DuplicateElement", "\(parent.name.localName) may contain only one \(local)", at: frame)
        }
        if parent.kind == .atomFeed {
            if local == "entry" {
                parent.seenEntry = true
            } else if parent.seenEntry {
                report("MisplacedMetadata", "feed metadata (\(local)) must come before the entries", at: frame)
            }
        }
        switch (parent.kind, local) {
        case (.atomPerson, "name"): return .value(.personName)
        case (.atomPerson, "email"): return .value(.addrSpec)
        case (.atomPerson, "uri"): return .value(.iri)
        case (_, "entry"): return .atomEntry
        case (_, "source"): return .atomSource
        case (_, "author"), (_, "contributor"): return .atomPerson
        case (_, "title"), (_, "subtitle"), (_, "rights"), (_, "summary"): return .atomText
        case (_, "content"): return .atomContent
        case (_, "link"): return .atomLink
        case (_, "category"): return .atomCategory
        case (_, "updated"), (_, "published"): return .atomDate
        case (_, "id"): return .atomID
        case (_, "generator"): return .atomGenerator
        case (_, "icon"), (_, "logo"): return .value(.iri)
        default: return .opaque
        }
    }

    /// A child of a text construct or content: only a single XHTML div for `type="xhtml"`,
    /// child elements for XML media types, nothing otherwise.
    func atomTextChild(_ frame: Frame, parent: Frame) -> ElementKind {
        let type = (parent.attribute("type") ?? "text").trimmed
        if type == "xhtml" {
            if frame.name.namespaceURI != Namespace.xhtml || frame.name.localName != "div" {
                report("MissingXhtmlDiv", "xhtml content must be wrapped in a single XHTML div", at: frame)
            } else if parent.childElementCount > 1 {
                report("MissingXhtmlDiv", "xhtml content must be wrapped in a single XHTML div", at: frame)
            }
            return .xhtml
        }
        if parent.kind == .atomContent && ValueCheck.isXMLType(type) { return .opaque }
        report(
            "UndefinedElement", "'\(frame.name.qualifiedName)' is not allowed in \(type) content (escape the markup or use type=\"xhtml\")", at: frame
        )
        return .opaque
    }

    /// Markup inside an XHTML div: scripts and event handlers are reported.
    func xhtmlChild(_ frame: Frame) -> ElementKind {
        let local = frame.name.localName.lowercased()
        guard let namespace = frame.name.namespaceURI else {
            report("MissingNamespace", "'\(frame.name.localName)' inside the XHTML div has no namespace", at: frame)
            return .xhtml
        }
        guard namespace == Namespace.xhtml else {
            if Namespace.shortNames[namespace] != nil {
                report("UndefinedElement", "'\(frame.name.qualifiedName)' is not allowed inside XHTML content", at: frame)
            }
            return .opaque
        }
        if HTMLCheck.riskyElements.contains(local) {
            report("SecurityRisk", "<\(local)> in content is a security risk; readers remove it", at: frame)
        } else if !HTMLCheck.htmlElements.contains(local) {
            report("NotHtml", "<\(local)> is not an XHTML element", at: frame)
        }
        for attribute in frame.attributes where attribute.name.namespaceURI == nil {
            let name = attribute.name.localName.lowercased()
            if name.hasPrefix("on") {
                report("SecurityRiskAttr", "the \(name) attribute is a security risk; readers remove it", at: frame, element: name)
            } else if name == "style" {
                if HTMLCheck.isDangerousStyle(attribute.value) {
                    report("DangerousStyleAttr", "this style attribute does more than presentation; readers remove it", at: frame, element: name)
                }
            } else if HTMLCheck.linkAttributes.contains(name), attribute.value.lowercased().trimmed.hasPrefix("javascript:") {
                report("SecurityRisk", "a javascript: link is a security risk", at: frame, element: name)
            }
        }
        return .xhtml
    }

    func atomTextStart(_ frame: inout Frame) {
        let type = frame.attribute("type")?.trimmed
        if let type, type.isEmpty {
            report("AttrNotBlank", "the type attribute must not be empty", at: frame, element: "type")
        }
        if frame.kind == .atomText {
            if let type, !type.isEmpty, !["text", "html", "xhtml"].contains(type) {
                if type.contains("/") {
                    report("InvalidTextType", "type must be text, html or xhtml, not the media type '\(type)'", at: frame, element: "type")
                } else {
                    report("InvalidMIMEType", "type must be text, html or xhtml, not '\(type)'", at: frame, element: "type")
                }
            }
            return
        }
        // atom:content
        if let type, !["text", "html", "xhtml"].contains(type) {
            if !ValueCheck.isMIMEType(type) || type.lowercased().hasPrefix("multipart/") {
                report("InvalidMIMEType", "content type '\(type)' is not text, html, xhtml or a single MIME media type", at: frame, element: "type")
            }
        }
        if let src = frame.attribute("src") {
            checkIRI(src, attribute: "src", frame: frame, code: "InvalidURIAttribute")
            if type == nil {
                report(
                    "MissingTypeAttr", "content with src should say the media type of what it points to (type=\"...\")", at: frame, element: "type")
            } else if let type, ["text", "html", "xhtml"].contains(type) {
                report("InvalidMIMEType", "content with src must give a MIME media type, not '\(type)'", at: frame, element: "type")
            }
        }
    }

    /// The threading extension's attributes on a link (RFC 4685).
    func threadingAttributes(_ frame: Frame, rel: String) {
        if let count = frame.attribute("count", namespace: Namespace.thr) {
            if rel != "replies" { report("UnexpectedAttribute", "thr:count belongs on a replies link", at: frame, element: "thr:count") }
            if (ValueCheck.integer(count.trimmed) ?? -1) < 0 {
                report("InvalidNonNegativeInteger", "thr:count '\(count)' must be a whole number", at: frame, element: "thr:count")
            }
        }
        if frame.attribute("when", namespace: Namespace.thr) != nil {
            report("NoThrWhen", "thr:when is not part of the threading extension; use thr:updated", at: frame, element: "thr:when")
        }
        if let updated = frame.attribute("updated", namespace: Namespace.thr) {
            if rel != "replies" { report("UnexpectedAttribute", "thr:updated belongs on a replies link", at: frame, element: "thr:updated") }
            if DateCheck.rfc3339(updated) != nil {
                report("InvalidRFC3339Date", "thr:updated '\(updated)' is not an RFC 3339 date-time", at: frame, element: "thr:updated")
            }
        }
    }

    func atomCategoryStart(_ frame: Frame) {
        if frame.attribute("term") == nil {
            report("MissingAttribute", "category needs a term attribute", at: frame, element: "term")
        }
        if let scheme = frame.attribute("scheme") { checkIRI(scheme, attribute: "scheme", frame: frame) }
    }

    func atomLinkStart(_ frame: inout Frame) {
        guard let href = frame.attribute("href") else {
            report("MissingHref", "link needs an href attribute", at: frame, element: "href")
            return
        }
        checkIRI(href, attribute: "href", frame: frame)
        var rel = frame.attribute("rel") ?? "alternate"
        if rel.hasPrefix("http://www.iana.org/assignments/relation/") { rel = String(rel.dropFirst(41)) }
        if rel.isEmpty {
            report("AttrNotBlank", "rel must not be empty (leave it out for alternate)", at: frame, element: "rel")
        } else if !Self.registeredRelations.contains(rel), URICheck.check(rel, code: "x", full: true, iri: true) != nil {
            report("UnregisteredAtomLinkRel", "'\(rel)' is not a registered link relation; use a full IRI for your own", at: frame, element: "rel")
        }
        let type = frame.attribute("type")
        if let type, !ValueCheck.isMIMEType(type) {
            report("InvalidMIMEType", "'\(type)' is not a MIME media type", at: frame, element: "type")
        }
        if let title = frame.attribute("title"), title.isEmpty {
            report("AttrNotBlank", "the title attribute must not be empty", at: frame, element: "title")
        }
        if let hreflang = frame.attribute("hreflang"), !ValueCheck.isLanguage(hreflang) {
            report("InvalidLanguage", "hreflang '\(hreflang)' is not a language code", at: frame, element: "hreflang")
        }
        if let length = frame.attribute("length"), (ValueCheck.integer(length.trimmed) ?? -1) < 0 {
            report("InvalidNonNegativeInteger", "length '\(length)' is not a whole number of bytes", at: frame, element: "length")
        }
        threadingAttributes(frame, rel: rel)
        linkRelationChecks(frame, href: href, rel: rel, type: type)
    }

    /// Checks that depend on the relation and on the element holding the link (also for
    /// `atom:link` inside RSS).
    func linkRelationChecks(_ frame: Frame, href: String, rel: String, type: String?) {
        guard !stack.isEmpty else { return }
        var parent = stack.removeLast()
        defer { stack.append(parent) }
        parentOverride = parent.name.qualifiedName
        defer { parentOverride = nil }
        if rel == "alternate" {
            parent.hasAlternateLink = true
            let key = (type ?? "") + "|" + (frame.attribute("hreflang") ?? "")
            if parent.kind != .rssChannel && parent.kind != .rssItem && !parent.alternates.insert(key).inserted {
                report("DuplicateAtomLink", "two alternate links with the same type and hreflang", at: frame)
            }
        } else if rel == "self" {
            parent.hasSelfLink = true
            if parent.kind == .rssChannel || parent.kind == .atomFeed { sawAtomSelf = true }
            let mainType = type?.split(separator: ";").first.map { $0.trimmed } ?? ""
            if let type, ValueCheck.isMIMEType(type), !["application/atom+xml", "application/rss+xml", "application/rdf+xml"].contains(mainType) {
                report("SelfNotAtom", "the self link's type should be the feed's own media type, not \(type)", at: frame, element: "type")
            }
            if parent.kind == .rssChannel || parent.kind == .atomFeed {
                if !href.contains("//") && !frame.hasBase {
                    report("RelativeSelf", "the self link should be an absolute URL", at: frame, element: "href")
                } else if let baseURL, href.contains("//"), URICheck.canonical(href) != URICheck.canonical(baseURL) {
                    report(
                        "SelfDoesntMatchLocation", "the self link \(href) is not where this document was read from (\(baseURL))", at: frame,
                        element: "href")
                }
            }
        }
        if parent.kind == .atomEntry && Self.historyRelations.contains(rel) {
            report("FeedHistoryRelInEntry", "the \(rel) relation belongs on a feed, not an entry", at: frame, element: "rel")
        }
    }

    func atomEnd(_ frame: inout Frame) {
        switch frame.kind {
        case .atomFeed: atomFeedEnd(frame)
        case .atomEntry: atomEntryEnd(frame)
        case .atomPerson:
            if frame.count("atom:name") == 0 { report("MissingElement", "\(frame.name.localName) needs a name", at: frame, element: "name") }
        case .atomText, .atomContent: atomTextEnd(frame)
        case .atomLink:
            if !frame.string.trimmed.isEmpty { report("AtomLinkNotEmpty", "link should be empty; put text in its title attribute", at: frame) }
        case .atomDate: atomDateEnd(frame)
        case .atomID: atomIDEnd(frame)
        default: break
        }
        // Values the enclosing entry compares.
        if frame.kind == .atomID || frame.kind == .atomDate, !stack.isEmpty {
            stack[stack.count - 1].values[frame.name.localName] = frame.string.trimmed
        }
        if frame.kind == .atomContent, !stack.isEmpty {
            let type = frame.attribute("type")?.trimmed.lowercased() ?? "text"
            let base64 = !["text", "html", "xhtml"].contains(type) && !ValueCheck.isXMLType(type) && !type.hasPrefix("text/")
            if frame.attribute("src") != nil || base64 { stack[stack.count - 1].contentNeedsSummary = true }
        }
        if frame.kind == .atomSource, frame.count("atom:author") > 0, !stack.isEmpty {
            stack[stack.count - 1].values["sourceAuthor"] = "yes"
        }
    }

    func atomFeedEnd(_ frame: Frame) {
        for required in ["id", "title", "updated"] where frame.count("atom:" + required) == 0 {
            report("MissingElement", "feed needs a \(required) element", at: frame, element: required)
        }
        if frame.count("atom:author") == 0 {
            for entry in entriesWithoutAuthor {
                report(
                    "MissingElement", "entry needs an author, as the feed has none", line: entry.line, column: entry.column, element: "author",
                    parent: entry.parent)
            }
        }
        entriesWithoutAuthor.removeAll()
        if !frame.hasSelfLink {
            report("MissingSelf", "the feed should have a link rel=\"self\" giving its own URL", at: frame, element: "link")
        }
    }

    func atomEntryEnd(_ frame: Frame) {
        for required in ["id", "title", "updated"] where frame.count("atom:" + required) == 0 {
            report("MissingElement", "entry needs a \(required) element", at: frame, element: required)
        }
        if frame.count("atom:author") == 0 && frame.values["sourceAuthor"] == nil {
            if stack.isEmpty {
                report("MissingElement", "entry needs an author", at: frame, element: "author")
            } else if entriesWithoutAuthor.count < maximumMessages {
                entriesWithoutAuthor.append((frame.line, frame.column, frame.name.qualifiedName))
            }
        }
        let hasContent = frame.count("atom:content") > 0
        if frame.contentNeedsSummary && frame.count("atom:summary") == 0 {
            report("MissingSummary", "an entry whose content is remote (src) or binary needs a summary", at: frame, element: "summary")
        }
        if !hasContent && !frame.hasAlternateLink {
            report("MissingContentOrAlternate", "an entry without content needs a link rel=\"alternate\"", at: frame, element: "content")
        }
        if !hasContent && frame.count("atom:summary") == 0 {
            report("MissingTextualContent", "the entry has neither content nor summary", at: frame, element: "summary")
        }
        guard let id = frame.values["id"], stack.count == 1 else { return }
        let updated = frame.values["updated"] ?? ""
        if let previous = entryIDs[id] {
            if previous == updated {
                report("DuplicateEntries", "two entries share the id \(id) and the same updated date", at: frame, element: "id")
            }
        } else {
            entryIDs[id] = updated
        }
    }

    func atomTextEnd(_ frame: Frame) {
        let type = frame.attribute("type")?.trimmed ?? "text"
        let value = frame.string
        if frame.kind == .atomContent, frame.attribute("src") != nil {
            if !value.trimmed.isEmpty || frame.childElementCount > 0 {
                report("UnexpectedText", "content with src must be empty", at: frame)
            }
            return
        }
        switch type {
        case "text":
            if HTMLCheck.looksLikeHTML(value) {
                report("ContainsUndeclaredHTML", "the text looks like HTML; say type=\"html\" if it is", at: frame)
            }
        case "html":
            htmlFindings(value, frame: frame)
        case _ where type.lowercased().hasSuffix("/html"):
            htmlFindings(value, frame: frame)
            if frame.kind == .atomContent, !Array(value.lowercased().utf8).containsSequence(Array("<html".utf8)) {
                report("HtmlFragment", "content of type \(type) should be a whole HTML document; use type=\"html\" for a fragment", at: frame)
            }
        case "xhtml":
            if frame.childElementCount == 0 || frame.values["xhtmlText"] != nil {
                report("MissingXhtmlDiv", "xhtml content must be wrapped in a single XHTML div", at: frame, element: "div")
            }
        default:
            let lowered = type.lowercased()
            if !ValueCheck.isXMLType(lowered) && !lowered.hasPrefix("text/") && !ValueCheck.isBase64(value) {
                report("NotBase64", "content of type \(type) must be Base64-encoded", at: frame)
            }
        }
        if value.trimmed.isEmpty, frame.childElementCount == 0 {
            report("NotBlank", "\(frame.name.qualifiedName) should not be empty", at: frame)
        }
    }

    func htmlFindings(_ html: String, frame: Frame, relativeLinks: Bool = false) {
        for finding in HTMLCheck.scan(html, relativeLinks: relativeLinks && !frame.hasBase) {
            let sentence: String
            switch finding.code {
            case "ContainsRelRef": sentence = "the HTML links to '\(finding.detail)', a relative address readers cannot resolve"
            case "InvalidUriChar": sentence = "the HTML links to '\(finding.detail)', which has characters a URL cannot hold"
            case "NotHtml": sentence = "\(finding.detail) is not an HTML element"
            default: sentence = "the HTML contains \(finding.detail), a security risk that readers remove"
            }
            report(finding.code, sentence, at: frame)
        }
    }

    func atomDateEnd(_ frame: Frame) {
        let raw = frame.string
        let value = raw.trimmed
        if let problem = DateCheck.rfc3339(value) {
            report("InvalidRFC3339Date", "'\(value)' is not an RFC 3339 date-time: \(problem)", at: frame)
        } else if value != raw {
            report("UnexpectedWhitespace", "a date must not have spaces or line breaks around it", at: frame)
        } else if let (year, month, day) = Self.dateParts(value) {
            checkPlausible(year: year, month: month, day: day, frame: frame)
        }
    }

    func checkPlausible(year: Int?, month: Int = 1, day: Int = 1, frame: Frame) {
        guard let year else { return }
        if year < 1990 {
            report("ImplausibleDate", "a date in \(year) is implausible for a feed", at: frame)
        } else if (year, month, day) > Self.tomorrow {
            report("ImplausibleDate", "the date is in the future", at: frame)
        }
    }

    /// Tomorrow's date (UTC), the latest date a feed may plausibly carry.
    static let tomorrow: (Int, Int, Int) = {
        var days = Int(Date().timeIntervalSince1970 / 86_400) + 1
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPart = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
        let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }()

    /// Year, month and day of a date written YYYY[-MM[-DD]…].
    static func dateParts(_ value: String) -> (Int, Int, Int)? {
        guard let year = DateCheck.leadingYear(value) else { return nil }
        let bytes = Array(value.utf8)
        func two(_ at: Int) -> Int? {
            guard at + 2 <= bytes.count, bytes[at..<(at + 2)].allSatisfy({ (48...57).contains($0) }) else { return nil }
            return Int(bytes[at] - 48) * 10 + Int(bytes[at + 1] - 48)
        }
        return (year, two(5) ?? 1, two(8) ?? 1)
    }

    func atomIDEnd(_ frame: Frame) {
        let raw = frame.string
        let value = raw.trimmed
        if value != raw && !value.isEmpty {
            report("UnexpectedWhitespace", "an id must not have spaces or line breaks around it", at: frame)
        }
        checkID(value, frame: frame)
    }

    /// An id must be an absolute IRI; tag:, urn: and urn:uuid: ids follow their own syntax.
    func checkID(_ value: String, frame: Frame) {
        if let problem = URICheck.check(value, code: "InvalidFullLink", full: true, iri: true) {
            report(problem.code, "id: \(problem.reason)", at: frame)
        } else if URICheck.isNonCanonical(value) {
            report("NonCanonicalURI", "id '\(value)' is not in canonical form (lower-case scheme and host, no default port, a path)", at: frame)
        }
    }
}
