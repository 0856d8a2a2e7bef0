/// Everything a feed, an entry, a source, an image or a text input can collect while the
/// document streams by; turned into the public model when its element ends.
struct ContextRecord {
    var title: FeedText?
    var subtitle: FeedText?
    var rights: FeedText?
    var info: FeedText?
    var summary: FeedText?
    var content: FeedText?
    /// The markup of `summary` and `content` when it waits to be finished (their values are
    /// empty until then).
    var pendingSummary: PendingMarkup?
    var pendingContent: PendingMarkup?
    var id: String?
    var link: String?
    var links: [FeedLink] = []
    var updated: FeedDate?
    var published: FeedDate?
    var language: String?
    var authors: [FeedPerson] = []
    var authorText: String?
    var contributors: [FeedPerson] = []
    var publisher: FeedPerson?
    var publisherText: String?
    var categories: [FeedCategory] = []
    var icon: String?
    var logo: String?
    var href: String?
    var width: Int?
    var height: Int?
    var descriptionText: String?
    var generator: FeedGenerator?
    var ttl: Int?
    var skipHours: [Int] = []
    var skipDays: [String] = []
    var docs: String?
    var cloud: [String: String]?
    var comments: String?
    var enclosures: [FeedEnclosure] = []
    var media = MediaInfo()
    var location: GeoLocation?
    var extensions: [ExtensionElement] = []
    var source: FeedMetadata?
    var image: FeedImage?
    /// Depth at which each single-valued property was last stored (shallower wins); a handful
    /// per entry, so a list searched from the start beats hashing.
    var propertyDepths: [(name: String, depth: Int)] = []

    /// Records that `name` is stored at `depth`, unless it was stored shallower before.
    mutating func claimProperty(_ name: String, depth: Int) -> Bool {
        for index in propertyDepths.indices where propertyDepths[index].name == name {
            if depth > propertyDepths[index].depth { return false }
            propertyDepths[index].depth = depth
            return true
        }
        propertyDepths.append((name, depth))
        return true
    }

    var metadata: FeedMetadata {
        var feed = FeedMetadata()
        feed.title = title
        feed.subtitle = subtitle
        feed.rights = rights
        feed.info = info
        feed.id = id
        feed.link = link
        feed.links = links
        feed.updated = updated
        feed.published = published
        feed.language = language
        feed.authors = authors.filter { !$0.isEmpty }
        feed.contributors = contributors.filter { !$0.isEmpty }
        feed.publisher = publisher
        feed.categories = categories
        feed.icon = icon
        feed.logo = logo
        feed.image = image
        feed.generator = generator
        feed.ttl = ttl
        feed.skipHours = skipHours
        feed.skipDays = skipDays
        feed.docs = docs
        feed.cloud = cloud
        feed.extensions = extensions
        return feed
    }

    /// The public entry, made from the record's own storage (the record is used up).
    consuming func makeEntry() -> FeedEntry {
        var entry = FeedEntry()
        entry.id = id
        entry.title = title
        entry.subtitle = subtitle
        entry.link = link
        entry.links = links
        entry.published = published
        entry.updated = updated
        entry.authors = Self.nonEmpty(authors)
        entry.contributors = Self.nonEmpty(contributors)
        entry.publisher = publisher
        entry.categories = categories
        entry.summary = summary
        entry.content = content
        entry.enclosures = enclosures
        entry.comments = comments
        entry.source = source
        entry.rights = rights
        entry.language = language
        entry.media = media
        entry.location = location
        entry.extensions = extensions
        return entry
    }

    /// The people that have a name, an e-mail or a URI (the list itself when all have).
    static func nonEmpty(_ people: [FeedPerson]) -> [FeedPerson] {
        people.contains(where: \.isEmpty) ? people.filter { !$0.isEmpty } : people
    }

    var feedImage: FeedImage {
        var image = FeedImage()
        image.url = href
        image.title = title?.value
        image.link = link
        image.width = width
        image.height = height
        image.description = descriptionText ?? subtitle?.value
        return image
    }
}
