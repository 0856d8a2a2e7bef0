/// Decodes character and entity references in text libxml2 left encoded (attribute values of a
/// parse that does not substitute entities carry `&#38;` and `&name;`).
enum XMLReferenceDecoder {
    /// Decodes `&#NN;`, `&#xHH;`, the five XML entities and any name `lookup` knows; leaves
    /// anything else exactly as written.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, lookup: (String) -> String?) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                index += 1
                continue
            }
            var end = index + 1
            while end < count, end - index < 40, bytes[end] != UInt8(ascii: ";"), bytes[end] != UInt8(ascii: "&") { end += 1 }
            guard end < count, bytes[end] == UInt8(ascii: ";"), end > index + 1 else {
                output.append(byte)
                index += 1
                continue
            }
            let body = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            if let replacement = replacement(for: body, lookup: lookup) {
                output.append(contentsOf: replacement.utf8)
            } else {
                output.append(contentsOf: bytes[index...end])
            }
            index = end + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func replacement(for body: String, lookup: (String) -> String?) -> String? {
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
        switch body {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: return lookup(body)
        }
    }
}
