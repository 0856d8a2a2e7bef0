import ArgumentParser
import Foundation
import Syndication

/// Reads the inputs named on the command line: a file path, or `-` for standard input.
enum InputSource {
    /// An input that could not be read, with the reason in one line.
    struct Unreadable: Error, CustomStringConvertible {
        let input: String
        let reason: String
        var description: String { "\(input): \(reason)" }
    }

    /// The input's bytes, or — when it cannot be read — its one-line reason on stderr and exit
    /// status 2, for commands that take a single input.
    static func readOrExit(_ input: String) throws -> [UInt8] {
        do {
            return try read(input)
        } catch {
            Console.error(error.description)
            throw ExitCode(2)
        }
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
        guard let bytes = readFile(path) else {
            throw Unreadable(input: input, reason: "cannot be read (permission denied?)")
        }
        return bytes
    }

    /// The whole file in one buffer, read straight into it (no intermediate `Data` copy, so a
    /// 100 MB feed costs 100 MB).
    private static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count {
                let count = Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 { return false }
                if count == 0 { break }
                filled += count
            }
            return true
        }
        guard complete else { return nil }
        if filled < bytes.count { bytes.removeLast(bytes.count - filled) }
        // A file that grew while we read it (or a pipe-like file): read the rest.
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}

/// Inputs named on the command line and, for thousands of them, in a list file.
struct InputList: ParsableArguments {
    @Argument(help: "Files, or - for standard input.")
    var inputs: [String] = []

    @Option(
        name: .customLong("inputs-from"),
        help: ArgumentHelp("A file listing more inputs, one a line (- for standard input).", valueName: "list"))
    var listFile: String?

    /// Every input in order: the arguments, then the list file's lines.
    func all() throws -> [String] {
        var result = inputs
        if let listFile {
            let bytes = try InputSource.readOrExit(listFile)
            for line in bytes.split(separator: UInt8(ascii: "\n")) {
                let path = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if !path.isEmpty { result.append(path) }
            }
        }
        return result
    }

    func validate() throws {
        if inputs.isEmpty && listFile == nil { throw ValidationError("give at least one input, or --inputs-from a list") }
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

    /// Reports an input that could not be read: one line on stderr and, for JSON output, the
    /// input's line `{"input","error"}` so that JSON Lines stay in input order.
    static func report(_ unreadable: InputSource.Unreadable, jsonLine: Bool) {
        error(unreadable.description)
        guard jsonLine else { return }
        var json = JSONWriter()
        json.beginObject()
        json.member("input", unreadable.input)
        json.member("error", unreadable.description)
        json.endObject()
        write(json.bytes + [0x0A])
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("tributary: " + message + "\n").utf8))
    }
}
