/// Byte constants and classifiers for scanning UTF-8 markup.
enum ASCII {
    static let lt = UInt8(ascii: "<")
    static let gt = UInt8(ascii: ">")
    static let amp = UInt8(ascii: "&")
    static let hash = UInt8(ascii: "#")
    static let semicolon = UInt8(ascii: ";")
    static let slash = UInt8(ascii: "/")
    static let bang = UInt8(ascii: "!")
    static let question = UInt8(ascii: "?")
    static let dash = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let colon = UInt8(ascii: ":")
    static let underscore = UInt8(ascii: "_")
    static let dollar = UInt8(ascii: "$")
    static let equals = UInt8(ascii: "=")
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let newline = UInt8(ascii: "\n")
    static let leftBracket = UInt8(ascii: "[")
    static let rightBracket = UInt8(ascii: "]")
    static let space = UInt8(ascii: " ")

    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) }
    @inline(__always) static func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66)
    }

    /// Whitespace as Python's `\s` sees it, restricted to ASCII.
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)
    }

    /// Python's `\w` approximated on bytes: ASCII letters, digits, `_`, and any non-ASCII
    /// byte (non-ASCII text is overwhelmingly letters).
    @inline(__always) static func isWordByte(_ c: UInt8) -> Bool { isAlnum(c) || c == underscore || c >= 0x80 }

    /// `[-_.:a-zA-Z0-9]`: tag-name characters after the first letter.
    @inline(__always) static func isTagNameByte(_ c: UInt8) -> Bool {
        isAlnum(c) || c == dash || c == underscore || c == dot || c == colon
    }

    /// `[-:.a-zA-Z_0-9]`: attribute-name characters after the first one.
    @inline(__always) static func isAttributeNameByte(_ c: UInt8) -> Bool { isTagNameByte(c) }

    /// Characters of an unquoted attribute value: ``[][\-a-zA-Z0-9./,:;+*%?!&$()_#=~'"@]``.
    static let unquotedValueTable: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(c)] = true }
        for c in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(c)] = true }
        for c in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(c)] = true }
        for c in "[]-./,:;+*%?!&$()_#=~'\"@".utf8 { table[Int(c)] = true }
        return table
    }()

    @inline(__always) static func isUnquotedValueByte(_ c: UInt8) -> Bool { unquotedValueTable[Int(c)] }

    /// Lower-cases ASCII letters and decodes the bytes as a string.
    static func lowercasedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for k in 0..<bytes.count {
                let c = bytes[k]
                out[k] = (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c
            }
            return bytes.count
        }
    }
}

/// String helpers mirroring Python's notion of whitespace.
enum Text {
    /// Whether `scalar` is whitespace for Python's `str.isspace()` / `\s` (inlined: the CSS
    /// check and trimming call it for every scalar, and ASCII's answer is one range test).
    @inline(__always) static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0: return true
        default: return scalar.value > 0x7F && scalar.properties.isWhitespace
        }
    }

    /// `s.strip()` in Python.
    static func trimmingPythonWhitespace(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isPythonWhitespace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isPythonWhitespace($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return s }
        return String(scalars[first...last])
    }

    /// Builds a string from scalars (faster than appending to a `UnicodeScalarView`).
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Python's `\w` for one scalar (letters, digits, numbers, underscore; inlined like
    /// `isPythonWhitespace`).
    @inline(__always) static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let c = UInt8(scalar.value)
            return ASCII.isAlnum(c) || c == ASCII.underscore
        }
        let p = scalar.properties
        return p.isAlphabetic || p.numericType != nil
    }
}
