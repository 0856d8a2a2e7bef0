/// Text written into HTML or XML markup: the characters markup gives a meaning escaped as
/// references, byte for byte (they are ASCII, which no byte of another character's UTF-8 is).
public enum MarkupEscaping {
    /// Appends `text` with `&`, `<` and `>` escaped as references, and `"` too when `quotes`
    /// (for an attribute value).
    @inlinable
    public static func append(_ text: some Sequence<UInt8>, quotes: Bool, to bytes: inout [UInt8]) {
        for byte in text {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where quotes: bytes.append(contentsOf: "&quot;".utf8)
            default: bytes.append(byte)
            }
        }
    }
}
