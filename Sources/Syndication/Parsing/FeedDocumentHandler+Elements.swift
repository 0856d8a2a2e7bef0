extension FeedDocumentHandler {
    /// Handles the start of an element the parser models; false for any other element.
    func startKnownElement(_ element: FeedElement, tag: String, attributes: AttributeMap) -> Bool {
        let expecting = inFeed || inEntry || inSource
        switch element {
        case .rss, .rdfRDF:
            break
        case .channel, .feed:
            inFeed = true
            cdfCommon(attributes)
        case .image:
            if !inEntry && image == nil { image = ContextRecord() }
            inImage = true
            titleDepth = -1
            push("image", expectingText: false)
        case .textInput:
            inTextInput = true
            titleDepth = -1
            push("textinput", expectingText: false)
        case .item, .entry, .product:
            if inEntry && entry != nil { finishEntry() }
            entry = ContextRecord()
            inEntry = true
            guidIsLink = false
            titleDepth = -1
            hasContent = false
            if let about = attributes["rdf:about"] { entry?.id = about }
            push("item", expectingText: false)
            cdfCommon(attributes)
        case .author, .managingEditor, .dcAuthor, .dcCreator, .itunesAuthor:
            inAuthor = true
            push("author", expectingText: true)
            withContext { $0.authors.append(FeedPerson()) }
        case .contributor:
            inContributor = true
            withContext { $0.contributors.append(FeedPerson()) }
            push("contributor", expectingText: false)
        case .dcContributor:
            inContributor = true
            withContext { $0.contributors.append(FeedPerson()) }
            push("name", expectingText: false)
        case .dcPublisher, .webMaster:
            inPublisher = true
            push("publisher", expectingText: true)
        case .itunesOwner:
            inPublisher = true
            push("publisher", expectingText: false)
        case .name, .itunesName:
            push("name", expectingText: false)
        case .email, .itunesEmail:
            push("email", expectingText: false)
        case .url, .homepage, .uri:
            push("href", expectingText: true)
        case .width, .height:
            push(tag, expectingText: false)
        case .title, .dcTitle, .mediaTitle:
            pushContent("title", attributes: attributes, defaultType: "text/plain", expectingText: expecting)
        case .tags:
            push("tags", expectingText: true)
        case .description, .abstract, .dcDescription, .mediaDescription:
            let hasSummary = withContext { $0.summary != nil }
            if inEntry && hasSummary && !hasContent {
                summaryKey = "content"
                startContent(attributes, defaultType: "text/plain")
            } else {
                pushContent("description", attributes: attributes, defaultType: "text/html", expectingText: expecting)
            }
        case .summary, .itunesSummary:
            let hasSummary = withContext { $0.summary != nil }
            if inEntry && hasSummary && !hasContent {
                summaryKey = "content"
                startContent(attributes, defaultType: "text/plain")
            } else {
                summaryKey = "summary"
                pushContent("summary", attributes: attributes, defaultType: "text/plain", expectingText: true)
            }
        case .content:
            startContent(attributes, defaultType: "text/plain")
        case .body, .xhtmlBody:
            hasContent = true
            pushContent("content", attributes: attributes, defaultType: "application/xhtml+xml", expectingText: true)
        case .contentEncoded, .fullItem:
            hasContent = true
            pushContent("content", attributes: attributes, defaultType: "text/html", expectingText: true)
        case .subtitle, .tagline, .itunesSubtitle:
            pushContent("subtitle", attributes: attributes, defaultType: "text/plain", expectingText: true)
        case .rights, .copyright, .dcRights:
            pushContent("rights", attributes: attributes, defaultType: "text/plain", expectingText: true)
        case .info:
            pushContent("info", attributes: attributes, defaultType: "text/plain", expectingText: true)
        case .link:
            startLink(attributes)
        case .guid:
            guidIsLink = (attributes["ispermalink"] ?? "true").lowercased() == "true"
            push("id", expectingText: true)
        case .id:
            guidIsLink = true
            push("id", expectingText: true)
        case .published, .dctermsIssued, .issued, .pubDate:
            push("published", expectingText: true)
        case .updated, .modified, .dctermsModified, .lastBuildDate, .dcDate:
            push("updated", expectingText: true)
        case .created, .dctermsCreated:
            push("created", expectingText: true)
        case .category, .dcSubject, .keywords:
            addCategory(term: attributes["term"], scheme: attributes["scheme"] ?? attributes["domain"], label: attributes["label"])
            push("category", expectingText: true)
        case .mediaCategory:
            addCategory(
                term: attributes["term"], scheme: attributes["scheme"] ?? "http://search.yahoo.com/mrss/category_schema", label: attributes["label"])
            push("category", expectingText: true)
        case .itunesCategory:
            addCategory(term: attributes["text"], scheme: "http://www.itunes.com/", label: nil)
            push("category", expectingText: true)
        case .itunesKeywords:
            push("itunes_keywords", expectingText: true)
        case .enclosure:
            startEnclosure(attributes)
        case .source:
            source = ContextRecord()
            if let url = attributes["url"] { source?.link = url }
            push("source", expectingText: true)
            inSource = true
            titleDepth = -1
        case .comments, .ttl, .docs, .icon, .logo, .language, .dcLanguage:
            push(tag == "dc_language" ? "language" : tag, expectingText: true)
        case .hour, .day:
            push(tag, expectingText: true)
        case .cloud:
            withContext { $0.cloud = attributes.dictionary }
        case .generator:
            if !attributes.isEmpty {
                let uri = attributes["uri"] ?? attributes["url"] ?? attributes["href"]
                let generator = FeedGenerator(name: nil, uri: uri.map(resolveURI), version: attributes["version"])
                withContext { $0.generator = generator }
            }
            push("generator", expectingText: true)
        case .adminGeneratorAgent:
            if let resource = attributes["rdf:resource"] {
                withContext { $0.generator = FeedGenerator(name: resource, uri: resource) }
            }
        case .ccLicense:
            if let resource = attributes["rdf:resource"] {
                withContext { $0.links.append(FeedLink(href: resource, rel: "license")) }
            }
        case .creativeCommonsLicense:
            push("license", expectingText: true)
        case .itunesImage, .itunesLink:
            if tag == "itunes_link" && attributes["rel"] != "image" { return false }
            if let href = attributes["href"] ?? attributes["url"], !inEntry {
                if image == nil { image = ContextRecord() }
                if image?.href == nil { image?.href = href }
            }
        case .mediaThumbnail:
            if let url = attributes["url"] {
                withContext {
                    $0.media.thumbnails.append(
                        MediaThumbnail(url: url, width: attributes["width"], height: attributes["height"], time: attributes["time"]))
                }
            }
        case .mediaContent:
            withContext { $0.media.content.append(attributes.dictionary) }
        case .mediaPlayer:
            if let url = attributes["url"] { withContext { $0.media.player = url } }
        case .mediaCredit:
            push("media_credit", expectingText: false)
        default:
            return startGeoElement(element, tag: tag, attributes: attributes)
        }
        return true
    }

    /// Handles the end of an element the parser models; false for any other element.
    func endKnownElement(_ element: FeedElement, tag: String) -> Bool {
        switch element {
        case .rss, .rdfRDF:
            break
        case .channel, .feed:
            inFeed = false
        case .image:
            pop("image")
            inImage = false
        case .textInput:
            pop("textinput")
            inTextInput = false
            textInput = nil
        case .item, .entry, .product:
            pop("item")
            finishEntry()
        case .author, .managingEditor, .dcAuthor, .dcCreator, .itunesAuthor:
            pop("author")
            inAuthor = false
            withContext { Self.syncAuthor(&$0) }
        case .contributor:
            pop("contributor")
            inContributor = false
        case .dcContributor:
            endName()
            inContributor = false
        case .dcPublisher, .webMaster, .itunesOwner:
            pop("publisher")
            inPublisher = false
            withContext { Self.syncPublisher(&$0) }
        case .name, .itunesName:
            endName()
        case .email, .itunesEmail:
            let value = pop("email") ?? ""
            savePerson(\.email, value)
        case .url, .homepage, .uri:
            let value = pop("href") ?? ""
            if inAuthor || inContributor { savePerson(\.uri, value) }
        case .width, .height:
            let value = pop(tag) ?? ""
            if inImage, image != nil {
                if tag == "width" { image?.width = Int(value) } else { image?.height = Int(value) }
            }
        case .title, .dcTitle:
            guard svgDepth == 0 else { return false }
            if let value = popContent("title"), !value.isEmpty { titleDepth = depth }
        case .mediaTitle:
            // A fallback: a later <title> at the same depth still wins.
            guard svgDepth == 0 else { return false }
            popContent("title")
        case .tags:
            let value = pop("tags") ?? ""
            for term in value.split(separator: ",") {
                let trimmed = String(term).trimmingWhitespace()
                if !trimmed.isEmpty { addCategory(term: trimmed, scheme: nil, label: nil) }
            }
        case .description, .abstract, .dcDescription, .mediaDescription:
            if summaryKey == "content" { endContent() } else { popContent("description") }
            summaryKey = nil
        case .summary, .itunesSummary:
            if summaryKey == "content" { endContent() } else { popContent(summaryKey ?? "summary") }
            summaryKey = nil
        case .content, .body, .xhtmlBody, .contentEncoded, .fullItem:
            endContent()
        case .subtitle, .tagline, .itunesSubtitle:
            popContent("subtitle")
        case .rights, .copyright, .dcRights:
            popContent("rights")
        case .info:
            popContent("info")
        case .link:
            pop("link")
        case .guid:
            let value = pop("id") ?? ""
            if guidIsLink && !value.isEmpty {
                withContext { context in
                    if context.link == nil { context.link = value }
                }
            }
        case .id:
            pop("id")
        case .published, .dctermsIssued, .issued, .pubDate:
            pop("published")
        case .updated, .modified, .dctermsModified, .lastBuildDate, .dcDate:
            pop("updated")
        case .created, .dctermsCreated:
            pop("created")
        case .category, .dcSubject, .keywords, .mediaCategory, .itunesCategory:
            guard let value = pop("category"), !value.isEmpty else { return true }
            withContext { context in
                if let last = context.categories.indices.last, context.categories[last].term == nil {
                    context.categories[last].term = value
                } else {
                    Self.add(FeedCategory(term: value), to: &context)
                }
            }
        case .itunesKeywords:
            let value = pop("itunes_keywords") ?? ""
            for term in value.split(separator: ",") {
                let trimmed = String(term).trimmingWhitespace()
                if !trimmed.isEmpty { addCategory(term: trimmed, scheme: "http://www.itunes.com/", label: nil) }
            }
        case .source:
            inSource = false
            let value = pop("source") ?? ""
            if var finished = source {
                if !value.isEmpty { finished.title = FeedText(type: "text", value: value) }
                var metadata = finished.metadata
                if metadata.link == nil, let alternate = metadata.links.first(where: { $0.rel == "alternate" })?.href { metadata.link = alternate }
                entry?.source = metadata
            }
            source = nil
        case .comments, .ttl, .docs, .icon, .logo, .language, .dcLanguage, .hour, .day:
            let key = tag == "dc_language" ? "language" : tag
            let value = pop(key)
            if key == "language", let value { language = value.isEmpty ? language : value }
        case .generator:
            pop("generator")
        case .creativeCommonsLicense:
            let value = pop("license") ?? ""
            withContext { $0.links.append(FeedLink(href: value.isEmpty ? nil : value, rel: "license")) }
        case .mediaCredit:
            if let value = pop("media_credit"), !value.isEmpty { withContext { $0.media.credits.append(value) } }
        default:
            return endGeoElement(element, tag: tag)
        }
        return true
    }

    // MARK: Pieces

    func startContent(_ attributes: AttributeMap, defaultType: String) {
        hasContent = true
        pushContent("content", attributes: attributes, defaultType: defaultType, expectingText: true)
        if let src = attributes["src"] { contentParameters?.src = resolveURI(src) }
    }

    func endContent() {
        popContent("content")
    }

    func startLink(_ attributes: AttributeMap) {
        let rel = attributes["rel"] ?? "alternate"
        let type = attributes["type"] ?? (rel == "self" ? "application/atom+xml" : "text/html")
        var href = attributes["href"] ?? attributes["url"]
        if let given = href { href = resolveURI(given) }
        let link = FeedLink(
            href: href, rel: rel, type: type, title: attributes["title"], length: attributes["length"], hreflang: attributes["hreflang"])
        let expecting = inFeed || inEntry || inSource
        if !(inEntry && inImage) {
            withContext { context in
                context.links.append(link)
                if rel == "enclosure", let href {
                    context.enclosures.append(FeedEnclosure(url: href, type: attributes["type"], length: attributes["length"]))
                }
            }
        }
        if let href {
            if rel == "alternate" && Self.htmlTypes.contains(Self.mapContentType(type)) {
                withContext { $0.link = href }
            }
        } else {
            push("link", expectingText: expecting)
        }
    }

    func startEnclosure(_ attributes: AttributeMap) {
        guard let given = attributes["url"] ?? attributes["href"] else { return }
        let url = resolveURI(given)
        withContext { context in
            context.links.append(FeedLink(href: url, rel: "enclosure", type: attributes["type"], length: attributes["length"]))
            context.enclosures.append(FeedEnclosure(url: url, type: attributes["type"], length: attributes["length"]))
        }
    }

    func cdfCommon(_ attributes: AttributeMap) {
        if let modified = attributes["lastmod"] {
            withContext { $0.updated = FeedDate.parse(modified) }
        }
        if let href = attributes["href"] {
            let resolved = resolveURI(href)
            withContext { context in
                context.links.append(FeedLink(href: resolved, rel: "alternate", type: "text/html"))
                context.link = resolved
            }
        }
    }

    func addCategory(term: String?, scheme: String?, label: String?) {
        guard term != nil || scheme != nil || label != nil else { return }
        withContext { Self.add(FeedCategory(term: term, scheme: scheme, label: label), to: &$0) }
    }

    static func add(_ category: FeedCategory, to context: inout ContextRecord) {
        if !context.categories.contains(category) { context.categories.append(category) }
    }

    func finishEntry() {
        inEntry = false
        guard let finished = entry.take() else { return }
        entryCount += 1
        let summary = finished.pendingSummary
        let content = finished.pendingContent
        onEntry(UnfinishedEntry(finished.makeEntry(), summary: summary, content: content))
    }
}
