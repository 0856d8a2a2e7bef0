extension FeedDocumentHandler {
    /// `<name>` inside an author, contributor or publisher.
    func endName() {
        let value = pop("name") ?? ""
        if inPublisher {
            withContext { context in
                if context.publisher == nil { context.publisher = FeedPerson() }
                context.publisher?.name = value
            }
        } else if inAuthor || inContributor {
            savePerson(\.name, value)
        }
    }

    /// Stores one field of the author, contributor or publisher being read.
    func savePerson(_ field: WritableKeyPath<FeedPerson, String?>, _ value: String) {
        withContext { context in
            if inPublisher {
                if context.publisher == nil { context.publisher = FeedPerson() }
                context.publisher![keyPath: field] = value
            } else if inAuthor {
                if context.authors.isEmpty { context.authors.append(FeedPerson()) }
                context.authors[context.authors.count - 1][keyPath: field] = value
            } else if inContributor {
                if context.contributors.isEmpty { context.contributors.append(FeedPerson()) }
                context.contributors[context.contributors.count - 1][keyPath: field] = value
            }
        }
    }

    /// After an author element: when it had no `<name>`/`<email>` children, its text
    /// (`jane@example.com (Jane Doe)`, `Jane Doe <jane@example.com>`) is split into name and e-mail.
    static func syncAuthor(_ context: inout ContextRecord) {
        guard let last = context.authors.indices.last else { return }
        guard context.authors[last].isEmpty, let text = context.authorText, !text.isEmpty else { return }
        context.authors[last] = splitPerson(text)
    }

    static func syncPublisher(_ context: inout ContextRecord) {
        if context.publisher == nil, let text = context.publisherText, !text.isEmpty {
            context.publisher = splitPerson(text)
        }
    }

    /// Splits `email (Name)` or `Name <email>` into its parts.
    static func splitPerson(_ text: String) -> FeedPerson {
        let bytes = Array(text.utf8)
        guard let range = emailRange(in: bytes) else { return FeedPerson(name: text) }
        let email = String(decoding: bytes[range], as: UTF8.self)
        var rest = Array(bytes[..<range.lowerBound]) + Array(bytes[range.upperBound...])
        for junk in ["()", "<>", "&lt;&gt;"] { rest = removing(Array(junk.utf8), from: rest) }
        var name = String(decoding: rest, as: UTF8.self).trimmingWhitespace()
        if name.hasPrefix("(") { name.removeFirst() }
        if name.hasSuffix(")") { name.removeLast() }
        name = name.trimmingWhitespace()
        return FeedPerson(name: name.isEmpty ? nil : name, email: email)
    }

    private static func removing(_ pattern: [UInt8], from bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= pattern.count else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    /// The byte range of the first e-mail address in UTF-8 text (optionally followed by
    /// `?subject=…`).
    static func emailRange(in bytes: [UInt8]) -> Range<Int>? {
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        func isLocal(_ byte: UInt8) -> Bool {
            isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+")
        }
        func isDomain(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") }
        for at in bytes.indices where bytes[at] == UInt8(ascii: "@") {
            var start = at
            while start > 0, isLocal(bytes[start - 1]) { start -= 1 }
            var end = at + 1
            while end < bytes.count, isDomain(bytes[end]) { end += 1 }
            while end > at + 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
            guard start < at, end > at + 1, bytes[(at + 1)..<end].contains(UInt8(ascii: ".")) else { continue }
            let subject = Array("?subject=".utf8)
            if end + subject.count <= bytes.count, bytes[end..<(end + subject.count)].elementsEqual(subject) {
                var tail = end + subject.count
                while tail < bytes.count, bytes[tail] != 0x20, bytes[tail] != 0x09, bytes[tail] != 0x0A { tail += 1 }
                end = tail
            }
            return start..<end
        }
        return nil
    }
}
