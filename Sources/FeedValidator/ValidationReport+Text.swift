/// Compiler-style text output.
extension ValidationReport {
    /// The report as a compiler prints diagnostics: `input:line:column: error: Code: message`,
    /// then the source line and a caret under the column, and a closing count line.
    /// - Parameters:
    ///   - input: the name shown for the document (a path, a URL, or `-`).
    ///   - source: the document's bytes, for quoting source lines.
    public func text(input: String, source: [UInt8]) -> String {
        let lines = SourceLines(source: source, wanted: Set(messages.map(\.line)))
        var output = ""
        for message in messages {
            if message.line > 0 {
                output += "\(input):\(message.line):\(message.column): \(message.severity.rawValue): \(message.code): \(message.message)\n"
            } else {
                output += "\(input): \(message.severity.rawValue): \(message.code): \(message.message)\n"
            }
            if let line = lines.text[message.line] {
                output += line + "\n" + Self.caret(under: line, byteColumn: message.column) + "\n"
            }
        }
        output += "\(input): \(format.rawValue), \(Self.count(errors, "error")), \(Self.count(warnings, "warning"))\n"
        return output
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// Spaces (tabs kept, so it lines up) up to the column, then `^`.
    static func caret(under line: String, byteColumn: Int) -> String {
        var prefix = ""
        var consumed = 0
        for character in line {
            if consumed >= byteColumn - 1 { break }
            prefix.append(character == "\t" ? "\t" : " ")
            consumed += character.utf8.count
        }
        return prefix + "^"
    }
}

/// The text of the requested lines of a document (long lines shortened), found in one pass.
struct SourceLines {
    static let longest = 200
    var text: [Int: String] = [:]

    init(source: [UInt8], wanted: Set<Int>) {
        guard let last = wanted.max(), last > 0 else { return }
        var line = 1
        var start = 0
        var index = 0
        while index <= source.count && line <= last {
            if index == source.count || source[index] == 0x0A {
                if wanted.contains(line) {
                    var end = index
                    if end > start, source[end - 1] == 0x0D { end -= 1 }
                    let slice = source[start..<min(end, start + 4096)]
                    var string = String(decoding: slice, as: UTF8.self)
                    if string.count > Self.longest { string = String(string.prefix(Self.longest)) }
                    text[line] = string
                }
                line += 1
                start = index + 1
            }
            index += 1
        }
    }
}
