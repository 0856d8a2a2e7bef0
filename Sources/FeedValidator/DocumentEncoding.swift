import Foundation

/// Decides a document's character encoding (BOM, then HTTP charset, then the XML declaration)
/// and turns it into UTF-8 for the parser, reporting encodings readers may not handle.
enum DocumentEncoding {
    static func utf8(_ bytes: [UInt8], contentType: String?, messages: inout [ValidationMessage]) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), littleEndian: false) }
        if bytes.count >= 4, bytes[0] == 0x3C, bytes[1] == 0, bytes[2] == 0x3F { return utf16(bytes[...], littleEndian: true) }
        if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0x3C, bytes[3] == 0x3F { return utf16(bytes[...], littleEndian: false) }
        let declared = declaredEncoding(bytes)
        let version = declaredVersion(bytes)
        if let version, version != "1.0" {
            messages.append(ValidationMessage(code: "BadXmlVersion", message: "the XML version must be 1.0, not \(version)", line: 1, column: 1))
        }
        var charset: String?
        if let contentType, let range = contentType.lowercased().range(of: "charset=") {
            charset = contentType[range.upperBound...].split(separator: ";").first.map { $0.trimmed.trimmingQuotes.lowercased() }
        }
        let encoding = charset ?? declared?.lowercased() ?? "utf-8"
        switch encoding {
        case "utf-8", "utf8", "us-ascii", "ascii":
            return bytes
        case "iso-8859-1", "latin1", "latin-1", "iso_8859-1", "iso8859-1", "windows-1252", "cp1252":
            return latin1(bytes)
        case "utf-16", "utf-16le", "utf-16be":
            return bytes
        default:
            if let foundation = foundationEncodings[encoding], let text = String(data: Data(bytes), encoding: foundation) {
                return Array(text.utf8)
            }
            messages.append(
                ValidationMessage(code: "ObscureEncoding", message: "the encoding \(encoding) is not widely supported; use UTF-8", line: 1, column: 1)
            )
            // Decoded leniently, so that a document in an encoding we cannot convert is not
            // reported as broken UTF-8.
            return Array(String(decoding: bytes, as: UTF8.self).utf8)
        }
    }

    /// Encodings Foundation converts, by their IANA names.
    static let foundationEncodings: [String: String.Encoding] = [
        "windows-1250": .windowsCP1250, "cp1250": .windowsCP1250, "windows-1251": .windowsCP1251, "cp1251": .windowsCP1251,
        "windows-1253": .windowsCP1253, "windows-1254": .windowsCP1254, "iso-8859-2": .isoLatin2, "latin2": .isoLatin2,
        "shift_jis": .shiftJIS, "shift-jis": .shiftJIS, "sjis": .shiftJIS, "euc-jp": .japaneseEUC, "iso-2022-jp": .iso2022JP,
        "macintosh": .macOSRoman, "x-mac-roman": .macOSRoman, "utf-32": .utf32, "utf-32le": .utf32LittleEndian,
        "utf-32be": .utf32BigEndian,
    ]

    private static func attribute(_ name: String, in bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = bytes.prefix(200)
        guard let end = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = Array(head[..<end])
        let needle = Array(name.utf8)
        guard var index = (0...max(0, declaration.count - needle.count)).first(where: { declaration[$0...].starts(with: needle) }) else {
            return nil
        }
        index += needle.count
        while index < declaration.count, declaration[index] == 0x20 { index += 1 }
        guard index < declaration.count, declaration[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        while index < declaration.count, declaration[index] == 0x20 { index += 1 }
        guard index < declaration.count, declaration[index] == 0x22 || declaration[index] == 0x27 else { return nil }
        let quote = declaration[index]
        let value = declaration[(index + 1)...].prefix { $0 != quote }
        return String(decoding: value, as: UTF8.self)
    }

    static func declaredEncoding(_ bytes: [UInt8]) -> String? { attribute("encoding", in: bytes) }
    static func declaredVersion(_ bytes: [UInt8]) -> String? { attribute("version", in: bytes) }

    private static func latin1(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                result.append(byte)
            } else {
                result.append(0xC0 | (byte >> 6))
                result.append(0x80 | (byte & 0x3F))
            }
        }
        return result
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index])
            let b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        // The declaration may still say UTF-16: the parser is told the bytes are UTF-8 and
        // ignores it.
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}

extension StringProtocol {
    var trimmingQuotes: String {
        var value = String(self)
        if value.hasPrefix("\"") || value.hasPrefix("'") { value.removeFirst() }
        if value.hasSuffix("\"") || value.hasSuffix("'") { value.removeLast() }
        return value
    }
}
