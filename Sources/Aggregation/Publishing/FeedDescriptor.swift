public import Store

/// One feed of the output folder: what it shows, where it goes, what it is called.
public struct FeedDescriptor: Sendable, Equatable {
    /// The kind of feed.
    public enum Kind: String, Sendable, Equatable {
        case all, topic, region
    }

    /// The kind.
    public var kind: Kind
    /// The topic or region id (`all` for the combined feed).
    public var id: String
    /// The name people read ("Diplomacy", "Caribbean").
    public var name: String

    /// Creates a descriptor.
    public init(kind: Kind, id: String, name: String) {
        self.kind = kind
        self.id = id
        self.name = name
    }

    /// The store's filter for it.
    public var filter: StoryFilter {
        switch kind {
        case .all: return .all
        case .topic: return .topic(id)
        case .region: return .region(id)
        }
    }

    /// Its path in the output folder.
    public var path: String {
        switch kind {
        case .all: return "all.atom"
        case .topic: return "topics/\(id).atom"
        case .region: return "regions/\(id).atom"
        }
    }

    /// The path of its JSON Feed twin.
    public var jsonPath: String { String(path.dropLast(".atom".count)) + ".json" }
}
