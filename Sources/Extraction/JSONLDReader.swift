import Foundation
import LibXML

/// The article facts a page states in its JSON-LD (`<script type="application/ld+json">`).
struct JSONLDArticle: Sendable, Equatable {
    /// Whether the facts come from an article-like type (NewsArticle, BlogPosting…) rather than a WebPage.
    var isArticle = false
    var headline: String?
    var authors: [String] = []
    /// Organizations credited as authors (a newsroom, a company), kept apart from people.
    var organizationAuthors: [String] = []
    var datePublished: String?
    var dateModified: String?
    var articleBody: String?
    var image: String?
    var publisher: String?
    var language: String?
    var url: String?
    var description: String?
}

/// Reads JSON-LD blocks: objects, arrays and `@graph`s, picking the article object (NewsArticle,
/// Article, BlogPosting, ReportageNewsArticle…) and falling back to a WebPage for dates.
enum JSONLDReader {
    /// The article facts of all the page's JSON-LD scripts (nil when none says anything useful).
    static func read(_ scripts: [String]) -> JSONLDArticle? {
        var article: [String: Any]?
        var page: [String: Any]?
        var siteName: String?
        var people: [String: String] = [:]
        for script in scripts {
            guard let root = parse(script) else { continue }
            var stack: [Any] = [root]
            var visited = 0
            while let item = stack.popLast(), visited < 5_000 {
                visited += 1
                if let array = item as? [Any] {
                    stack.append(contentsOf: array.reversed())
                    continue
                }
                guard let object = item as? [String: Any] else { continue }
                if let graph = object["@graph"] { stack.append(graph) }
                if let main = object["mainEntity"] as? [String: Any] { stack.append(main) }
                let types = typeNames(object["@type"])
                if types.contains(where: isArticleType) {
                    if article == nil || (article?["articleBody"] == nil && object["articleBody"] != nil && article?["headline"] == nil) {
                        article = object
                    }
                } else if types.contains(where: { $0.hasSuffix("webpage") }) {
                    if page == nil { page = object }
                } else if types.contains("website") || types.contains("organization") || types.contains("newsmediaorganization") {
                    if siteName == nil, types.contains("website") { siteName = string(object["name"]) }
                } else if types.contains("person"), let id = object["@id"] as? String, let name = string(object["name"]) {
                    people[id] = name
                }
            }
        }
        guard let chosen = article ?? page else { return nil }
        var result = JSONLDArticle()
        result.isArticle = article != nil
        result.headline = string(chosen["headline"]) ?? string(chosen["name"])
        (result.authors, result.organizationAuthors) = authorNames(chosen["author"] ?? chosen["creator"], people: people)
        result.datePublished = string(chosen["datePublished"]) ?? string(chosen["dateCreated"])
        result.dateModified = string(chosen["dateModified"]) ?? string(page?["dateModified"])
        result.articleBody = string(chosen["articleBody"]) ?? string(chosen["text"])
        result.image = imageURL(chosen["image"]) ?? imageURL(chosen["thumbnailUrl"])
        if let publisher = chosen["publisher"] as? [String: Any] { result.publisher = string(publisher["name"]) }
        result.publisher = result.publisher ?? siteName
        result.language = string(chosen["inLanguage"])
        result.url =
            string(chosen["url"]) ?? (chosen["mainEntityOfPage"] as? [String: Any]).flatMap { string($0["@id"]) }
            ?? string(chosen["mainEntityOfPage"])
        result.description = string(chosen["description"])
        if result.authors.isEmpty, let page { result.authors = authorNames(page["author"], people: people).people }
        return result
    }

    /// Whether a lower-cased schema.org type names an article.
    static func isArticleType(_ type: String) -> Bool {
        type.hasSuffix("article") || type.hasSuffix("posting") || type == "report" || type == "review" || type == "newsarticle"
    }

    /// Parses one script's JSON, tolerating comment and CDATA wrappers and raw newlines.
    static func parse(_ script: String) -> Any? {
        var text = script.trimmingSpaces()
        for wrapper in ["<!--", "//<![CDATA[", "<![CDATA["] where text.hasPrefix(wrapper) { text.removeFirst(wrapper.count) }
        for wrapper in ["-->", "//]]>", "]]>"] where text.hasSuffix(wrapper) { text.removeLast(wrapper.count) }
        // Line breaks and tabs inside strings are a common slip; they become spaces (bytes that
        // never occur inside a longer UTF-8 sequence).
        var bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { bytes[index] = 0x20 }
        if let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) { return value }
        // Trailing commas are a common slip.
        let cleaned = String(decoding: bytes, as: UTF8.self)
        let fixed = cleaned.replacingOccurrences(of: ",\\s*([}\\]])", with: "$1", options: .regularExpression)
        return fixed.data(using: .utf8).flatMap { try? JSONSerialization.jsonObject(with: $0) }
    }

    /// `@type` as lower-cased names.
    private static func typeNames(_ value: Any?) -> [String] {
        if let name = value as? String { return [name.lowercased()] }
        if let names = value as? [Any] { return names.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    /// A non-empty string value (first of an array), whitespace collapsed.
    static func string(_ value: Any?) -> String? {
        if let text = value as? String {
            let collapsed = TextBuilder.collapse(HTMLReferences.decode(text))
            return collapsed.isEmpty ? nil : collapsed
        }
        if let array = value as? [Any] { return array.lazy.compactMap { string($0) }.first }
        if let object = value as? [String: Any], let text = object["@value"] { return string(text) }
        return nil
    }

    /// Names of an author value (a string, an object, or an array of them): people, and
    /// organizations apart.
    private static func authorNames(_ value: Any?, people: [String: String]) -> (people: [String], organizations: [String]) {
        var names: [String] = []
        var organizations: [String] = []
        var stack: [Any] = value.map { [$0] } ?? []
        while let item = stack.popLast() {
            if let array = item as? [Any] {
                stack.append(contentsOf: array.reversed())
            } else if let text = item as? String {
                names.append(HTMLReferences.decode(text))
            } else if let object = item as? [String: Any] {
                let types = typeNames(object["@type"])
                if types.contains("organization") || types.contains("newsmediaorganization") {
                    if let name = string(object["name"]) { organizations.append(name) }
                    continue
                }
                if let name = string(object["name"]) {
                    names.append(name)
                } else if let id = object["@id"] as? String, let name = people[id] {
                    names.append(name)
                }
            }
        }
        return (names, organizations)
    }

    /// An image URL from a string, an ImageObject, or an array of them.
    private static func imageURL(_ value: Any?) -> String? {
        if let text = value as? String { return text.isEmpty ? nil : HTMLReferences.decode(text) }
        if let array = value as? [Any] { return array.lazy.compactMap { imageURL($0) }.first }
        if let object = value as? [String: Any] { return string(object["url"]) ?? string(object["contentUrl"]) }
        return nil
    }
}
