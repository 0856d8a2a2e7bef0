import LibXML

/// RSS 2.0 rules (RSS Advisory Board specification and its best-practice profile); RSS 0.91
/// and 0.92 documents are checked by the same rules.
extension ValidationRun {
    static let channelChildren: [String: Int] = [
        "title": 1, "link": 1, "description": 1, "language": 1, "copyright": 1, "managingEditor": 1, "webMaster": 1, "pubDate": 1,
        "lastBuildDate": 1, "category": .max, "generator": 1, "docs": 1, "cloud": 1, "ttl": 1, "image": 1, "rating": 1,
        "textInput": 1, "skipHours": 1, "skipDays": 1, "item": .max,
    ]
    static let itemChildren: [String: Int] = [
        "title": 1, "link": 1, "description": 1, "author": 1, "category": .max, "comments": 1, "enclosure": .max, "guid": 1,
        "pubDate": 1, "source": 1,
    ]
    static let imageChildren: [String: Int] = ["url": 1, "title": 1, "link": 1, "width": 1, "height": 1, "description": 1]
    static let textInputChildren: [String: Int] = ["title": 1, "description": 1, "name": 1, "link": 1]
    static let rssValueKinds: [String: ValueKind] = [
        "title": .rssText, "link": .fullURL, "description": .html, "language": .language, "managingEditor": .contact, "copyright": .rssText,
        "webMaster": .contact, "author": .contact, "pubDate": .rfc822, "lastBuildDate": .rfc822, "docs": .fullURL,
        "comments": .fullURL, "ttl": .positiveInteger, "url": .fullURL, "width": .width, "height": .height, "hour": .hour,
        "day": .day,
    ]

    func rssRoot(_ frame: Frame) -> ElementKind {
        guard let version = frame.attribute("version")?.trimmed else {
            format = .rss20
            report("MissingAttribute", "rss needs a version attribute (version=\"2.0\")", at: frame, element: "version")
            return .rssRoot
        }
        switch version {
        case "2.0", "2.0.1", "2.00": format = .rss20
        case "0.91": format = .rss091
        case "0.92", "0.93", "0.94": format = .rss092
        default:
            format = .rss20
            report("InvalidRSSVersion", "RSS version '\(version)' does not exist; use 2.0", at: frame, element: "version")
        }
        return .rssRoot
    }

    func rssChild(_ frame: Frame, key: String, parent: inout Frame) -> ElementKind {
        let name = frame.name
        guard name.namespaceURI == nil else { return extensionKind(frame, parent: parent) }
        let local = name.localName
        let allowed: [String: Int]
        switch parent.kind {
        case .rssRoot: allowed = ["channel": 1]
        case .rssChannel: allowed = Self.channelChildren
        case .rssItem: allowed = Self.itemChildren
        case .rssImage: allowed = Self.imageChildren
        case .rssTextInput: allowed = Self.textInputChildren
        case .rssSkipHours: allowed = ["hour": .max]
        default: allowed = ["day": .max]
        }
        guard let limit = allowed[local] else {
            report("UndefinedElement", "'\(local)' is not an RSS element allowed in \(parent.name.localName)", at: frame)
            return .opaque
        }
        if parent.count(key) > limit {
            report("DuplicateElement", "\(parent.name.localName) may contain only one \(local)", at: frame)
        }
        if parent.kind == .rssChannel {
            if local == "item" {
                parent.seenEntry = true
            } else if parent.seenEntry && format == .rss20 {
                report("MisplacedItem", "channel elements (\(local)) should come before the items", at: frame)
                parent.seenEntry = false
            }
        }
        if parent.kind == .rssItem && local == "enclosure" && parent.count(key) > 1 {
            report("DuplicateEnclosure", "an item should have one enclosure; most readers use only the first", at: frame)
        }
        switch (parent.kind, local) {
        case (.rssRoot, _): return .rssChannel
        case (.rssChannel, "item"): return .rssItem
        case (.rssChannel, "image"): return .rssImage
        case (.rssChannel, "description") where format == .rss20 || format == .rss091 || format == .rss092:
            return .value(.rssText)
        case (.rssItem, "description") where format == .rss091:
            return .value(.rssText)
        case (.rssChannel, "textInput"):
            report("AvoidTextInput", "textInput is rarely supported by readers; best avoided", at: frame)
            return .rssTextInput
        case (.rssChannel, "cloud"): return .rssCloud
        case (.rssChannel, "skipHours"): return .rssSkipHours
        case (.rssChannel, "skipDays"): return .rssSkipDays
        case (.rssItem, "enclosure"): return .rssEnclosure
        case (.rssItem, "guid"): return .rssGuid
        case (.rssItem, "source"): return .rssSource
        case (.rssImage, "url"): return .value(.imageURL)
        case (.rssImage, "description"), (.rssTextInput, "description"): return .value(.plain)
        case (.rssTextInput, "name"), (.rssImage, "title"), (.rssTextInput, "title"): return .value(.plain)
        default: return .value(Self.rssValueKinds[local] ?? .plain)
        }
    }

