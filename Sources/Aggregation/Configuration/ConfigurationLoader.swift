import Foundation
import Yams

/// Reads and checks a configuration file, turning every problem into a ``ConfigurationError``
/// that names the file, line and key.
public enum ConfigurationLoader {
    /// The default location, relative to the working directory.
    public static let defaultPath = "Config/tributary.yaml"

    /// Reads the file at `path`.
    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
            throw ConfigurationError(file: path, message: "\(reason) (give another with --config PATH)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, message: "not UTF-8 text")
        }
        var configuration = try parse(text, file: path)
        configuration.directory = url.deletingLastPathComponent().standardizedFileURL
        return configuration
    }

    /// Parses configuration text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> Configuration {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { return Configuration() }
            root = node
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw ConfigurationError(file: file, message: "not YAML: \(error)")
        }
        guard root.mapping != nil else {
            throw ConfigurationError(
                file: file, line: root.mark?.line, column: root.mark?.column, message: "expected a mapping of keys (title:, sources:, …) at the top")
        }
        let configuration: Configuration
        do {
            // The lean decoder decides a configuration that is right; Yams' decoder, slower,
            // explains one that is not.
            configuration = try (try? Configuration(from: NodeDecoder(node: root))) ?? YAMLDecoder().decode(Configuration.self, from: root)
        } catch let error as DecodingError {
            throw decodingError(error, root: root, file: file)
        } catch {
            throw ConfigurationError(file: file, message: "\(error)")
        }
        try ConfigurationCheck(configuration: configuration, root: root, file: file).run()
        return configuration
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ConfigurationError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ConfigurationError(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(problem)")
        default:
            return ConfigurationError(file: file, message: "YAML syntax: \(error)")
        }
    }

    private static func decodingError(_ error: DecodingError, root: Node, file: String) -> ConfigurationError {
        let path: [any CodingKey]
        let message: String
        switch error {
        case .typeMismatch(let type, let context):
            path = context.codingPath
            message = "expected \(describe(type))"
        case .valueNotFound(let type, let context):
            path = context.codingPath
            message = "expected \(describe(type)), found nothing"
        case .keyNotFound(let key, let context):
            path = context.codingPath
            message = "the required key '\(key.stringValue)' is missing"
        case .dataCorrupted(let context):
            path = context.codingPath
            message = context.debugDescription
        @unknown default:
            path = []
            message = "\(error)"
        }
        let node = ConfigurationCheck.node(at: path.map(\.pathElement), in: root)
        return ConfigurationError(
            file: file, line: node?.mark?.line, column: node?.mark?.column,
            key: path.isEmpty ? nil : ConfigurationCheck.keyPath(path.map(\.pathElement)), message: message)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [String].Type: return "a list of text values"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") || name.contains("Settings") || name.contains("Configuration") { return "a mapping of keys" }
            return "a value of type \(name)"
        }
    }
}

/// One step of a key path: a mapping key or a list index.
enum ConfigPathElement: Equatable {
    case key(String)
    case index(Int)
}

extension CodingKey {
    var pathElement: ConfigPathElement {
        if let index = intValue, stringValue.hasPrefix("Index ") || stringValue == "\(index)" { return .index(index) }
        return .key(stringValue)
    }
}
