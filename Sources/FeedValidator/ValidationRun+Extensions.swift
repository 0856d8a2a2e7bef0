import LibXML

/// The common extension namespaces: Dublin Core, content, Media RSS, iTunes, GeoRSS, sy,
/// slash, wfw, thr, and atom:link inside RSS.
extension ValidationRun {
    static let dcElements: Set<String> = [
        "title", "creator", "subject", "description", "publisher", "contributor", "date", "type", "format", "identifier", "source",
        "language", "relation", "coverage", "rights",
    ]
    static let extensionValues: [String: ValueKind] = [
        "dc:date": .w3cdtf, "dc:language": .language, "dcterms:created": .w3cdtf, "dcterms:modified": .w3cdtf,
        "dcterms:issued": .w3cdtf, "dcterms:extent": .positiveInteger, "content:encoded": .html,
        "http://www.w3.org/2003/01/geo/wgs84_pos#:lat": .latitude, "http://www.w3.org/2003/01/geo/wgs84_pos#:long": .longitude,
        "http://postneo.com/icbm:latitude": .latitude, "http://postneo.com/icbm:longitude": .longitude,
        "http://geourl.org/rss/module/:latitude": .latitude, "http://geourl.org/rss/module/:longitude": .longitude,
        "sy:updatePeriod": .updatePeriod, "sy:updateFrequency": .positiveInteger, "sy:updateBase": .w3cdtf,
        "slash:comments": .nonNegativeInteger, "slash:hit_parade": .commaIntegers, "slash:section": .plain, "slash:department": .plain,
        "wfw:comment": .fullURL, "wfw:commentRss": .fullURL, "wfw:commentRSS": .commentRSS, "thr:total": .nonNegativeInteger,
        "georss:point": .point, "georss:line": .coordinateList, "georss:polygon": .coordinateList, "georss:box": .coordinateList,
        "georss:elev": .plain, "georss:featurename": .plain, "georss:featuretypetag": .plain, "georss:relationshiptag": .plain,
        "georss:radius": .plain, "georss:floor": .plain, "itunes:explicit": .trueFalse, "itunes:block": .yesNoClean,
        "itunes:complete": .yesNo, "itunes:pubDate": .rfc822, "itunes:duration": .duration, "itunes:episodeType": .episodeType,
        "itunes:type": .channelType,
        "itunes:episode": .positiveInteger, "itunes:season": .positiveInteger, "itunes:email": .iTunesEmail,
        "itunes:new-feed-url": .fullURL, "itunes:author": .text255, "itunes:name": .text255, "itunes:subtitle": .text255,
        "itunes:summary": .text4000, "itunes:keywords": .keywords, "itunes:title": .plain, "itunes:order": .positiveInteger,
        "itunes:isClosedCaptioned": .yesNo, "itunes:image": .plain, "itunes:category": .plain,
    ]
    static let structuredExtensions: Set<String> = [
        "itunes:owner", "media:group", "media:content", "media:player", "media:credit", "media:rating", "media:restriction",
        "media:thumbnail", "media:hash", "media:text", "media:category", "media:title", "media:description", "media:keywords",
        "media:copyright", "media:community", "media:embed", "media:license", "media:location", "media:peerLink", "media:price",
        "media:rights", "media:scenes", "media:status", "media:subTitle", "media:backLinks", "media:comments", "media:responses",
        "thr:in-reply-to", "atom:link", "atom:author", "atom:category", "atom:id", "atom:updated", "atom:published", "atom:title",
        "atom:summary", "atom:content",
    ]
    static let closedNamespaces: Set<String> = [
        Namespace.dc, Namespace.sy, Namespace.slash, Namespace.wfw, Namespace.itunes, Namespace.content, Namespace.dcterms,
    ]
    /// The Dublin Core terms feeds use (the 15 elements and the refinements).
    static let dctermsElements: Set<String> = dcElements.union([
        "alternative", "abstract", "tableOfContents", "created", "valid", "available", "issued", "modified", "dateAccepted",
        "dateCopyrighted", "dateSubmitted", "extent", "isVersionOf", "hasVersion", "isReplacedBy", "replaces", "isRequiredBy", "requires",
        "isPartOf", "hasPart", "isReferencedBy", "references", "isFormatOf", "hasFormat", "conformsTo", "spatial", "temporal",
        "audience", "mediator", "accessRights", "accrualMethod", "accrualPeriodicity", "accrualPolicy", "bibliographicCitation",
        "educationLevel", "instructionalMethod", "license", "provenance", "rightsHolder",
    ])

