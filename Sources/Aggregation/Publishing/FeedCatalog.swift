import Analysis
import Foundation
import Store

/// Which feeds a publication has: every topic and region the configuration selects that has
/// at least one story, in a fixed order (all, topics by name, regions by level then name).
struct FeedCatalog: Sendable {
    var descriptors: [FeedDescriptor]
    /// Stories updated before this are left out.
    var since: Date?

    static func make(configuration: Configuration, store: any ArticleStore) async throws -> FeedCatalog {
        let publish = configuration.publish
        let labels = try await store.storyLabels()
        let latest = try await store.stories(.all, since: nil, limit: 1).first?.updated
        let since = latest.map { $0.addingTimeInterval(-publish.window.seconds) }
        var descriptors: [FeedDescriptor] = []
        if publish.all { descriptors.append(FeedDescriptor(kind: .all, id: "all", name: "All stories")) }
        let topicSet = configuration.topics.topicSet
        let topics = labels.topics.keys.filter { publish.topics.includes($0) }
            .map { FeedDescriptor(kind: .topic, id: $0, name: topicSet[$0]?.name ?? $0) }
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        let gazetteer = Gazetteer.bundled
        let regions = labels.regions.keys.filter { publish.regions.includes($0) }
            .map { id -> (Int, FeedDescriptor) in
                if let region = gazetteer.regions[id] {
                    return (levelOrder(region.level), FeedDescriptor(kind: .region, id: id, name: region.name))
                }
                let country = gazetteer.countries[id.uppercased()]
                return (4, FeedDescriptor(kind: .region, id: id, name: country?.name ?? id))
            }
            .sorted { ($0.0, $0.1.name, $0.1.id) < ($1.0, $1.1.name, $1.1.id) }
            .map(\.1)
        descriptors += topics + regions
        return FeedCatalog(descriptors: descriptors, since: since)
    }

    private static func levelOrder(_ level: String) -> Int {
        switch level {
        case "region": return 1
        case "subregion", "sub-region": return 2
        case "intermediate", "intermediate-region": return 3
        default: return 3
        }
    }
}
