/// A Media RSS thumbnail.
public struct MediaThumbnail: Sendable, Hashable {
    /// The image's URL.
    public var url: String
    /// Width in pixels, as written.
    public var width: String?
    /// Height in pixels, as written.
    public var height: String?
    /// Time offset in the media, as written.
    public var time: String?

    /// Creates a thumbnail.
    public init(url: String, width: String? = nil, height: String? = nil, time: String? = nil) {
        self.url = url
        self.width = width
        self.height = height
        self.time = time
    }
}

/// Media RSS information of an entry.
public struct MediaInfo: Sendable, Hashable {
    /// `media:thumbnail` elements.
    public var thumbnails: [MediaThumbnail] = []
    /// `media:content` elements, each as its attributes (url, type, medium, width, height, …).
    public var content: [[String: String]] = []
    /// `media:credit` texts.
    public var credits: [String] = []
    /// `media:player` URL.
    public var player: String?

    /// Creates empty media information.
    public init() {}

    /// True when nothing was found.
    public var isEmpty: Bool { thumbnails.isEmpty && content.isEmpty && credits.isEmpty && player == nil }
}

/// A geographic location (GeoRSS simple or GML, W3C geo), GeoJSON-like; positions are
/// `[latitude, longitude]` as GeoRSS writes them.
public struct GeoLocation: Sendable, Hashable {
    /// `Point`, `LineString`, `Polygon` or `Box`.
    public var type: String
    /// One position for a point; a list of positions for the others.
    public var coordinates: [[Double]]

    /// Creates a location.
    public init(type: String, coordinates: [[Double]]) {
        self.type = type
        self.coordinates = coordinates
    }
}

/// An element of a namespace the parser does not model, kept as a small tree.
public struct ExtensionElement: Sendable, Hashable {
    /// The element's namespace URI (nil when none was declared).
    public var namespaceURI: String?
    /// The prefix as written.
    public var prefix: String?
    /// The local name.
    public var name: String
    /// Attributes by qualified name.
    public var attributes: [String: String]
    /// The element's own text (trimmed).
    public var text: String
    /// Child elements.
    public var children: [ExtensionElement]

    /// Creates an extension element.
    public init(
        namespaceURI: String?, prefix: String?, name: String, attributes: [String: String] = [:], text: String = "", children: [ExtensionElement] = []
    ) {
        self.namespaceURI = namespaceURI
        self.prefix = prefix
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }
}

/// A problem with the document that did not stop parsing.
public struct FeedWarning: Sendable, Hashable, CustomStringConvertible {
    /// A stable identifier such as `NotWellFormed`, `UndefinedEntity`, `CharacterEncodingOverride`.
    public var code: String
    /// What is wrong, in one line.
    public var message: String
    /// 1-based line, if known.
    public var line: Int?
    /// 1-based column, if known.
    public var column: Int?

    /// Creates a warning.
    public init(code: String, message: String, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.column = column
    }

    /// `line:column: code: message`.
    public var description: String {
        if let line { return "\(line):\(column ?? 0): \(code): \(message)" }
        return "\(code): \(message)"
    }
}
