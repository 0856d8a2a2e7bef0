import Foundation

/// Reads the plain-text and JSON data files bundled with the module.
enum ResourceText {
    /// The bytes of a bundled data file, or `nil` when the file is missing.
    static func data(named name: String, extension ext: String) -> Data? {
        guard
            let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: ext)
        else { return nil }
        return try? Data(contentsOf: url)
    }

    /// The meaningful lines of a bundled text file: trimmed, without blank lines and `#` comments.
    static func lines(named name: String, extension ext: String = "txt") -> [String] {
        guard let data = data(named: name, extension: ext) else { return [] }
        return String(decoding: data, as: UTF8.self)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
