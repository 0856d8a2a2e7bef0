/// Checks the HTTP `Content-Type` a feed was served with against its format.
enum ContentTypeCheck {
    static func check(_ contentType: String, format: FeedFormat, run: ValidationRun) {
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmed.lowercased() } ?? ""
        let expected: Set<String>
        switch format {
        case .atom10, .atom03: expected = ["application/atom+xml"]
        case .rss20, .rss091, .rss092: expected = ["application/rss+xml"]
        case .rss10, .rss090: expected = ["application/rdf+xml", "application/rss+xml"]
        case .unknown: return
        }
        if expected.contains(mediaType) { return }
        if mediaType == "application/xml" || mediaType == "text/xml" {
            if mediaType == "text/xml" && !contentType.lowercased().contains("charset") {
                run.report(
                    "EncodingMismatch", "text/xml without a charset means US-ASCII to strict readers; say charset=utf-8", line: 0, column: 0,
                    element: "", parent: "")
            }
            run.report(
                "NonSpecificMediaType", "served as \(mediaType); \(expected.sorted().first!) says what it is", line: 0, column: 0, element: "",
                parent: "")
            return
        }
        run.report(
            "UnexpectedContentType",
            "served as \(mediaType.isEmpty ? "no media type" : mediaType), which readers will not take for a feed; use \(expected.sorted().first!)",
            line: 0, column: 0, element: "", parent: "")
    }
}
