/// A topic assigned to a text, with a confidence from 0 to 1.
public struct TopicScore: Sendable, Hashable, Codable {
    /// The topic id.
    public let id: String
    /// The topic name.
    public let name: String
    /// The confidence, from 0 (no evidence) to 1 (strong evidence, the leading topic).
    public let score: Double

    /// Creates a topic score.
    public init(id: String, name: String, score: Double) {
        self.id = id
        self.name = name
        self.score = score
    }
}
