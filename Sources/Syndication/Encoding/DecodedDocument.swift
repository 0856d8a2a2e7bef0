/// A feed document converted to UTF-8, together with the encoding that was decided for it.
public struct DecodedDocument: Sendable, Hashable {
    /// The document converted to UTF-8, without a byte order mark.
    ///
    /// When the document starts with an XML declaration that names an encoding, that
    /// `encoding="…"` value is rewritten to `utf-8`, so that an XML parser told "UTF-8"
    /// agrees with the declaration.
    public var utf8: [UInt8]

    /// The encoding the bytes were decoded with, as a lower-case canonical name.
    ///
    /// Names follow Python's codec names as feedparser reports them, for example
    /// `utf-8`, `utf-16le`, `utf-32be`, `iso-8859-1`, `windows-1252`, `us-ascii`, `big5`,
    /// `gb18030`, `euc-kr`, `koi8-r` or `shift_jis`.
    public var encoding: String

    /// Problems found while deciding the encoding; empty for a clean document.
    public var warnings: [EncodingWarning]

    /// Creates a decoded document from its parts.
    public init(utf8: [UInt8], encoding: String, warnings: [EncodingWarning]) {
        self.utf8 = utf8
        self.encoding = encoding
        self.warnings = warnings
    }
}

/// A non-fatal problem found while deciding a document's character encoding.
///
/// The codes match the names of feedparser's bozo exceptions, so a feed reader can
/// report them the same way.
public struct EncodingWarning: Sendable, Hashable {
    /// The machine-readable warning code, one of the `EncodingWarning.*Code` constants.
    public var code: String
    /// A human-readable explanation of the warning.
    public var message: String

    /// Creates a warning with the given code and message.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// Code for a declared (or defaulted) encoding that did not fit the bytes and was replaced.
    public static let characterEncodingOverrideCode = "CharacterEncodingOverride"
    /// Code for a document that no candidate encoding could decode; a lossless fallback was used.
    public static let characterEncodingUnknownCode = "CharacterEncodingUnknown"
    /// Code for an HTTP `Content-Type` that is not an XML or feed media type.
    public static let nonXMLContentTypeCode = "NonXMLContentType"
}
