extension FeedDocumentHandler {
    /// Handles the start of an element the parser models; false for any other element.
    func startKnownElement(_ tag: String, attributes: [String: String]) -> Bool {
        let expecting = inFeed || inEntry || inSource
        switch tag {
        case "rss", "rdf_rdf":
            break
        case "channel", "feed":
            inFeed = true
            cdfCommon(attributes)
        case "image":
            if !inEntry && image == nil { image = ContextRecord() }
            inImage = true
            titleDepth = -1
            push("image", expectingText: false)
        case "textinput":
            inTextInput = true
            titleDepth = -1
            push("textinput", expectingText: false)
        case "item", "entry", "product":
            if inEntry && entry != nil { finishEntry() }
            entry = ContextRecord()
            inEntry = true
            guidIsLink = false
            titleDepth = -1
            hasContent = false
            if let about = attributes["rdf:about"] { entry?.id = about }
            push("item", expectingText: false)
            cdfCommon(attributes)
        case "author", "managingeditor", "dc_author", "dc_creator", "itunes_author":
            inAuthor = true
            push("author", expectingText: true)
            withContext { $0.authors.append(FeedPerson()) }
        case "contributor":
            inContributor = true
            withContext { $0.contributors.append(FeedPerson()) }
            push("contributor", expectingText: false)
        case "dc_contributor":
            inContributor = true
            withContext { $0.contributors.append(FeedPerson()) }
            push("name", expectingText: false)
        case "dc_publisher", "webmaster":
            inPublisher = true
            push("publisher", expectingText: true)
        case "itunes_owner":
            inPublisher = true
            push("publisher", expectingText: false)
        case "name", "itunes_name":
            push("name", expectingText: false)
        case "email", "itunes_email":
            push("email", expectingText: false)
        case "url", "homepage", "uri":
            push("href", expectingText: true)
        case "width", "height":
            push(tag, expectingText: false)
        case "title", "dc_title", "media_title":
            pushContent("title", attributes: attributes, defaultType: "text/plain", expectingText: expecting)
        case "tags":
            push("tags", expectingText: true)
        case "description", "abstract", "dc_description", "media_description":
            let hasSummary = withContext { $0.summary != nil }
            if inEntry && hasSummary && !hasContent {
                summaryKey = "content"
                startContent(attributes, defaultType: "text/plain")
            } else {
                pushContent("description", attributes: attributes, defaultType: "text/html", expectingText: expecting)
            }
        case "summary", "itunes_summary":
            let hasSummary = withContext { $0.summary != nil }
            if inEntry && hasSummary && !hasContent {
                summaryKey = "content"
                startContent(attributes, defaultType: "text/plain")
            } else {
                summaryKey = "summary"
                pushContent("summary", attributes: attributes, defaultType: "text/plain", expectingText: true)
            }
        case "content":
            startContent(attributes, defaultType: "text/plain")
        case "body", "xhtml_body":
            hasContent = true
            pushContent("content", attributes: attributes, defaultType: "application/xhtml+xml", expectingText: true)
        case "content_encoded", "fullitem":
            hasContent = true
            pushContent("content", attributes: attributes, defaultType: "text/html", expectingText: true)
        case "subtitle", "tagline", "itunes_subtitle":
            pushContent("subtitle", attributes: attributes, defaultType: "text/plain", expectingText: true)
        case "rights", "copyright", "dc_rights":
            pushContent("rights", attributes: attributes, defaultType: "text/plain", expectingText: true)
        case "info":
            pushContent("info", attributes: attributes, defaultType: "text/plain", expectingText: true)
        case "link":
            startLink(attributes)
        case "guid":
            guidIsLink = (attributes["ispermalink"] ?? "true").lowercased() == "true"
            push("id", expectingText: true)
        case "id":
            guidIsLink = true
            push("id", expectingText: true)
        case "published", "dcterms_issued", "issued", "pubdate":
            push("published", expectingText: true)
        case "updated", "modified", "dcterms_modified", "lastbuilddate", "dc_date":
            push("updated", expectingText: true)
        case "created", "dcterms_created":
            push("created", expectingText: true)
        case "category", "dc_subject", "keywords":
            addCategory(term: attributes["term"], scheme: attributes["scheme"] ?? attributes["domain"], label: attributes["label"])
            push("category", expectingText: true)
        case "media_category":
            addCategory(
                term: attributes["term"], scheme: attributes["scheme"] ?? "http://search.yahoo.com/mrss/category_schema", label: attributes["label"])
            push("category", expectingText: true)
        case "itunes_category":
            addCategory(term: attributes["text"], scheme: "http://www.itunes.com/", label: nil)
            push("category", expectingText: true)
        case "itunes_keywords":
            push("itunes_keywords", expectingText: true)
        case "enclosure":
            startEnclosure(attributes)
        case "source":
            source = ContextRecord()
            if let url = attributes["url"] { source?.link = url }
            push("source", expectingText: true)
            inSource = true
            titleDepth = -1
        case "comments", "ttl", "docs", "icon", "logo", "language", "dc_language":
            push(tag == "dc_language" ? "language" : tag, expectingText: true)
        case "hour", "day":
            push(tag, expectingText: true)
        case "cloud":
            withContext { $0.cloud = attributes }
        case "generator":
            if !attributes.isEmpty {
                let uri = attributes["uri"] ?? attributes["url"] ?? attributes["href"]
                let generator = FeedGenerator(name: nil, uri: uri.map(resolveURI), version: attributes["version"])
                withContext { $0.generator = generator }
            }
            push("generator", expectingText: true)
        case "admin_generatoragent":
            if let resource = attributes["rdf:resource"] {
                withContext { $0.generator = FeedGenerator(name: resource, uri: resource) }
            }
        case "cc_license":
            if let resource = attributes["rdf:resource"] {
                withContext { $0.links.append(FeedLink(href: resource, rel: "license")) }
            }
        case "creativecommons_license":
            push("license", expectingText: true)
        case "itunes_image", "itunes_link":
            if tag == "itunes_link" && attributes["rel"] != "image" { return false }
            if let href = attributes["href"] ?? attributes["url"], !inEntry {
                if image == nil { image = ContextRecord() }
                if image?.href == nil { image?.href = href }
            }
        case "media_thumbnail":
            if let url = attributes["url"] {
                withContext {
                    $0.media.thumbnails.append(
                        MediaThumbnail(url: url, width: attributes["width"], height: attributes["height"], time: attributes["time"]))
                }
            }
        case "media_content":
            withContext { $0.media.content.append(attributes) }
        case "media_player":
            if let url = attributes["url"] { withContext { $0.media.player = url } }
        case "media_credit":
            push("media_credit", expectingText: false)
        default:
            return startGeoElement(tag, attributes: attributes)
        }
        return true
    }

