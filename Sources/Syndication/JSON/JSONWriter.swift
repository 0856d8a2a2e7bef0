import LibXML

/// Writes compact JSON into a UTF-8 byte buffer, one value at a time. Object members whose
/// value is absent are skipped by the optional overloads, as the `parse` contract wants.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether the next value of the innermost object or array needs a comma before it.
    private var needsComma = false
    /// The same for each enclosing object or array, outermost first.
    private var enclosing: [Bool] = []

    /// Creates an empty writer.
    public init() {
        bytes.reserveCapacity(4096)
    }

    /// Empties the buffer (keeping its capacity) and the nesting state.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
        enclosing.removeAll(keepingCapacity: true)
    }

    /// Hands over the bytes written so far and empties the buffer, keeping the nesting state,
    /// so a long document can be streamed out piece by piece.
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        enclosing.append(needsComma)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        needsComma = enclosing.removeLast()
        bytes.append(bracket)
    }

    /// Opens an object (as a value, or as the member `key` when given).
    public mutating func beginObject(_ key: String? = nil) {
        if let key { self.key(key) } else { separate() }
        open(UInt8(ascii: "{"))
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    /// Opens an array (as a value, or as the member `key` when given).
    public mutating func beginArray(_ key: String? = nil) {
        if let key { self.key(key) } else { separate() }
        open(UInt8(ascii: "["))
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    private mutating func key(_ name: String) {
        separate()
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes a member `key: value` (skipped when `value` is nil).
    public mutating func member(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        appendString(value)
    }

    /// Writes a member `key: number` (skipped when nil).
    public mutating func member(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes a member `key: number` (skipped when nil).
    public mutating func member(_ name: String, _ value: Double?) {
        guard let value, value.isFinite else { return }
        key(name)
        bytes.append(contentsOf: Self.format(value).utf8)
    }

    /// Writes a member `key: true|false` (skipped when nil).
    public mutating func member(_ name: String, _ value: Bool?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Writes a member `key: null`.
    public mutating func nullMember(_ name: String) {
        key(name)
        bytes.append(contentsOf: "null".utf8)
    }

    /// Writes a string array element.
    public mutating func value(_ string: String) {
        separate()
        appendString(string)
    }

    /// Writes a number array element.
    public mutating func value(_ number: Double) {
        separate()
        bytes.append(contentsOf: Self.format(number).utf8)
    }

    /// Writes an integer array element.
    public mutating func value(_ number: Int) {
        separate()
        bytes.append(contentsOf: String(number).utf8)
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) + ".0" }
        return String(value)
    }

    private mutating func appendString(_ string: String) {
        var string = string
        string.withUTF8 { appendString(utf8: $0) }
    }

    /// Writes a JSON string: runs that need no escaping are copied whole.
    private mutating func appendString(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while true {
            index = ByteScan.indexOfJSONEscape(in: buffer, from: index)
            guard index < buffer.count else { break }
            let byte = buffer[index]
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index])) }
            runStart = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                let hex = Self.hexDigits
                bytes.append(UInt8(ascii: "u"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            }
            index += 1
        }
        if runStart < buffer.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
