import Testing

/// One parsing expectation: an input string and the RFC 3339 UTC instant it denotes (or `nil`).
struct DateVector: Sendable, CustomTestStringConvertible {
    let input: String
    let expected: String?
    let note: String

    init(_ input: String, _ expected: String?, _ note: String = "") {
        self.input = input
        self.expected = expected
        self.note = note
    }

    var testDescription: String {
        let shown = input.debugDescription
        return note.isEmpty ? shown : "\(shown) — \(note)"
    }
}