    /// Handles the end of an element the parser models; false for any other element.
    func endKnownElement(_ tag: String) -> Bool {
        switch tag {
        case "rss", "rdf_rdf":
            break
        case "channel", "feed":
            inFeed = false
        case "image":
            pop("image")
            inImage = false
        case "textinput":
            pop("textinput")
            inTextInput = false
            textInput = nil
        case "item", "entry", "product":
            pop("item")
            finishEntry()
        case "author", "managingeditor", "dc_author", "dc_creator", "itunes_author":
            pop("author")
            inAuthor = false
            withContext { Self.syncAuthor(&$0) }
        case "contributor":
            pop("contributor")
            inContributor = false
        case "dc_contributor":
            endName()
            inContributor = false
        case "dc_publisher", "webmaster", "itunes_owner":
            pop("publisher")
            inPublisher = false
            withContext { Self.syncPublisher(&$0) }
        case "name", "itunes_name":
            endName()
        case "email", "itunes_email":
            let value = pop("email") ?? ""
            savePerson(\.email, value)
        case "url", "homepage", "uri":
            let value = pop("href") ?? ""
            if inAuthor || inContributor { savePerson(\.uri, value) }
        case "width", "height":
            let value = pop(tag) ?? ""
            if inImage, image != nil {
                if tag == "width" { image?.width = Int(value) } else { image?.height = Int(value) }
            }
        case "title", "dc_title":
            guard svgDepth == 0 else { return false }
            if let value = popContent("title"), !value.isEmpty { titleDepth = depth }
        case "media_title":
            // A fallback: a later <title> at the same depth still wins.
            guard svgDepth == 0 else { return false }
            popContent("title")
        case "tags":
            let value = pop("tags") ?? ""
            for term in value.split(separator: ",") {
                let trimmed = String(term).trimmingWhitespace()
                if !trimmed.isEmpty { addCategory(term: trimmed, scheme: nil, label: nil) }
            }
        case "description", "abstract", "dc_description", "media_description":
            if summaryKey == "content" { endContent() } else { popContent("description") }
            summaryKey = nil
        case "summary", "itunes_summary":
            if summaryKey == "content" { endContent() } else { popContent(summaryKey ?? "summary") }
            summaryKey = nil
        case "content", "body", "xhtml_body", "content_encoded", "fullitem":
            endContent()
        case "subtitle", "tagline", "itunes_subtitle":
            popContent("subtitle")
        case "rights", "copyright", "dc_rights":
            popContent("rights")
        case "info":
            popContent("info")
        case "link":
            pop("link")
        case "guid":
            let value = pop("id") ?? ""
            if guidIsLink && !value.isEmpty {
                withContext { context in
                    if context.link == nil { context.link = value }
                }
            }
        case "id":
            pop("id")
        case "published", "dcterms_issued", "issued", "pubdate":
            pop("published")
        case "updated", "modified", "dcterms_modified", "lastbuilddate", "dc_date":
            pop("updated")
        case "created", "dcterms_created":
            pop("created")
        case "category", "dc_subject", "keywords", "media_category", "itunes_category":
            guard let value = pop("category"), !value.isEmpty else { return true }
            withContext { context in
                if let last = context.categories.indices.last, context.categories[last].term == nil {
                    context.categories[last].term = value
                } else {
                    Self.add(FeedCategory(term: value), to: &context)
                }
            }
        case "itunes_keywords":
            let value = pop("itunes_keywords") ?? ""
            for term in value.split(separator: ",") {
                let trimmed = String(term).trimmingWhitespace()
                if !trimmed.isEmpty { addCategory(term: trimmed, scheme: "http://www.itunes.com/", label: nil) }
            }
        case "source":
            inSource = false
            let value = pop("source") ?? ""
            if var finished = source {
                if !value.isEmpty { finished.title = FeedText(type: "text", value: value) }
                var metadata = finished.metadata
                if metadata.link == nil, let alternate = metadata.links.first(where: { $0.rel == "alternate" })?.href { metadata.link = alternate }
                entry?.source = metadata
            }
            source = nil
        case "comments", "ttl", "docs", "icon", "logo", "language", "dc_language", "hour", "day":
            let key = tag == "dc_language" ? "language" : tag
            let value = pop(key)
            if key == "language", let value { language = value.isEmpty ? language : value }
        case "generator":
            pop("generator")
        case "creativecommons_license":
            let value = pop("license") ?? ""
            withContext { $0.links.append(FeedLink(href: value.isEmpty ? nil : value, rel: "license")) }
        case "media_credit":
            if let value = pop("media_credit"), !value.isEmpty { withContext { $0.media.credits.append(value) } }
        default:
            return endGeoElement(tag)
        }
        return true
    }

    // MARK: Pieces

    func startContent(_ attributes: [String: String], defaultType: String) {
        hasContent = true
        pushContent("content", attributes: attributes, defaultType: defaultType, expectingText: true)
        if let src = attributes["src"] { contentParameters?.src = resolveURI(src) }
    }

    func endContent() {
        popContent("content")
    }

    func startLink(_ attributes: [String: String]) {
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

    func startEnclosure(_ attributes: [String: String]) {
        guard let given = attributes["url"] ?? attributes["href"] else { return }
        let url = resolveURI(given)
        withContext { context in
            context.links.append(FeedLink(href: url, rel: "enclosure", type: attributes["type"], length: attributes["length"]))
            context.enclosures.append(FeedEnclosure(url: url, type: attributes["type"], length: attributes["length"]))
        }
    }

    func cdfCommon(_ attributes: [String: String]) {
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
        guard let finished = entry else { return }
        entryCount += 1
        var result = finished.entry
        result.assignDerivedIDIfMissing()
        onEntry(result)
        entry = nil
    }
}
