import Syndication

/// A large feed parsed in two parts side by side (`FeedParser.parseInParts`): each part's
/// thread finishes its entries and writes them as JSON into a writer of its own; the parts'
/// JSON is then written in order. Nothing is written when the feed is not cut.
enum PartWriters {
    /// One part's writer and count, touched only by the part's thread until both are done.
    private final class Part: @unchecked Sendable {
        var writer: JSONWriter
        var entries = 0

        init(_ writer: JSONWriter) {
            self.writer = writer
        }
    }

    /// The entries' JSON, in document order, to follow what `json` has written (its entries
    /// array open, no entry yet), and the document's result; nil when the feed is not cut.
    static func parse(_ bytes: [UInt8], baseURL: String?, contentType: String?, json: JSONWriter) -> (pieces: [[UInt8]], result: ParsedFeed)? {
        var open = json
        _ = open.takeBytes()
        let parts = [Part(open), Part(open)]
        let result = FeedParser.parseInParts(bytes, baseURL: baseURL, contentType: contentType) { part, entry in
            parts[part].writer.entry(entry.finished())
            parts[part].entries += 1
        }
        guard let result else { return nil }
        var pieces = [parts[0].writer.takeBytes()]
        if parts[0].entries > 0 && parts[1].entries > 0 { pieces.append([UInt8(ascii: ",")]) }
        pieces.append(parts[1].writer.takeBytes())
        return (pieces, result)
    }
}
