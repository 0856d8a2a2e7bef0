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
        return try readFile(path, input: input)
    }

    /// The whole file in one buffer, read straight into it (no intermediate `Data` copy and no
    /// zero-filling, so a 100 MB feed costs 100 MB). One `open`, one `fstat`, and for a regular
    /// file usually one `read`: a corpus of thousands of small feeds pays little per file.
    private static func readFile(_ path: String, input: String) throws(Unreadable) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw Unreadable(input: input, reason: "no such file")
            case EACCES, EPERM: throw Unreadable(input: input, reason: "cannot be read (permission denied?)")
            default: throw Unreadable(input: input, reason: "cannot be opened: \(String(cString: strerror(code)))")
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Unreadable(input: input, reason: "cannot be read (fstat failed)") }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw Unreadable(input: input, reason: "is a directory, not a file") }
        // One byte more than the size, so that the read which finds the end needs no new buffer.
        let capacity = max(Int(status.st_size), 0) + 1
        var failure: Int32 = 0
        // A regular file gives fewer bytes than asked only at its end: no read to find it.
        let isRegular = status.st_mode & S_IFMT == S_IFREG
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, filled in
            filled = 0
            while filled < buffer.count {
                let asked = buffer.count - filled
                let count = readRetrying(descriptor, buffer.baseAddress! + filled, asked, failure: &failure)
                if count <= 0 { return }
                filled += count
                if isRegular && count < asked { return }
            }
        }
        // A file that grew while we read it, or a pipe-like file: read the rest in chunks.
        if failure == 0 && bytes.count == capacity {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = chunk.withUnsafeMutableBytes { readRetrying(descriptor, $0.baseAddress!, $0.count, failure: &failure) }
                if count <= 0 { break }
                bytes.append(contentsOf: chunk[0..<count])
            }
        }
        guard failure == 0 else { throw Unreadable(input: input, reason: "cannot be read (\(String(cString: strerror(failure))))") }
        return bytes
    }

    /// One `read`, tried again when a signal interrupts it: the byte count, 0 at the end, or -1
    /// with the error in `failure`.
    private static func readRetrying(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int, failure: inout Int32) -> Int {
        while true {
            let read = Foundation.read(descriptor, buffer, count)
            if read >= 0 { return read }
            if errno != EINTR {
                failure = errno
                return -1
            }
        }
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
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C }
            for line in bytes.split(separator: UInt8(ascii: "\n")) {
                // Spaces around a path (and a CRLF line end) are not part of it.
                guard let first = line.firstIndex(where: { !isSpace($0) }), let last = line.lastIndex(where: { !isSpace($0) }) else { continue }
                result.append(String(decoding: line[first...last], as: UTF8.self))
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
        if jsonLine { write(errorLine(unreadable)) }
    }

    /// The JSON line `{"input","error"}` that stands for an input that could not be read.
    static func errorLine(_ unreadable: InputSource.Unreadable) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.member("input", unreadable.input)
        json.member("error", unreadable.description)
        json.endObject()
        return json.bytes + [0x0A]
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("tributary: " + message + "\n").utf8))
    }
}
