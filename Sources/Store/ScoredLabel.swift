/// A label with a score: a topic or a region.
public struct ScoredLabel: Sendable, Equatable, Codable {
    /// Stable slug, e.g. `diplomacy`, `caribbean` or `cu`.
    public var id: String
    /// Display name, e.g. `Diplomacy`.
    public var name: String
    /// Confidence, higher is stronger.
    public var score: Double

    /// Creates a label.
    public init(id: String, name: String, score: Double) {
        self.id = id
        self.name = name
        self.score = score
    }
}
