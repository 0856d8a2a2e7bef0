/// One line of `tributary cluster`'s input read straight from its bytes: a JSON object whose
/// members are among "id", "url", "title", "text" and "published", each a string ("id") or a
/// string or null (the others).
///
/// Only that plain shape is read, strictly to RFC 8259; anything else (another member, a
/// repeated member, a number, a lone surrogate escape, invalid UTF-8, trailing bytes) gives
/// `nil`, and the caller decodes the line with Foundation's `JSONDecoder`, whose result and
/// errors stay the reference. A line read here gives the same strings `JSONDecoder` gives.
public struct ArticleLine: Sendable, Equatable {
    /// The "id" member.
    public var id: String
    /// The "url" member, if present and not null.
    public var url: String?
    /// The "title" member, if present and not null.
    public var title: String?
    /// The "text" member, if present and not null.
    public var text: String?
    /// The "published" member, if present and not null.
    public var published: String?

    /// An article line from its members.
    public init(id: String, url: String? = nil, title: String? = nil, text: String? = nil, published: String? = nil) {
        self.id = id
        self.url = url
        self.title = title
        self.text = text
        self.published = published
    }

    /// The members of `line`, or `nil` when it is not a plain article object (see the type).
    public init?(_ line: some Collection<UInt8>) {
        let parsed: ArticleLine?? = line.withContiguousStorageIfAvailable { Self.parse($0) }
        if let parsed {
            guard let parsed else { return nil }
            self = parsed
        } else {
            guard let parsed = Array(line).withUnsafeBufferPointer({ Self.parse($0) }) else { return nil }
            self = parsed
        }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ArticleLine? {
        var reader = Reader(bytes: bytes)
        reader.skipWhitespace()
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        var id: String?
        var fields: [String?] = [nil, nil, nil, nil]
        var seen: [Bool] = [false, false, false, false]
        reader.skipWhitespace()
        if !reader.take(UInt8(ascii: "}")) {
            while true {
                reader.skipWhitespace()
                guard let key = reader.string() else { return nil }
                reader.skipWhitespace()
                guard reader.take(UInt8(ascii: ":")) else { return nil }
                reader.skipWhitespace()
                if key == "id" {
                    guard id == nil, let value = reader.string() else { return nil }
                    id = value
                } else {
                    guard let slot = ["url", "title", "text", "published"].firstIndex(of: key), !seen[slot] else {
                        return nil
                    }
                    seen[slot] = true
                    if !reader.takeNull() {
                        guard let value = reader.string() else { return nil }
                        fields[slot] = value
                    }
                }
                reader.skipWhitespace()
                if reader.take(UInt8(ascii: ",")) { continue }
                guard reader.take(UInt8(ascii: "}")) else { return nil }
                break
            }
        }
        reader.skipWhitespace()
        guard reader.atEnd, let id else { return nil }
        return ArticleLine(id: id, url: fields[0], title: fields[1], text: fields[2], published: fields[3])
    }

    /// A cursor over the line's bytes.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        var atEnd: Bool { position == bytes.count }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        mutating func takeNull() -> Bool {
            guard bytes.count - position >= 4, bytes[position] == UInt8(ascii: "n"), bytes[position + 1] == UInt8(ascii: "u"),
                bytes[position + 2] == UInt8(ascii: "l"), bytes[position + 3] == UInt8(ascii: "l")
            else { return false }
            position += 4
            return true
        }

        /// A JSON string at the cursor, or nil when there is none or it is not plain (see the type).
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    let result = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                    position += 1
                    return result
                }
                if byte == UInt8(ascii: "\\") { return escapedString(from: start) }
                if byte < 0x20 { return nil }
                position += 1
            }
            return nil
        }

        /// The rest of a string with escapes, its plain opening `bytes[start..<position]`.
        private mutating func escapedString(from start: Int) -> String? {
            var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(validating: buffer, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { return nil }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
                    case UInt8(ascii: "b"): buffer.append(0x08)
                    case UInt8(ascii: "f"): buffer.append(0x0C)
                    case UInt8(ascii: "n"): buffer.append(0x0A)
                    case UInt8(ascii: "r"): buffer.append(0x0D)
                    case UInt8(ascii: "t"): buffer.append(0x09)
                    case UInt8(ascii: "u"):
                        guard var value = hex4() else { return nil }
                        if value >= 0xD800 && value < 0xDC00 {
                            guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), low >= 0xDC00 && low < 0xE000
                            else { return nil }
                            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        } else if value >= 0xDC00 && value < 0xE000 {
                            return nil
                        }
                        guard let scalar = Unicode.Scalar(value) else { return nil }
                        UTF8.encode(scalar) { buffer.append($0) }
                    default: return nil
                    }
                default:
                    if byte < 0x20 { return nil }
                    // The plain run up to the next quote or escape, in one piece.
                    let run = position - 1
                    while position < bytes.count, bytes[position] >= 0x20, bytes[position] != UInt8(ascii: "\""),
                        bytes[position] != UInt8(ascii: "\\")
                    {
                        position += 1
                    }
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
                }
            }
            return nil
        }

        private mutating func hex4() -> UInt32? {
            guard bytes.count - position >= 4 else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                position += 1
            }
            return value
        }
    }
}
