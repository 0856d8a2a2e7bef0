/// Substring search over UTF-8 bytes. Foundation's `String.contains` and `range(of:)` go through
/// `NSString` on Linux for every call; these read the bytes in place. Shared by the feed parser
/// (namespace URIs) and the article extractor (class names, URLs, scripts).
public enum ByteSearch {
    /// Whether `needle` occurs in `haystack`.
    @inlinable
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { haystack in needle.withUnsafeBufferPointer { contains(haystack, $0) } }
    }

    /// Whether `needle` occurs in `haystack`.
    @inlinable
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        needle.isEmpty || index(of: needle, in: haystack) != nil
    }

    /// Where `needle` first (or, `backwards`, last) occurs in `haystack`; nil when it does not
    /// or is empty.
    @inlinable
    public static func index(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, backwards: Bool = false) -> Int? {
        let count = needle.count
        guard count > 0, haystack.count >= count else { return nil }
        let first = needle[0]
        let last = haystack.count - count
        func matches(at index: Int) -> Bool {
            var offset = 1
            while offset < count && haystack[index + offset] == needle[offset] { offset += 1 }
            return offset == count
        }
        if backwards {
            var index = last
            while index >= 0 {
                if haystack[index] == first && matches(at: index) { return index }
                index -= 1
            }
            return nil
        }
        // Forwards, the next place the first byte stands is found eight bytes a step.
        var index = ByteScan.index(of: first, in: haystack, from: 0)
        while index <= last {
            if matches(at: index) { return index }
            index = ByteScan.index(of: first, in: haystack, from: index + 1)
        }
        return nil
    }

    /// Whether `needle` occurs in `text`.
    @inlinable
    public static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in needle.withUTF8 { contains(haystack, $0) } }
    }

    /// Where `needle` first (or, `backwards`, last) occurs in `text`, byte for byte. Both ends of
    /// a match fall between Unicode scalars, since `needle` is whole UTF-8.
    @inlinable
    public static func range(of needle: String, in text: String, backwards: Bool = false) -> Range<String.Index>? {
        var text = text
        var needle = needle
        let found = text.withUTF8 { haystack in needle.withUTF8 { index(of: $0, in: haystack, backwards: backwards) } }
        guard let found else { return nil }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: found)
        return lower..<text.utf8.index(lower, offsetBy: needle.utf8.count)
    }
}
