/// Decodes a document in a named encoding to UTF-8, choosing the fastest strict path.
enum Transcoder {
    /// The UTF-8 form of `body` read as `canonicalName`, or `nil` when the bytes are not valid
    /// in that encoding or the encoding is unknown.
    static func decode(_ body: UnsafeBufferPointer<UInt8>, canonicalName: String, translateC1: Bool) -> [UInt8]? {
        switch decodeAvoidingCopy(body, canonicalName: canonicalName, translateC1: translateC1) {
        case .unchanged: return Array(body)
        case .converted(let utf8): return utf8
        case nil: return nil
        }
    }

    /// What decoding gave: the input itself (valid UTF-8 needing no change), or new bytes.
    enum Outcome {
        case unchanged
        case converted([UInt8])
    }

    /// Like `decode`, but says `.unchanged` instead of copying valid UTF-8, so a caller that
    /// owns the bytes can keep them (a 100 MB feed is then never held twice).
    static func decodeAvoidingCopy(_ body: UnsafeBufferPointer<UInt8>, canonicalName: String, translateC1: Bool) -> Outcome? {
        if canonicalName == "utf-8" {
            let result = UTF8Validator.validate(body)
            guard result.isValid else { return nil }
            if translateC1 && result.containsTranslatableC1, let translated = C1Translation.translated(body) {
                return .converted(translated)
            }
            return .unchanged
        }
        return convert(body, canonicalName: canonicalName, translateC1: translateC1).map { .converted($0) }
    }

    private static func convert(_ body: UnsafeBufferPointer<UInt8>, canonicalName: String, translateC1: Bool) -> [UInt8]? {
        switch canonicalName {
        case "us-ascii":
            return SingleByteDecoder.decode(body, table: .usASCII)
        case "iso-8859-1":
            return SingleByteDecoder.decode(body, table: translateC1 ? .latin1TranslatingC1 : .latin1)
        case "windows-1252":
            return SingleByteDecoder.decode(body, table: .windows1252)
        default:
            if let layout = WideUnicodeDecoder.Layout(canonicalName: canonicalName) {
                return WideUnicodeDecoder.decode(body, layout: layout, translateC1: translateC1)
            }
            guard let iconvName = EncodingName.iconvName(canonicalName),
                let converter = IconvConverter(fromEncoding: iconvName),
                var utf8 = converter.convert(body)
            else { return nil }
            if translateC1 { C1Translation.apply(to: &utf8) }
            return utf8
        }
    }
}
