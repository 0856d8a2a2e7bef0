import Aggregation
import Foundation
import Store

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_795_000_000)) {
        current = start
    }

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(_ seconds: Double) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }
}

/// Builds feeds, pages and configurations for pipeline tests.
enum PipelineFixtures {
    struct Item {
        var id: String
        var title: String
        var link: String
        var paragraphs: [String]
        var date = "Mon, 23 Nov 2026 10:00:00 GMT"
    }

    static func rss(title: String, items: [Item]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
            <title>\(title)</title><link>https://example.org/</link><description>Test feed</description>

            """
        for item in items {
            let html = item.paragraphs.map { "<p>\($0)</p>" }.joined()
            xml += """
                <item><guid isPermaLink="false">\(item.id)</guid><title>\(item.title)</title><link>\(item.link)</link>
                <pubDate>\(item.date)</pubDate><content:encoded><![CDATA[\(html)]]></content:encoded></item>

                """
        }
        return xml + "</channel></rss>\n"
    }

    static let quake = Item(
        id: "quake-1", title: "Strong earthquake shakes southern Peru near Arequipa", link: "https://a.example/news/peru-earthquake-arequipa",
        paragraphs: [
            "A magnitude 6.8 earthquake struck southern Peru on Monday near the city of Arequipa, damaging homes and cutting power to thousands of people, officials said.",
            "The quake hit at a depth of 35 kilometres, according to Peru's geophysical institute, and was felt as far away as Lima and the Chilean border.",
            "Rescue teams were searching collapsed buildings in two villages in the Andes, and the government declared a state of emergency in the Arequipa region.",
        ])
    static let rates = Item(
        id: "rates-1", title: "Bank of Korea cuts interest rate to support slowing economy", link: "https://a.example/news/bank-of-korea-rate-cut",
        paragraphs: [
            "South Korea's central bank cut its benchmark interest rate by a quarter point to 2.5 percent on Thursday, citing weak exports and slowing growth.",
            "The Bank of Korea said inflation had eased enough to allow the cut, and the governor said further reductions would depend on the economy in Seoul's main trading partners.",
            "Analysts in Seoul had expected the decision after exports to China fell for a third month.",
        ])
    static let football = Item(
        id: "match-1", title: "Brazil beat Argentina in World Cup qualifier in Rio de Janeiro",
        link: "https://a.example/sport/brazil-argentina-qualifier",
        paragraphs: [
            "Brazil beat Argentina 2-1 in a World Cup qualifying match at the Maracana stadium in Rio de Janeiro on Tuesday night.",
            "The striker scored twice in the second half before Argentina pulled a goal back in stoppage time, and the coach praised the team's defence.",
            "The win moves Brazil to second place in the South American qualifying table with four matches left.",
        ])
    /// The earthquake told by another outlet in its own words.
    static let quakeRewritten = Item(
        id: "b-77", title: "Peru earthquake near Arequipa damages homes, cuts power", link: "https://b.example/world/peru-quake-arequipa-homes",
        paragraphs: [
            "An earthquake of magnitude 6.8 hit southern Peru near Arequipa on Monday, damaging houses and leaving thousands without electricity, authorities said.",
            "Peru's geophysical institute put the depth at 35 kilometres; the tremor was felt in Lima and near the border with Chile.",
            "The government declared a state of emergency in the Arequipa region as rescuers searched collapsed buildings in Andean villages.",
        ])

    static func configuration(sources: [SourceSettings], output: URL = URL(fileURLWithPath: "/tmp/tributary-test-feeds")) -> Configuration {
        var configuration = Configuration()
        configuration.title = "Test desk"
        configuration.baseURL = "https://news.example.org/"
        configuration.output = output.path
        configuration.sources = sources
        configuration.fetch.perHostDelay = ConfigDuration(seconds: 0)
        configuration.publish.json = true
        configuration.retention.days = nil
        return configuration
    }
}