    func rssAttributeChecks(_ frame: Frame) {
        switch frame.kind {
        case .rssEnclosure:
            for required in ["url", "length", "type"] where frame.attribute(required) == nil {
                report("MissingAttribute", "enclosure needs a \(required) attribute", at: frame, element: required)
            }
            if let url = frame.attribute("url"), enclosureExtensions.count < 1000 {
                let ext = url.split(separator: "/").last?.split(separator: ".").last.map(String.init) ?? ""
                enclosureExtensions.append((frame.line, frame.column, stack.last?.name.qualifiedName ?? "item", ext))
            }
            if let url = frame.attribute("url"), !ValueCheck.isHTTPURL(url) {
                report("InvalidURLAttribute", "enclosure url '\(url)' must be a full http or https URL", at: frame, element: "url")
            }
            if let length = frame.attribute("length") {
                if let number = ValueCheck.integer(length.trimmed) {
                    if number == -1 {
                        report("UseZeroForUnknown", "an unknown enclosure length is written 0, not -1", at: frame, element: "length")
                    } else if number < 0 {
                        report("InvalidNonNegativeInteger", "enclosure length \(length) must not be negative", at: frame, element: "length")
                    }
                } else {
                    report("InvalidIntegerAttribute", "enclosure length '\(length)' must be a whole number of bytes", at: frame, element: "length")
                }
            }
            if let type = frame.attribute("type"), !ValueCheck.isMIMEType(type) {
                report("InvalidMIMEAttribute", "enclosure type '\(type)' is not a MIME media type", at: frame, element: "type")
            }
        case .rssSource:
            if let url = frame.attribute("url") {
                checkURI(url, code: "InvalidFullLink", full: true, frame: frame, attribute: "url")
            } else {
                report("MissingAttribute", "source needs a url attribute", at: frame, element: "url")
            }
        case .rssCloud:
            for required in ["domain", "port", "path", "registerProcedure", "protocol"] where frame.attribute(required) == nil {
                report("MissingAttribute", "cloud needs a \(required) attribute", at: frame, element: required)
            }
            if let port = frame.attribute("port"), ValueCheck.integer(port) == nil {
                report("InvalidIntegerAttribute", "cloud port '\(port)' is not a number", at: frame, element: "port")
            }
        case .rssGuid:
            if let permalink = frame.attribute("isPermaLink"), permalink != "true" && permalink != "false" {
                report("InvalidBooleanAttribute", "isPermaLink must be true or false, not '\(permalink)'", at: frame, element: "isPermaLink")
            }
        default: break
        }
    }

    /// What Apple Podcasts wants of a channel that uses the iTunes extension.
    func iTunesChannelAdvice(_ frame: Frame) {
        for element in ["language", "itunes:category", "itunes:explicit"] where frame.count(element) == 0 {
            report("MissingItunesElement", "a podcast channel should have \(element)", at: frame, element: element)
        }
        if frame.count("itunes:owner") == 0 {
            report("MissingItunesEmail", "a podcast channel should give an itunes:owner with itunes:email", at: frame, element: "itunes:email")
        }
        let supported: Set<String> = ["m4a", "mp3", "mov", "mp4", "m4v", "pdf", "epub"]
        for enclosure in enclosureExtensions where !supported.contains(enclosure.ext) {
            report(
                "UnsupportedItunesFormat", "Apple Podcasts does not play .\(enclosure.ext) files", line: enclosure.line, column: enclosure.column,
                element: "enclosure", parent: enclosure.parent)
        }
        enclosureExtensions.removeAll()
    }

