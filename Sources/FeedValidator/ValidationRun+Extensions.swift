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
        "dcterms:issued": .w3cdtf, "dcterms:date": .w3cdtf, "dcterms:available": .w3cdtf, "dcterms:dateAccepted": .w3cdtf,
        "dcterms:dateCopyrighted": .w3cdtf, "dcterms:dateSubmitted": .w3cdtf, "content:encoded": .html,
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
    static let closedNamespaces: Set<String> = [Namespace.dc, Namespace.sy, Namespace.slash, Namespace.wfw, Namespace.itunes, Namespace.content]

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
        if let kind = Self.extensionValues[key] {
            if key == "itunes:category" || key == "itunes:image" { return .structured }
            return .value(kind)
        }
        if Self.structuredExtensions.contains(key) || uri == Namespace.media { return .structured }
        if uri == Namespace.dc {
            if !Self.dcElements.contains(name.localName) {
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
            if let relationship = frame.attribute("relationship"), relationship != "allow" && relationship != "deny" {
                report("InvalidMediaRestrictionRel", "relationship must be allow or deny", at: frame, element: "relationship")
            }
            if let type = frame.attribute("type"), !["country", "uri", "sharing"].contains(type) {
                report("InvalidMediaRestrictionType", "type must be country, uri or sharing", at: frame, element: "type")
            }
        case "media:hash":
            if let algorithm = frame.attribute("algo"), algorithm != "md5" && algorithm != "sha-1" {
                report("InvalidMediaHash", "algo must be md5 or sha-1", at: frame, element: "algo")
            }
        case "media:text":
            if let type = frame.attribute("type"), type != "plain" && type != "html" {
                report("InvalidMediaTextType", "media:text type must be plain or html", at: frame, element: "type")
            }
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
        let urlAttribute = key == "media:player" ? "url" : "url"
        if let url = frame.attribute(urlAttribute) {
            checkURI(url, code: "InvalidURLAttribute", full: true, frame: frame, attribute: "url")
        } else if key != "media:content" {
            report("MissingAttribute", "\(key) needs a url attribute", at: frame, element: "url")
        }
        guard key == "media:content" else { return }
        if let medium = frame.attribute("medium"), !["image", "audio", "video", "document", "executable"].contains(medium) {
            report("InvalidMediaMedium", "medium must be image, audio, video, document or executable", at: frame, element: "medium")
        }
        if let expression = frame.attribute("expression"), !["sample", "full", "nonstop"].contains(expression) {
            report("InvalidMediaExpression", "expression must be sample, full or nonstop", at: frame, element: "expression")
        }
        if let isDefault = frame.attribute("isDefault"), isDefault != "true" && isDefault != "false" {
            report("InvalidBooleanAttribute", "isDefault must be true or false", at: frame, element: "isDefault")
        }
        if let type = frame.attribute("type"), !ValueCheck.isMIMEType(type) {
            report("InvalidMIMEAttribute", "type '\(type)' is not a MIME media type", at: frame, element: "type")
        }
        for attribute in ["fileSize", "bitrate", "height", "width", "channels"] {
            if let value = frame.attribute(attribute), (ValueCheck.integer(value) ?? -1) < 0 {
                report("InvalidIntegerAttribute", "\(attribute) '\(value)' must be a whole number", at: frame, element: attribute)
            }
        }
    }
}