    /// The kind of an element outside the core namespace of its parent.
    func extensionKind(_ frame: Frame, parent: Frame) -> ElementKind {
        let name = frame.name
        guard let uri = name.namespaceURI else {
            report("UndefinedElement", "'\(name.localName)' is not an element of this format; put extensions in a namespace", at: frame)
            return .opaque
        }
        let key = key(of: name)
        if uri == Namespace.itunes { usesITunes = true }
        if uri == Namespace.atom {
            switch name.localName {
            case "link": return .atomLink
            case "updated", "published": return .atomDate
            case "id": return .atomID
            case "author", "contributor": return .atomPerson
            default: return .opaque
            }
        }
        if let kind = Self.extensionValues[key] ?? Self.extensionValues[uri + ":" + name.localName] {
            if key == "itunes:category" || key == "itunes:image" { return .structured }
            return .value(kind)
        }
        switch key {
        case "media:rating": return .value(.mediaRating)
        case "media:hash": return .value(.mediaHash)
        case "media:restriction": return .value(.mediaRestriction)
        case "media:adult": return .value(.trueFalse)
        default: break
        }
        if Self.structuredExtensions.contains(key) || uri == Namespace.media { return .structured }
        if uri == Namespace.dc || uri == Namespace.dcterms {
            if !(uri == Namespace.dc ? Self.dcElements : Self.dctermsElements).contains(name.localName) {
                report("UndefinedElement", "'\(name.qualifiedName)' is not a Dublin Core element", at: frame)
                return .opaque
            }
            return .value(.plain)
        }
        if Self.closedNamespaces.contains(uri) {
            report("UndefinedElement", "'\(name.qualifiedName)' is not defined in its namespace", at: frame)
            return .opaque
        }
        return .opaque
    }

    /// A child of a structured extension element (itunes:owner, media:group, itunes:category …).
    func extensionChild(_ frame: Frame, key: String, parent: Frame) -> ElementKind {
        if frame.name.namespaceURI == nil { return .opaque }
        return extensionKind(frame, parent: parent)
    }

