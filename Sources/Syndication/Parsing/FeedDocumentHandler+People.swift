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
        guard text.utf8.contains(UInt8(ascii: "@")), let range = emailRange(in: text) else { return FeedPerson(name: text) }
        let email = String(text[range])
        var name = text.replacingCharacters(in: range, with: "")
        for junk in ["()", "<>", "&lt;&gt;"] { name = name.replacingOccurrences(of: junk, with: "") }
        name = name.trimmingWhitespace()
        if name.hasPrefix("(") { name.removeFirst() }
        if name.hasSuffix(")") { name.removeLast() }
        name = name.trimmingWhitespace()
        return FeedPerson(name: name.isEmpty ? nil : name, email: email)
    }

    /// The first e-mail address in a text (optionally followed by `?subject=…`).
    static func emailRange(in text: String) -> Range<String.Index>? {
        let characters = Array(text.unicodeScalars)
        func isLocal(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.+".unicodeScalars.contains(scalar))
        }
        func isDomain(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ".")
        }
        for at in characters.indices where characters[at] == "@" {
            var start = at
            while start > 0, isLocal(characters[start - 1]) { start -= 1 }
            var end = at + 1
            while end < characters.count, isDomain(characters[end]) { end += 1 }
            while end > at + 1, characters[end - 1] == "." { end -= 1 }
            guard start < at, end > at + 1, characters[(at + 1)..<end].contains(".") else { continue }
            if end < characters.count, characters[end] == "?" {
                var tail = end + 1
                while tail < characters.count, !characters[tail].properties.isWhitespace { tail += 1 }
                if characters[end...].starts(with: "?subject=".unicodeScalars) { end = tail }
            }
            let scalars = text.unicodeScalars
            let lower = scalars.index(scalars.startIndex, offsetBy: start)
            let upper = scalars.index(scalars.startIndex, offsetBy: end)
            return lower..<upper
        }
        return nil
    }
}
