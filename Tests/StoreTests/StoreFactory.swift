import Foundation
import Store
import Testing

/// Both implementations of `ArticleStore`, so that every behaviour test runs against each.
enum StoreFactory: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case memory

    /// A store under test and what keeps it alive.
    struct Subject {
        var store: any ArticleStore
        var folder: TemporaryFolder?
    }

    /// An empty store of this kind (an SQLite file in a folder that does not exist yet).
    func make() throws -> Subject {
        switch self {
        case .sqlite:
            let folder = try TemporaryFolder()
            return Subject(store: try SQLiteStore(path: folder.path("nested/data/tributary.sqlite")), folder: folder)
        case .memory:
            return Subject(store: InMemoryStore(), folder: nil)
        }
    }

    var testDescription: String { rawValue }
}
