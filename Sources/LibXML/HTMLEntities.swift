/// Lookup of HTML named character references (`&nbsp;`, `&hellip;`, `&NotEqualTilde;` …).
///
/// The table covers every name of the WHATWG HTML list (2,125 names); a few of them
/// expand to two scalars. Lookups are case-sensitive, as in HTML.
public enum HTMLEntities {
    /// Returns the Unicode scalars that the named reference `name` stands for, or `nil`
    /// when the name is unknown. A trailing `;` and a leading `&` are accepted and ignored,
    /// so `"nbsp"`, `"nbsp;"` and `"&nbsp;"` all give `[U+00A0]`.
    public static func scalar(named name: String) -> [Unicode.Scalar]? {
        var key = Substring(name)
        if key.hasPrefix("&") { key = key.dropFirst() }
        if key.hasSuffix(";") { key = key.dropLast() }
        guard let value = table[String(key)] else { return nil }
        return Array(value.unicodeScalars)
    }

    /// Returns the replacement text of the named reference `name` (see ``scalar(named:)``).
    public static func string(named name: String) -> String? {
        guard let scalars = scalar(named: name) else { return nil }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// Whether `name` (without `&` and `;`) is one of the 252 entities of HTML 4.01.
    ///
    /// feedparser keeps only these (and `apos`) as references in sanitized output and
    /// uses the same list to guess whether text is HTML.
    public static func isHTML4Name(_ name: String) -> Bool {
        html4Names.contains(name)
    }

    /// Whether browsers accept `name` without a trailing semicolon (`&amp`, `&copy` …).
    public static func isLegacyNameWithoutSemicolon(_ name: String) -> Bool {
        legacyNamesWithoutSemicolon.contains(name)
    }
}
