import Foundation
import Yams

/// Adds and removes sources in a configuration file's text, keeping everything else (comments,
/// order, formatting) as it was: `sources add`, `remove` and `import` edit the file people wrote.
public enum ConfigurationEditor {
    /// The text with `sources` appended to the `sources:` list (created at the end when absent).
    public static func appending(_ sources: [SourceSettings], to text: String) -> String {
        guard !sources.isEmpty else { return text }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let keyIndex = lines.firstIndex { line in
            line.hasPrefix("sources:") && isEmptyValue(line.dropFirst("sources:".count))
        }
        let flowIndex = lines.firstIndex { $0.hasPrefix("sources:") }
        var indent = "  "
        var insertAt: Int
        if let keyIndex {
            lines[keyIndex] = "sources:"
            var end = lines.count
            for index in (keyIndex + 1)..<lines.count {
                let line = lines[index]
                if let first = line.first, !first.isWhitespace, first != "#", first != "-" {
                    end = index
                    break
                }
            }
            if let firstItem = lines[(keyIndex + 1)..<end].first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- ") }) {
                indent = String(firstItem.prefix { $0 == " " })
            }
            insertAt = end
            while insertAt > keyIndex + 1, lines[insertAt - 1].trimmingCharacters(in: .whitespaces).isEmpty { insertAt -= 1 }
        } else if let flowIndex {
            // A flow-style list (`sources: [ ... ]`) is left alone; the new items go in a block list after it.
            lines.insert("# sources added by `tributary sources`:", at: flowIndex + 1)
            insertAt = flowIndex + 2
            indent = "  "
        } else {
            if let last = lines.last, !last.isEmpty { lines.append("") }
            lines.append("sources:")
            insertAt = lines.count
        }
        let rendered = sources.flatMap { render($0, indent: indent) }
        lines.insert(contentsOf: rendered, at: insertAt)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func isEmptyValue(_ rest: Substring) -> Bool {
        let value = rest.trimmingCharacters(in: .whitespaces)
        return value.isEmpty || value == "[]" || value.hasPrefix("#")
    }

    /// The YAML lines of one source, only with the keys that differ from the defaults.
    static func render(_ source: SourceSettings, indent: String) -> [String] {
        let inner = indent + "  "
        var lines = ["\(indent)- id: \(scalar(source.id))", "\(inner)url: \(scalar(source.url))"]
        if source.kind != .auto { lines.append("\(inner)kind: \(source.kind.rawValue)") }
        if let title = source.title { lines.append("\(inner)title: \(scalar(title))") }
        if let interval = source.interval { lines.append("\(inner)interval: \(interval)") }
        if source.fullText { lines.append("\(inner)fullText: true") }
        if !source.topics.isEmpty { lines.append("\(inner)topics: [\(source.topics.map(scalar).joined(separator: ", "))]") }
        if !source.regions.isEmpty { lines.append("\(inner)regions: [\(source.regions.map(scalar).joined(separator: ", "))]") }
        return lines
    }

    /// A YAML scalar, quoted when plain style could change its meaning.
    static func scalar(_ text: String) -> String {
        let special = CharacterSet(charactersIn: ":#{}[],&*!|>'\"%@`")
        let needsQuotes =
            text.isEmpty || text.rangeOfCharacter(from: special) != nil && !(text.hasPrefix("http") && !text.contains(" #") && !text.contains(": "))
            || text.hasPrefix(" ") || text.hasSuffix(" ") || ["true", "false", "null", "yes", "no", "~"].contains(text.lowercased())
            || Double(text) != nil
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The text without the source whose id is `id`; nil when there is none.
    public static func removing(id: String, from text: String, file: String) throws(ConfigurationError) -> String? {
        let configuration = try ConfigurationLoader.parse(text, file: file)
        guard let index = configuration.sources.firstIndex(where: { $0.id == id }) else { return nil }
        guard let root = try? Yams.compose(yaml: text), let sequence = ConfigurationCheck.node(at: [.key("sources")], in: root)?.sequence,
            index < sequence.count, let startLine = sequence[index].mark?.line
        else { return nil }
        var lines = text.components(separatedBy: "\n")
        if sequence[index].mark.map({ lines[$0.line - 1].contains("[") }) ?? false {
            throw ConfigurationError(
                file: file, line: startLine, key: "sources", message: "a flow-style list ([...]) cannot be edited; remove the source by hand")
        }
        var endLine: Int
        if index + 1 < sequence.count, let next = sequence[index + 1].mark?.line {
            endLine = next - 1
        } else {
            endLine = lines.count
            for number in (startLine + 1)...max(startLine + 1, lines.count) where number <= lines.count {
                let line = lines[number - 1]
                if let first = line.first, !first.isWhitespace, first != "#", first != "-" {
                    endLine = number - 1
                    break
                }
            }
            while endLine > startLine, lines[endLine - 1].trimmingCharacters(in: .whitespaces).isEmpty { endLine -= 1 }
        }
        // The item starts at its dash, which is on the line of its first key.
        lines.removeSubrange((startLine - 1)..<endLine)
        return lines.joined(separator: "\n")
    }
}
