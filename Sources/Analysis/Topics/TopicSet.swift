public import Foundation

/// An ordered set of topic definitions: the built-in IPTC-aligned set, possibly changed by a
/// configuration. Earlier topics win ties.
public struct TopicSet: Sendable, Hashable {
    /// The definitions, in order; ids are unique.
    public let definitions: [TopicDefinition]

    /// Creates a set from definitions; a later definition with an id already seen replaces it.
    public init(_ definitions: [TopicDefinition]) {
        var result: [TopicDefinition] = []
        var positions: [String: Int] = [:]
        for definition in definitions {
            if let position = positions[definition.id] {
                result[position] = definition
            } else {
                positions[definition.id] = result.count
                result.append(definition)
            }
        }
        self.definitions = result
    }

    /// The built-in set with `overrides` applied: a definition whose id is built in replaces
    /// that topic; any other is added.
    public init(merging overrides: [TopicDefinition]) {
        self = TopicSet.builtIn.merging(overrides)
    }

    /// This set with `overrides` applied: same id replaces, a new id is added at the end.
    public func merging(_ overrides: [TopicDefinition]) -> TopicSet {
        TopicSet(definitions + overrides)
    }

    /// This set with the keywords of `additions` appended to the topics of the same id (the
    /// name and code are kept); additions with a new id are added as topics.
    public func extending(_ additions: [TopicDefinition]) -> TopicSet {
        var result = definitions
        for addition in additions {
            if let index = result.firstIndex(where: { $0.id == addition.id }) {
                result[index].keywords += addition.keywords
            } else {
                result.append(addition)
            }
        }
        return TopicSet(result)
    }

    /// The definition with `id`, if any.
    public subscript(id: String) -> TopicDefinition? {
        definitions.first { $0.id == id }
    }

    /// Decodes a JSON array of topic definitions (the format of `Resources/topics.json`).
    public static func definitions(fromJSON data: Data) throws -> [TopicDefinition] {
        try JSONDecoder().decode([TopicDefinition].self, from: data)
    }

    /// The built-in topics (`Resources/topics.json`).
    public static let builtIn: TopicSet = {
        guard let data = ResourceText.data(named: "topics", extension: "json"),
            let definitions = try? definitions(fromJSON: data)
        else { return TopicSet([]) }
        return TopicSet(definitions)
    }()
}
