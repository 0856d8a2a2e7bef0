@testable import Syndication

/// UTF-8 bytes of a string.
func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

/// UTF-16 bytes of a string, without BOM.
func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    text.utf16.flatMap { unit -> [UInt8] in
        let high = UInt8(unit >> 8)
        let low = UInt8(unit & 0xFF)
        return bigEndian ? [high, low] : [low, high]
    }
}

/// UTF-32 bytes of a string, without BOM.
func utf32(_ text: String, bigEndian: Bool) -> [UInt8] {
    text.unicodeScalars.flatMap { scalar -> [UInt8] in
        let value = scalar.value
        let bytes = [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
        return bigEndian ? bytes : bytes.reversed()
    }
}

/// The decoded document as a Swift string (`nil` when the output is not valid UTF-8).
func text(_ document: DecodedDocument) -> String? {
    String(validating: document.utf8, as: UTF8.self)
}

/// Warning codes of a document.
func codes(_ document: DecodedDocument) -> [String] {
    document.warnings.map(\.code)
}

let override = "CharacterEncodingOverride"
let unknown = "CharacterEncodingUnknown"
let nonXML = "NonXMLContentType"