    func rssEnd(_ frame: Frame) {
        switch frame.kind {
        case .rssRoot:
            if frame.count("channel") == 0 { report("MissingElement", "rss needs a channel element", at: frame, element: "channel") }
        case .rssChannel:
            if frame.count("title") == 0 { report("MissingTitle", "channel needs a title", at: frame, element: "title") }
            if frame.count("link") == 0 { report("MissingLink", "channel needs a link", at: frame, element: "link") }
            if frame.count("description") == 0 { report("MissingDescription", "channel needs a description", at: frame, element: "description") }
            if frame.count("language") == 0 && frame.count("dc:language") == 0 {
                report("MissingDCLanguage", "the channel does not say its language", at: frame, element: "language")
            }
            for (core, ext) in [
                ("managingEditor", "dc:creator"), ("category", "dc:subject"), ("webMaster", "dc:publisher"),
                ("language", "dc:language"), ("copyright", "dc:rights"), ("lastBuildDate", "dcterms:modified"),
            ]
            where frame.count(core) > 0 && frame.count(ext) > 0 {
                report("DuplicateSemantics", "channel has both \(core) and \(ext), which mean the same; keep one", at: frame, element: ext)
            }
            if usesITunes { iTunesChannelAdvice(frame) }
            if !frame.hasSelfLink && format == .rss20 {
                report(
                    "MissingAtomSelfLink", "the channel should have an atom:link rel=\"self\" giving the feed's own URL", at: frame,
                    element: "atom:link")
            }
            if frame.count("dc:date") > 0 && frame.count("pubDate") > 0 {
                report("DuplicateSemantics", "channel has both pubDate and dc:date; keep one", at: frame, element: "dc:date")
            }
        case .rssItem:
            if frame.count("title") == 0 && frame.count("description") == 0 {
                report("ItemMustContainTitleOrDescription", "an item needs a title or a description", at: frame, element: "title")
            }
            for (core, ext) in [("category", "dc:subject"), ("guid", "atom:id"), ("pubDate", "atom:published"), ("source", "dc:source")]
            where frame.count(core) > 0 && frame.count(ext) > 0 {
                report("DuplicateItemSemantics", "item has both \(core) and \(ext), which mean the same; keep one", at: frame, element: ext)
            }
            if frame.count("slash:comments") > 0 && format == .rss20 && stack.last?.count("lastBuildDate") == 0 {
                report("SlashDate", "slash:comments counts change; give the channel a lastBuildDate", at: frame, element: "slash:comments")
            }
            if frame.count("guid") == 0 && format == .rss20 {
                report("MissingGuid", "an item should have a guid so readers can tell it from others", at: frame, element: "guid")
            }
            if frame.count("dc:date") > 0 && frame.count("pubDate") > 0 {
                report("DuplicateItemSemantics", "item has both pubDate and dc:date; keep one", at: frame, element: "dc:date")
            }
            if frame.count("dc:creator") > 0 && frame.count("author") > 0 {
                report("DuplicateItemSemantics", "item has both author and dc:creator; keep one", at: frame, element: "dc:creator")
            }
        case .rssImage:
            for required in ["url", "title", "link"] where frame.count(required) == 0 {
                report("MissingElement", "image needs a \(required)", at: frame, element: required)
            }
            if let title = frame.values["title"], let channelTitle = stack.last?.values["title"], title != channelTitle {
                report("ImageTitleDoesntMatch", "the image title should be the channel's title", at: frame, element: "title")
            }
            if let link = frame.values["link"], let channelLink = stack.last?.values["link"], link != channelLink {
                report("ImageLinkDoesntMatch", "the image link should be the channel's link", at: frame, element: "link")
            }
        case .rssTextInput:
            for required in ["title", "description", "name", "link"] where frame.count(required) == 0 {
                report("MissingElement", "textInput needs a \(required)", at: frame, element: required)
            }
        case .rssSkipHours:
            if frame.count("hour") > 24 { report("NotEnoughHoursInTheDay", "skipHours has more than 24 hours", at: frame) }
        case .rssSkipDays:
            if frame.count("day") > 7 { report("EightDaysAWeek", "skipDays has more than 7 days", at: frame) }
        case .rssGuid:
            let value = frame.string.trimmed
            let permalink = frame.attribute("isPermaLink") ?? "true"
            if value.isEmpty {
                report("NotBlank", "guid should not be empty", at: frame)
            } else if permalink != "false" {
                let lowered = value.lowercased()
                if let problem = URICheck.check(value, code: "InvalidHttpGUID", full: false) {
                    report(problem.code, "guid is a permalink (isPermaLink defaults to true): \(problem.reason)", at: frame)
                } else if lowered.hasPrefix("tag:") || lowered.hasPrefix("urn:uuid:") {
                    report("InvalidPermalink", "guid '\(value)' is not a link; say isPermaLink=\"false\"", at: frame)
                }
            } else if value.count < 9, value.allSatisfy(\.isNumber) {
                report("NotSufficientlyUnique", "guid '\(value)' is too short a number to be unique across feeds", at: frame)
            }
            if guidsSeen.count < 1 << 20, !guidsSeen.insert(value).inserted, !value.isEmpty {
                report("DuplicateValue", "two items have the guid '\(value)'", at: frame)
            }
        default: break
        }
    }
}