    /// Attribute checks of extension elements.
    func extensionStart(_ frame: Frame) {
        let key = key(of: frame.name)
        switch key {
        case "itunes:category":
            iTunesCategoryStart(frame)
        case "itunes:image":
            if let href = frame.attribute("href") {
                if !ValueCheck.isHTTPURL(href) {
                    report("InvalidURLAttribute", "itunes:image href '\(href)' must be a full http or https URL", at: frame, element: "href")
                }
            } else {
                report("MissingAttribute", "itunes:image needs an href attribute", at: frame, element: "href")
            }
        case "itunes:owner":
            break
        case "thr:in-reply-to":
            if frame.attribute("ref") == nil { report("MissingAttribute", "thr:in-reply-to needs a ref attribute", at: frame, element: "ref") }
            if let href = frame.attribute("href") { checkIRI(href, attribute: "href", frame: frame) }
        case "media:content", "media:thumbnail", "media:player":
            mediaStart(frame, key: key)
        case "media:restriction":
            if let relationship = frame.attribute("relationship") {
                if relationship != "allow" && relationship != "deny" {
                    report("InvalidMediaRestrictionRel", "relationship must be allow or deny", at: frame, element: "relationship")
                }
            } else {
                report("MissingAttribute", "media:restriction needs a relationship attribute", at: frame, element: "relationship")
            }
            if let type = frame.attribute("type"), !["country", "uri"].contains(type) {
                report("InvalidMediaRestrictionType", "type must be country or uri", at: frame, element: "type")
            }
        case "media:hash":
            if let algorithm = frame.attribute("algo"), algorithm != "md5" && algorithm != "sha-1" {
                report("InvalidMediaHash", "algo must be md5 or sha-1", at: frame, element: "algo")
            }
        case "media:text", "media:title", "media:description":
            if let type = frame.attribute("type"), type != "plain" && type != "html" {
                report("InvalidMediaTextType", "\(key) type must be plain or html", at: frame, element: "type")
            }
            for attribute in ["start", "end"] {
                if let time = frame.attribute(attribute), !Self.isNPTTime(time) {
                    report("InvalidNPTTime", "\(attribute) '\(time)' is not a play time (seconds or h:mm:ss)", at: frame, element: attribute)
                }
            }
            if let lang = frame.attribute("lang"), !ValueCheck.isLanguage(lang) {
                report("InvalidLanguage", "lang '\(lang)' is not a language code", at: frame, element: "lang")
            }
        case "media:credit":
            if let role = frame.attribute("role"), role != role.lowercased() {
                report("InvalidCreditRole", "media:credit roles are lower case", at: frame, element: "role")
            }
            if let scheme = frame.attribute("scheme"), scheme != "urn:ebu" {
                checkURI(scheme, code: "InvalidFullLink", full: true, frame: frame, attribute: "scheme")
            }
        case "media:category":
            if let scheme = frame.attribute("scheme") { checkURI(scheme, code: "InvalidFullLink", full: true, frame: frame, attribute: "scheme") }
        case "media:adult":
            report("DeprecatedMediaAdult", "media:adult is deprecated; use media:rating", at: frame)
        default: break
        }
    }

    private func iTunesCategoryStart(_ frame: Frame) {
        guard let text = frame.attribute("text") else {
            report("MissingAttribute", "itunes:category needs a text attribute", at: frame, element: "text")
            return
        }
        let parent = stack.last
        let parentText = parent?.name.localName == "category" && parent?.name.namespaceURI == Namespace.itunes ? parent?.attribute("text") : nil
        let current: Set<String>
        let retired: Set<String>
        if let parentText {
            current = ITunesCategories.current[parentText] ?? []
            retired = ITunesCategories.retired[parentText] ?? []
        } else {
            current = Set(ITunesCategories.current.keys)
            retired = Set(ITunesCategories.retired.keys)
        }
        if current.contains(text) { return }
        if retired.contains(text) {
            report("ObsoleteItunesCategory", "'\(text)' is no longer an Apple Podcasts category", at: frame, element: "text")
        } else {
            report("InvalidItunesCategory", "'\(text)' is not an Apple Podcasts category", at: frame, element: "text")
        }
    }

