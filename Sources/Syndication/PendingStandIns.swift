// TEMPORARY until the sanitizer lands.
enum HTMLSanitizer { static func sanitize(_ s: String) -> String { s } }
enum HTMLHeuristics { static func looksLikeHTML(_ s: String) -> Bool { s.contains("</") } }
enum HTMLURIResolver {
    static func resolve(_ html: String, base: String) -> String { html }
    static func resolve(_ reference: String, against base: String?) -> String { reference }
}
