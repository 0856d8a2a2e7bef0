import Foundation
import Testing

/// Reads test fixtures from the bundled `Fixtures` folder.
enum FixtureLoader {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return Array(try Data(contentsOf: url))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    /// A page with the given head and body markup.
    static func page(head: String = "", body: String) -> [UInt8] {
        Array("<!DOCTYPE html><html><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>".utf8)
    }

    /// Three paragraphs of ordinary prose, enough to be an article.
    static let prose = """
        <p>The city council approved the new budget on Tuesday evening after a debate that lasted more than six hours, with members split over spending on roads and schools.</p>
        <p>Supporters said the plan would repair dozens of bridges and hire more teachers, while critics warned that the tax increase would hurt small businesses across the region.</p>
        <p>The mayor is expected to sign the budget next week, and the first projects could begin as early as the spring, according to officials familiar with the schedule.</p>
        """
}
