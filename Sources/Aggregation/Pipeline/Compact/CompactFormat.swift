/// The bytes of a ``CompactValue``: a magic number and version, then each value as a tag
/// byte and its payload: integers as LEB128 varints (signed ones zigzag-encoded), floats as
/// their little-endian bits, strings and arrays with their length first, packed arrays as one
/// block of raw little-endian elements.
enum CompactFormat {
    static let magic: [UInt8] = Array("TRBC".utf8) + [1]

    enum Tag: UInt8 {
        case null, falseValue, trueValue, int, uint, double, float, string, array, object
        case int32s, uint32s, int64s, uint64s, ints, floats, doubles, strings, uint64ToInt32, stringToInt32
    }

    /// Why bytes could not be read back.
    struct Failure: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    // MARK: Writing

    /// The bytes of a whole value tree (the encoder writes from its own nodes instead; this is
    /// the reference its tests compare with).
    static func bytes(of value: CompactValue) -> [UInt8] {
        var sink = ByteArraySink(bytes: magic)
        write(value, to: &sink)
        return sink.bytes
    }

    /// Where written bytes go: an array, or a counter that sizes the array first (so a large
    /// index is written into one allocation instead of one that keeps doubling).
    protocol Sink {
        mutating func append(_ byte: UInt8)
        mutating func append<C: Collection>(contentsOf bytes: C) where C.Element == UInt8
    }

    /// Passes the bytes on in pieces of `size` as they fill. Writing cannot fail, so the first
    /// error of `emit` is kept (and later bytes dropped) until `finish()` throws it.
    struct PieceSink: Sink {
        private let size: Int
        private let emit: (UnsafeRawBufferPointer) throws -> Void
        private var buffer: [UInt8] = []
        private var failure: (any Error)?

        init(size: Int, emit: @escaping (UnsafeRawBufferPointer) throws -> Void) {
            self.size = max(1, size)
            self.emit = emit
            buffer.reserveCapacity(self.size)
        }

        mutating func append(_ byte: UInt8) {
            buffer.append(byte)
            if buffer.count >= size { flush() }
        }

        mutating func append<C: Collection>(contentsOf bytes: C) where C.Element == UInt8 {
            var rest = bytes[...]
            while !rest.isEmpty {
                let taken = rest.prefix(size - buffer.count)
                buffer.append(contentsOf: taken)
                rest = rest[taken.endIndex...]
                if buffer.count >= size { flush() }
            }
        }

        /// Passes on what is left; throws the first error `emit` threw.
        mutating func finish() throws {
            if !buffer.isEmpty { flush() }
            if let failure { throw failure }
        }

