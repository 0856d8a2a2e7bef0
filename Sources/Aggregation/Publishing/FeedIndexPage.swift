import Foundation
import Syndication

/// The output folder's `index.html` (every feed with its latest headlines and a subscribe
/// link) and `feeds.opml` (the same feeds as a subscription list).
enum FeedIndexPage {
    static func opml(_ feeds: [PublishedFeed], configuration: Configuration) throws -> [UInt8] {
        let base = configuration.baseURL.hasSuffix("/") ? configuration.baseURL : configuration.baseURL + "/"
        let outlines = feeds.map { feed in
            OPMLDocument.Outline(
                title: feed.descriptor.kind == .all ? configuration.title : "\(configuration.title): \(feed.descriptor.name)",
                feedURL: base + feed.descriptor.path, pageURL: base,
                folders: [folder(feed.descriptor.kind)])
        }
        do {
            return try OPMLDocument(title: configuration.title, outlines: outlines).serialized()
        } catch {
            throw AggregationError(message: "feeds.opml: \(error)")
        }
    }

    private static func folder(_ kind: FeedDescriptor.Kind) -> String {
        switch kind {
        case .all: return "All"
        case .topic: return "Topics"
        case .region: return "Regions"
        }
    }

    static func html(_ feeds: [PublishedFeed], configuration: Configuration) -> [UInt8] {
        let escape = FeedDocumentBuilder.escape
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(configuration.title))</title>
            <link rel="alternate" type="application/atom+xml" title="\(escape(configuration.title))" href="all.atom">
            <style>
            :root { --ink: #1d2330; --muted: #5b6577; --line: #e3e7ee; --accent: #0b6bcb; --card: #ffffff; --page: #f5f7fa; }
            @media (prefers-color-scheme: dark) {
              :root { --ink: #e8ecf3; --muted: #9aa6b8; --line: #2c3444; --accent: #6cb4ff; --card: #171c26; --page: #0f131a; }
            }
            * { box-sizing: border-box; }
            body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--page); }
            header { padding: 2.5rem 1.25rem 1.5rem; max-width: 72rem; margin: 0 auto; }
            header h1 { margin: 0 0 .25rem; font-size: 2rem; letter-spacing: -.01em; }
            header p { margin: 0; color: var(--muted); }
            main { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem 3rem; }
            h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin: 2rem 0 .75rem; }
            .grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); }
            .feed { background: var(--card); border: 1px solid var(--line); border-radius: .75rem; padding: 1rem 1.1rem; display: flex; flex-direction: column; }
            .feed h3 { margin: 0 0 .5rem; font-size: 1.1rem; }
            .feed ul { margin: 0 0 .75rem; padding-left: 1.1rem; color: var(--ink); font-size: .92rem; flex: 1; }
            .feed li { margin: .2rem 0; }
            .feed li a { color: inherit; text-decoration: none; }
            .feed li a:hover { color: var(--accent); text-decoration: underline; }
            .feed.wide { grid-column: 1 / -1; }
            .feed.wide ul { columns: 2 20rem; column-gap: 2.5rem; }
            .feed.wide li { break-inside: avoid; }
            .count { color: var(--muted); font-size: .75rem; font-weight: normal; white-space: nowrap; }
            .links { display: flex; gap: .5rem; flex-wrap: wrap; }
            .links a { font-size: .8rem; text-decoration: none; color: var(--accent); border: 1px solid var(--line); border-radius: 999px; padding: .15rem .6rem; }
            .links a:hover { border-color: var(--accent); }
            .updated { color: var(--muted); font-size: .8rem; margin-bottom: .5rem; }
            footer { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem 2rem; color: var(--muted); font-size: .85rem; }
            </style>
            </head>
            <body>
            <header>
            <h1>\(escape(configuration.title))</h1>
            <p>\(escape(configuration.subtitle ?? "News from many sources, merged into stories, by topic and by region."))</p>
            </header>
            <main>

            """
        for kind in [FeedDescriptor.Kind.all, .topic, .region] {
            let group = feeds.filter { $0.descriptor.kind == kind }
            guard !group.isEmpty else { continue }
            html += "<h2>\(kind == .all ? "Everything" : kind == .topic ? "Topics" : "Regions")</h2>\n<div class=\"grid\">\n"
            for feed in group {
                let wide = feed.descriptor.kind == .all ? " wide" : ""
                html +=
                    "<section class=\"feed\(wide)\">\n<h3>\(escape(feed.descriptor.name)) <span class=\"count\">\(feed.stories) \(feed.stories == 1 ? "story" : "stories")</span></h3>\n"
                if let updated = feed.updated {
                    html +=
                        "<div class=\"updated\">Updated \(AtomWriter.timestamp(updated).replacingOccurrences(of: "T", with: " ").dropLast()) UTC</div>\n"
                }
                html += "<ul>\n"
                for headline in feed.headlines {
                    let title = headline.url.map { "<a href=\"\(escape($0))\">\(escape(headline.title))</a>" } ?? escape(headline.title)
                    let count = headline.sources > 1 ? " <span class=\"count\">\(headline.sources) sources</span>" : ""
                    html += "<li>\(title)\(count)</li>\n"
                }
                html += "</ul>\n<div class=\"links\">"
                html += "<a href=\"\(escape(feed.descriptor.path))\" type=\"application/atom+xml\">Atom</a>"
                if configuration.publish.json {
                    html += "<a href=\"\(escape(feed.descriptor.jsonPath))\" type=\"application/feed+json\">JSON Feed</a>"
                }
                html += "</div>\n</section>\n"
            }
            html += "</div>\n"
        }
        html += """
            </main>
            <footer>Subscribe to any feed in your reader, or import <a href="feeds.opml">feeds.opml</a> for all of them. Made by Tributary \(TributaryVersion.current).</footer>
            </body>
            </html>

            """
        return Array(html.utf8)
    }
}
