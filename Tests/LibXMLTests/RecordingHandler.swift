import LibXML

/// Records stream events as readable strings, for comparing whole sequences.
final class RecordingHandler: XMLStreamHandler {
    var events: [String] = []
    var text = ""
    var problems: [XMLParseError] = []
    var doctype: String?

    func startElement(_ name: XMLName, attributes: [XMLAttribute], namespaces: [XMLNamespaceDeclaration]) {
        flushText()
        var event = "start \(name.qualifiedName)"
        if let uri = name.namespaceURI { event += " {\(uri)}" }
        for attribute in attributes { event += " \(attribute.name.qualifiedName)=\(attribute.value)" }
        events.append(event)
    }

    func endElement(_ name: XMLName) {
        flushText()
        events.append("end \(name.qualifiedName)")
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        text += String(decoding: bytes, as: UTF8.self)
    }

    func problem(_ error: XMLParseError) {
        problems.append(error)
    }

    func documentType(name: String, publicID: String?, systemID: String?) {
        doctype = name
    }

    private func flushText() {
        if !text.isEmpty { events.append("text \(text)") }
        text = ""
    }
}
