import Extraction
import Foundation

/// What a URL turns out to be when someone adds it as a source.
public enum SourceDiscovery: Sendable, Equatable {
    /// A feed.
    case feed
    /// A web page, with the feeds it links to (`<link rel="alternate">`) and whether it lists articles.
    case page(feeds: [String], isIndex: Bool)
    /// It could not be fetched.
    case unreachable(String)

    /// Fetches `url` once and looks at what it is.
    public static func discover(_ url: String, fetcher: any Fetching) async -> SourceDiscovery {
        do {
            let response = try await fetcher.fetch(FetchRequest(url: url, kind: .feed))
            if SourceReader.looksLikeFeed(response.body, contentType: response.contentType) { return .feed }
            let page = ArticleExtractor.extract(response.body, url: response.finalURL.absoluteString, contentType: response.contentType)
            return .page(feeds: page.feeds, isIndex: page.pageType == .index)
        } catch {
            return .unreachable(error.description)
        }
    }
}