    private func mediaStart(_ frame: Frame, key: String) {
        if let url = frame.attribute("url") {
            checkURI(url, code: "InvalidFullLink", full: true, frame: frame, attribute: "url")
        } else if key != "media:content" {
            report("MissingAttribute", "\(key) needs a url attribute", at: frame, element: "url")
        }
        for attribute in ["height", "width"] + (key == "media:content" ? ["fileSize"] : []) {
            if let value = frame.attribute(attribute), (ValueCheck.integer(value) ?? 0) <= 0 {
                report("InvalidPositiveInteger", "\(attribute) '\(value)' must be a whole number above zero", at: frame, element: attribute)
            }
        }
        if key == "media:thumbnail", let time = frame.attribute("time"), !Self.isNPTTime(time) {
            report("InvalidNPTTime", "time '\(time)' is not a play time (seconds or h:mm:ss)", at: frame, element: "time")
        }
        guard key == "media:content" else { return }
        if let medium = frame.attribute("medium"), !["image", "audio", "video", "document", "executable"].contains(medium) {
            report("InvalidMediaMedium", "medium must be image, audio, video, document or executable", at: frame, element: "medium")
        }
        if let expression = frame.attribute("expression"), !["sample", "full", "nonstop"].contains(expression) {
            report("InvalidMediaExpression", "expression must be sample, full or nonstop", at: frame, element: "expression")
        }
        if let isDefault = frame.attribute("isDefault"), !["true", "false"].contains(isDefault.lowercased()) {
            report("InvalidTrueFalse", "isDefault must be true or false", at: frame, element: "isDefault")
        }
        if let type = frame.attribute("type"), !ValueCheck.isMIMEType(type) {
            report("InvalidMIMEAttribute", "type '\(type)' is not a MIME media type", at: frame, element: "type")
        }
        if let lang = frame.attribute("lang"), !ValueCheck.isLanguage(lang) {
            report("InvalidLanguage", "lang '\(lang)' is not a language code", at: frame, element: "lang")
        }
        if let channels = frame.attribute("channels"), (ValueCheck.integer(channels) ?? -1) < 0 {
            report("InvalidNonNegativeInteger", "channels '\(channels)' must be a whole number", at: frame, element: "channels")
        }
        for attribute in ["bitrate", "duration", "framerate", "samplingrate"] {
            if let value = frame.attribute(attribute), !(value.first?.isNumber ?? false) {
                report("InvalidFloat", "\(attribute) '\(value)' must be a number", at: frame, element: attribute)
            }
        }
    }

    /// A Normal Play Time: `now`, seconds (with a fraction), or `h:mm:ss[.fraction]`.
    static func isNPTTime(_ value: String) -> Bool {
        if value.hasPrefix("now") { return true }
        guard let first = value.first, first.isNumber else { return false }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 1 { return true }
        return parts.count == 3 && parts[1].count == 2 && parts[1].allSatisfy(\.isNumber) && parts[2].count >= 2
            && parts[2].prefix(2).allSatisfy(\.isNumber)
    }

    /// `media:rating`, `media:hash` and `media:restriction` values follow their schemes.
    func mediaValueEnd(_ frame: Frame, kind: ValueKind, value: String) {
        switch kind {
        case .mediaRating:
            let scheme = frame.attribute("scheme") ?? "urn:simple"
            let allowed: [String: Set<String>] = [
                "urn:simple": ["adult", "nonadult"], "urn:mpaa": ["g", "m", "nc-17", "pg", "pg-13", "r", "x"],
                "urn:v-chip": ["14+", "18+", "c", "c8", "g", "pg", "tv-14", "tv-g", "tv-ma", "tv-pg", "tv-y", "tv-y7", "tv-y7-fv"],
            ]
            if let values = allowed[scheme] {
                if !values.contains(value) { report("InvalidMediaRating", "'\(value)' is not a rating of the \(scheme) scheme", at: frame) }
            } else if scheme != "urn:icra" {
                checkURI(scheme, code: "InvalidFullLink", full: true, frame: frame, attribute: "scheme")
            }
        case .mediaHash:
            let length = frame.attribute("algo") == "sha-1" ? 40 : 32
            if value.isEmpty || !value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) || value.count != length {
                report("InvalidMediaHash", "a \(frame.attribute("algo") ?? "md5") hash is \(length) hexadecimal digits", at: frame)
            }
        case .mediaRestriction:
            switch frame.attribute("type") {
            case nil:
                if !value.isEmpty && value != "all" && value != "none" {
                    report("InvalidMediaRestriction", "without a type, a restriction is all or none", at: frame)
                }
            case "country":
                for code in value.split(separator: " ") where code.count != 2 || !code.allSatisfy({ $0.isASCII && $0.isLetter }) {
                    report("InvalidCountryCode", "'\(code)' is not an ISO 3166 country code", at: frame)
                }
            case "uri":
                checkURI(value, code: "InvalidFullLink", full: true, frame: frame)
            default: break
            }
        default: break
        }
    }
}
