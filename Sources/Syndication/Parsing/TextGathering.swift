import LibXML

/// The elements whose text the feed handler is gathering, innermost last, and that text as
/// UTF-8 bytes. Only the innermost element receives text and only it is ever closed, so all
/// the texts share one buffer: an element's text is the buffer from where it started, once
/// the elements opened after it are closed. One value, so each event touches the handler's
/// state once.
struct TextGathering {
    /// An element whose text is being gathered.
    private struct OpenElement {
        var key: String
        var expectingText: Bool
        /// Where its text starts in `bytes`.
        var textStart: Int
        /// Where its pieces start in `pieceStarts`.
        var piecesStart: Int
    }

    private var elements: [OpenElement] = []
    private var bytes: [UInt8] = []
    /// Where each piece (a text chunk or a re-serialized tag) starts in `bytes`; XHTML content
    /// needs them to drop an enclosing `<div>`.
    private var pieceStarts: [Int] = []

    /// The elements being gathered, outermost first.
    var openKeys: [String] { elements.map(\.key) }

    /// Starts gathering the text of `key`.
    mutating func open(_ key: String, expectingText: Bool) {
        elements.append(OpenElement(key: key, expectingText: expectingText, textStart: bytes.count, piecesStart: pieceStarts.count))
    }

    /// Adds a piece of text to the innermost element (none open: dropped), with `&`, `<` and
    /// `>` escaped when `escapingMarkup`.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>, escapingMarkup: Bool) {
        guard !elements.isEmpty else { return }
        pieceStarts.append(bytes.count)
        guard escapingMarkup else {
            bytes.append(contentsOf: text)
            return
        }
        MarkupEscaping.append(text, quotes: false, to: &bytes)
    }

    /// Ends the innermost element when it is `key` (nil otherwise, and nothing changes): its
    /// text, inside an enclosing XHTML `<div>` when `unwrappingDiv`, without the whitespace
    /// around it when `stripWhitespace`; and whether it was expected to hold text.
    mutating func close(_ key: String, unwrappingDiv: Bool, stripWhitespace: Bool) -> (text: String, expectingText: Bool)? {
        guard let last = elements.indices.last, elements[last].key == key else { return nil }
        let top = elements.removeLast()
        let text = bytes.withUnsafeBufferPointer { all in
            let own = UnsafeBufferPointer(rebasing: all[top.textStart...])
            var range = 0..<own.count
            if unwrappingDiv {
                let starts = pieceStarts[top.piecesStart...].map { $0 - top.textStart }
                range = FeedDocumentHandler.unwrapDiv(own, pieceStarts: starts)
            }
            return FeedDocumentHandler.string(UnsafeBufferPointer(rebasing: own[range]), stripWhitespace: stripWhitespace)
        }
        bytes.removeLast(bytes.count - top.textStart)
        pieceStarts.removeLast(pieceStarts.count - top.piecesStart)
        return (text, top.expectingText)
    }
}
