/// Turns the parser's position (just past a start tag) into the line and byte column of the
/// tag's `<`, walking forward through the document only once, so locating every element of a
/// large feed costs time linear in its size.
struct SourceLocator {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var line = 1
    private var lineStart = 0
    /// A cursor inside the current line: the character column and its byte offset.
    private var characterColumn = 1
    private var characterOffset = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The position of the `<` that opens the tag ending at the parser's (line, column).
    mutating func tagStart(line wantedLine: Int, column: Int) -> (line: Int, column: Int) {
        guard wantedLine >= line, !bytes.isEmpty else { return (wantedLine, column) }
        while line < wantedLine {
            var index = lineStart
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            guard index < bytes.count else { break }
            lineStart = index + 1
            line += 1
            characterColumn = 1
            characterOffset = lineStart
        }
        if column < characterColumn {
            characterColumn = 1
            characterOffset = lineStart
        }
        // libxml2 counts characters; step over whole UTF-8 sequences.
        while characterColumn < column, characterOffset < bytes.count, bytes[characterOffset] != 0x0A {
            characterOffset += 1
            while characterOffset < bytes.count, bytes[characterOffset] & 0xC0 == 0x80 { characterOffset += 1 }
            characterColumn += 1
        }
        var index = min(characterOffset, bytes.count) - 1
        var crossed = 0
        let limit = max(0, index - 65_536)
        while index >= limit, index >= 0, bytes[index] != UInt8(ascii: "<") {
            if bytes[index] == 0x0A { crossed += 1 }
            index -= 1
        }
        guard index >= 0, bytes[index] == UInt8(ascii: "<") else { return (wantedLine, column) }
        if crossed == 0 { return (line, index - lineStart + 1) }
        var start = index
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        return (line - crossed, index - start + 1)
    }
}
