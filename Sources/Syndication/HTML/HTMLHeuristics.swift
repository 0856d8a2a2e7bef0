import LibXML

/// Guesses whether text of unspecified type is HTML (feedparser's `lookslikehtml`).
public enum HTMLHeuristics {
    /// True when `s` contains a closing tag `</x>` or a reference (`&name;`, `&#123;`),
    /// every tag name in it (`<x` or `</x`) is an allow-listed HTML element, and every
    /// named reference `&name;` is an HTML 4 entity. Plain text such as `AT&T`, `a < b`
    /// or `<notatag>` is therefore not HTML.
    public static func looksLikeHTML(_ s: String) -> Bool {
        // Without `<` or `&` there is neither a closing tag nor a reference.
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else { return false }
        let scalars = Array(s.unicodeScalars)
        let n = scalars.count
        var hasCloseTagOrReference = false
        var i = 0
        while i < n {
            let c = scalars[i]
            if c == "<" {
                var p = i + 1
                let closing = p < n && scalars[p] == "/"
                if closing { p += 1 }
                let start = p
                while p < n, Text.isWordScalar(scalars[p]) { p += 1 }
                if p > start {
                    if !HTMLAllowList.elements.contains(string(scalars[start..<p]).lowercased()) { return false }
                    if closing, p < n, scalars[p] == ">" { hasCloseTagOrReference = true }
                }
            } else if c == "&" {
                var p = i + 1
                let numeric = p < n && scalars[p] == "#"
                if numeric { p += 1 }
                let start = p
                while p < n, Text.isWordScalar(scalars[p]) { p += 1 }
                if p > start, p < n, scalars[p] == ";" {
                    hasCloseTagOrReference = true
                    if !numeric, !HTMLEntities.isHTML4Name(string(scalars[start..<p])) { return false }
                }
            }
            i += 1
        }
        return hasCloseTagOrReference
    }

    private static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        Text.string(slice)
    }
}