        private mutating func flush() {
            if failure == nil {
                do { try buffer.withUnsafeBytes(emit) } catch { failure = error }
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }

    struct ByteArraySink: Sink {
        var bytes: [UInt8]
        mutating func append(_ byte: UInt8) { bytes.append(byte) }
        mutating func append<C: Collection>(contentsOf bytes: C) where C.Element == UInt8 { self.bytes.append(contentsOf: bytes) }
    }

    struct CountingSink: Sink {
        var count = 0
        mutating func append(_ byte: UInt8) { count += 1 }
        mutating func append<C: Collection>(contentsOf bytes: C) where C.Element == UInt8 { count += bytes.count }
    }

    static func write<S: Sink>(_ value: CompactValue, to out: inout S) {
        switch value {
        case .null: out.append(Tag.null.rawValue)
        case .bool(let flag): out.append(flag ? Tag.trueValue.rawValue : Tag.falseValue.rawValue)
        case .int(let number):
            out.append(Tag.int.rawValue)
            varint(UInt64(bitPattern: (number << 1) ^ (number >> 63)), to: &out)
        case .uint(let number):
            out.append(Tag.uint.rawValue)
            varint(number, to: &out)
        case .double(let number):
            out.append(Tag.double.rawValue)
            fixed(number.bitPattern, to: &out)
        case .float(let number):
            out.append(Tag.float.rawValue)
            fixed(number.bitPattern, to: &out)
        case .string(let text):
            out.append(Tag.string.rawValue)
            string(text, to: &out)
        case .array(let items):
            writeArrayHeader(count: items.count, to: &out)
            for item in items { write(item, to: &out) }
        case .object(let fields):
            writeObjectHeader(count: fields.count, to: &out)
            for field in fields {
                string(field.key, to: &out)
                write(field.value, to: &out)
            }
        case .packed(let packed):
            write(packed, to: &out)
        }
    }

    static func writeArrayHeader<S: Sink>(count: Int, to out: inout S) {
        out.append(Tag.array.rawValue)
        varint(UInt64(count), to: &out)
    }

    static func writeObjectHeader<S: Sink>(count: Int, to out: inout S) {
        out.append(Tag.object.rawValue)
        varint(UInt64(count), to: &out)
    }

    /// Whether this host keeps numbers little-endian, as the format does.
    private static let hostIsLittleEndian = Int(littleEndian: 1) == 1

    private static func write<S: Sink>(_ packed: PackedArray, to out: inout S) {
        /// The elements of `array` as `bits` gives them: on a little-endian host whose elements
        /// are as wide as their bits, the memory as it lies (no converted copy, which the
        /// counting pass would make a second time); else element by element.
        func elements<Element, Bits: FixedWidthInteger>(_ array: [Element], as bits: (Element) -> Bits) {
            if hostIsLittleEndian, MemoryLayout<Element>.stride == MemoryLayout<Bits>.size {
                array.withUnsafeBytes { out.append(contentsOf: $0) }
            } else {
                for element in array { fixed(bits(element), to: &out) }
            }
        }
        func block<Element, Bits: FixedWidthInteger>(_ tag: Tag, _ array: [Element], as bits: (Element) -> Bits) {
            out.append(tag.rawValue)
            varint(UInt64(array.count), to: &out)
            elements(array, as: bits)
        }
        switch packed {
        case .int32(let array): block(.int32s, array) { $0 }
        case .uint32(let array): block(.uint32s, array) { $0 }
        case .int64(let array): block(.int64s, array) { $0 }
        case .uint64(let array): block(.uint64s, array) { $0 }
        case .int(let array): block(.ints, array) { Int64($0) }
        case .float(let array): block(.floats, array) { $0.bitPattern }
        case .double(let array): block(.doubles, array) { $0.bitPattern }
        case .strings(let array):
            out.append(Tag.strings.rawValue)
            varint(UInt64(array.count), to: &out)
            for text in array { string(text, to: &out) }
        case .uint64ToInt32(let keys, let values):
            block(.uint64ToInt32, keys) { $0 }
            elements(values) { $0 }
        case .stringToInt32(let keys, let values):
            out.append(Tag.stringToInt32.rawValue)
            varint(UInt64(keys.count), to: &out)
            for key in keys { string(key, to: &out) }
            elements(values) { $0 }
        }
    }

    private static func varint<S: Sink>(_ value: UInt64, to out: inout S) {
        var rest = value
        while rest >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }

    private static func fixed<T: FixedWidthInteger, S: Sink>(_ value: T, to out: inout S) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    static func string<S: Sink>(_ text: String, to out: inout S) {
        varint(UInt64(text.utf8.count), to: &out)
        out.append(contentsOf: text.utf8)
    }

    // MARK: Reading

    static func value(from bytes: [UInt8]) throws(Failure) -> CompactValue {
        var pieces = [bytes]
        return try value(size: bytes.count) { pieces.popLast() }
    }

    /// The value of bytes that come in pieces (`next` returns them in order, then `nil`; `size`
    /// is their total length): each piece is let go once read, so the bytes are never whole in
    /// memory beside the values made of them.
    static func value(size: Int, pieces next: () throws -> [UInt8]?) throws(Failure) -> CompactValue {
        do {
            return try withoutActuallyEscaping(next) { next in
                var reader = Reader(size: size, next: next)
                for expected in magic {
                    guard try reader.byte() == expected else { throw Failure(description: "not a compact index (wrong header)") }
                }
                let value = try reader.value()
                try reader.expectEnd()
                return value
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(error)")
        }
    }

    struct Reader {
        /// The piece being read, and where in it.
        private var piece: [UInt8] = []
        private var offset = 0
        /// Bytes in the pieces before this one.
        private var before = 0
        private let size: Int
        private let next: () throws -> [UInt8]?

        init(size: Int, next: @escaping () throws -> [UInt8]?) {
            self.size = size
            self.next = next
        }

        /// Where the reader is, from the start of the bytes.
        var position: Int { before + offset }

        mutating func value() throws(Failure) -> CompactValue {
            let byte = try self.byte()
            guard let tag = Tag(rawValue: byte) else { throw Failure(description: "unknown tag \(byte) at byte \(offset - 1)") }
            switch tag {
            case .null: return .null
            case .falseValue: return .bool(false)
            case .trueValue: return .bool(true)
            case .int:
                let raw = try varint()
                return .int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
            case .uint: return .uint(try varint())
            case .double: return .double(Double(bitPattern: try fixed(UInt64.self)))
            case .float: return .float(Float(bitPattern: try fixed(UInt32.self)))
            case .string: return .string(try string())
            case .array:
                let count = try length()
                var items: [CompactValue] = []
                items.reserveCapacity(count)
                for _ in 0..<count { items.append(try value()) }
                return .array(items)
            case .object:
                let count = try length()
                var fields: [(key: String, value: CompactValue)] = []
                fields.reserveCapacity(count)
                for _ in 0..<count { fields.append((try string(), try value())) }
                return .object(fields)
            case .int32s: return .packed(.int32(try block(Int32.self)))
            case .uint32s: return .packed(.uint32(try block(UInt32.self)))
            case .int64s: return .packed(.int64(try block(Int64.self)))
            case .uint64s: return .packed(.uint64(try block(UInt64.self)))
            case .ints: return .packed(.int(try block(Int64.self).map { Int($0) }))
            case .floats: return .packed(.float(try block(UInt32.self).map(Float.init(bitPattern:))))
            case .doubles: return .packed(.double(try block(UInt64.self).map(Double.init(bitPattern:))))
            case .strings:
                let count = try length()
                var texts: [String] = []
                texts.reserveCapacity(Self.roomToGrow(count))
                for _ in 0..<count { texts.append(try string()) }
                return .packed(.strings(texts))
            case .uint64ToInt32:
                let keys = try block(UInt64.self)
                return .packed(.uint64ToInt32(keys: keys, values: try values(Int32.self, count: keys.count)))
            case .stringToInt32:
                let count = try length()
                var keys: [String] = []
                keys.reserveCapacity(count)
                for _ in 0..<count { keys.append(try string()) }
                return .packed(.stringToInt32(keys: keys, values: try values(Int32.self, count: count)))
            }
        }

        /// Moves to the next piece with bytes left; `false` at the end of the bytes.
        private mutating func advance() throws(Failure) -> Bool {
            while offset == piece.count {
                let following: [UInt8]?
                do { following = try next() } catch { throw Failure(description: "reading the index: \(error)") }
                guard let following else { return false }
                before += piece.count
                piece = following
                offset = 0
            }
            return true
        }

        mutating func byte() throws(Failure) -> UInt8 {
            if offset == piece.count, !(try advance()) { throw Failure(description: "truncated at byte \(position)") }
            defer { offset += 1 }
            return piece[offset]
        }

        /// Fails unless every byte was read.
        mutating func expectEnd() throws(Failure) {
            let more = position < size ? true : try advance()
            if more { throw Failure(description: "\(max(1, size - position)) bytes after the end") }
        }

        /// Copies the next `count` bytes to `target`, across pieces.
        private mutating func copy(_ count: Int, to target: UnsafeMutableRawBufferPointer) throws(Failure) {
            var copied = 0
            while copied < count {
                if offset == piece.count, !(try advance()) { throw Failure(description: "truncated at byte \(position)") }
                let taken = min(count - copied, piece.count - offset)
                let start = offset
                piece.withUnsafeBytes { source in
                    UnsafeMutableRawBufferPointer(rebasing: target[copied..<copied + taken]).copyMemory(
                        from: UnsafeRawBufferPointer(rebasing: source[start..<start + taken]))
                }
                offset += taken
                copied += taken
            }
        }

        private mutating func varint() throws(Failure) -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let next = try byte()
                guard shift < 64 else { throw Failure(description: "an integer longer than 64 bits at byte \(position)") }
                result |= UInt64(next & 0x7F) << shift
                if next < 0x80 { return result }
                shift += 7
            }
        }

        /// A count that the remaining bytes can hold (so a damaged count fails, not allocates).
        private mutating func length() throws(Failure) -> Int {
            let count = try varint()
            guard count <= UInt64(max(0, size - position)) else {
                throw Failure(description: "a length of \(count) past the end at byte \(position)")
            }
            return Int(count)
        }

        private mutating func fixed<T: FixedWidthInteger>(_ type: T.Type) throws(Failure) -> T {
            var value: T = 0
            try withUnsafeMutableBytes(of: &value) { (target) throws(Failure) in try copy(MemoryLayout<T>.size, to: target) }
            return T(littleEndian: value)
        }

        private mutating func block<T: FixedWidthInteger>(_ type: T.Type) throws(Failure) -> [T] {
            try values(type, count: try length())
        }

        private mutating func values<T: FixedWidthInteger>(_ type: T.Type, count: Int) throws(Failure) -> [T] {
            let size = MemoryLayout<T>.size
            guard count <= max(0, self.size - position) / size else { throw Failure(description: "truncated block at byte \(position)") }
            let values = try copied(count, of: type, capacity: Self.roomToGrow(count))
            return hostIsLittleEndian ? values : values.map { T(littleEndian: $0) }
        }

        /// The next `count` elements' bytes as they lie, copied across pieces into an array of
        /// `capacity`.
        private mutating func copied<T>(_ count: Int, of type: T.Type, capacity: Int) throws(Failure) -> [T] {
            var failure: Failure?
            let array = [T](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                do {
                    try copy(count * MemoryLayout<T>.stride, to: UnsafeMutableRawBufferPointer(buffer))
                    initialized = count
                } catch {
                    failure = error as? Failure ?? Failure(description: "\(error)")
                    initialized = 0
                }
            }
            if let failure { throw failure }
            return array
        }

        /// The capacity a block of `count` elements is read into. The index's arrays grow as
        /// articles are added, and an array read to its exact size would double (copy, and keep
        /// twice its memory) at the first article: read with an eighth to spare, a run that adds
        /// a few sources' articles grows none of them.
        static func roomToGrow(_ count: Int) -> Int { count + count / 8 }

        private mutating func string() throws(Failure) -> String {
            let count = try length()
            if count <= piece.count - offset {
                defer { offset += count }
                return String(decoding: piece[offset..<offset + count], as: UTF8.self)
            }
            return String(decoding: try copied(count, of: UInt8.self, capacity: count), as: UTF8.self)
        }
    }
}
