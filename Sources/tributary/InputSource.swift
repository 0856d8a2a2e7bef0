import Foundation

/// Reads the inputs named on the command line: a file path, or `-` for standard input.
enum InputSource {
    /// An input that could not be read, with the reason in one line.
    struct Unreadable: Error, CustomStringConvertible {
        let input: String
        let reason: String
        var description: String { "\(input): \(reason)" }
    }

    static func read(_ input: String) throws(Unreadable) -> [UInt8] {
        if input == "-" {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        if input.hasPrefix("http://") || input.hasPrefix("https://") {
            throw Unreadable(input: input, reason: "URL inputs are not supported by this command yet; download the document and pass the file")
        }
        let path = input.hasPrefix("file://") ? String(input.dropFirst("file://".count)) : input
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Unreadable(input: input, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw Unreadable(input: input, reason: "is a directory, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Unreadable(input: input, reason: "cannot be read (permission denied?)")
        }
        return Array(data)
    }
}

/// Buffered writing to standard output and one-line messages to standard error.
enum Console {
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("tributary: " + message + "\n").utf8))
    }
}
