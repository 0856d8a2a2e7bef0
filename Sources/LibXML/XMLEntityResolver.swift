internal import CLibXML2

/// Owns the entities a streaming parse hands to libxml2: those the document declares in its
/// internal subset, and the HTML ones feeds use without declaring. Bounds their expansion.
final class XMLEntityResolver {
    /// What to do about one entity reference.
    enum Outcome {
        case entity(xmlEntityPtr)
        /// The first reference past the budget; it expands to nothing, as do all later ones.
        case overBudget(String)
    }

    /// The entity every over-budget reference expands to: no text at all.
    func emptyEntity() -> xmlEntityPtr? {
        if case .entity(let empty)? = entity(named: "\u{0}exhausted", content: []) { return empty }
        return nil
    }

    private let options: XMLParseOptions
    private var entities: [String: xmlEntityPtr] = [:]
    private var declared: [String: [UInt8]] = [:]
    private var expandedLength: [String: Int] = [:]
    private var totalExpanded = 0
    /// Names resolved as HTML entities, and names nothing defines: each a reportable problem.
    private(set) var htmlResolved: Set<String> = []
    private(set) var undefined: Set<String> = []

    init(options: XMLParseOptions) {
        self.options = options
    }

    deinit {
        for entity in entities.values { tributary_freeTextEntity(entity) }
    }

    /// Set once an expansion went past the budget: from then on every declared entity expands
    /// to nothing, so the rest of the document is still read without the blow-up.
    private(set) var exhausted = false

    /// Records an internal general entity the document declares; other kinds are ignored
    /// (external entities are never loaded).
    func declare(name: String, content: [UInt8]) {
        guard declared[name] == nil else { return }  // XML: the first declaration wins
        declared[name] = content
        expandedLength[name] = measureExpansion(of: content)
    }

    /// The entity for a reference, creating it on first use.
    func resolve(_ name: String) -> Outcome? {
        if let content = declared[name] {
            if exhausted { return entity(named: "\u{0}exhausted", content: []) }
            let length = expandedLength[name] ?? content.count
            totalExpanded += content.count
            if length > options.entityExpansionLimit || totalExpanded > options.entityExpansionLimit {
                exhausted = true
                return .overBudget(name)
            }
            return entity(named: name, content: content)
        }
        if options.resolveHTMLEntities, let scalar = Self.htmlEntity(named: name) {
            htmlResolved.insert(name)
            return entity(named: name, content: Array(String(Character(scalar)).utf8))
        }
        undefined.insert(name)
        // Kept as literal text: the reference's own characters, escaped for the inner parse.
        return entity(named: name, content: Array("&amp;\(name);".utf8))
    }

    /// The text an entity name stands for when it appears literally in an attribute value.
    func replacementText(for name: String) -> String? {
        if let content = declared[name] { return String(decoding: content, as: UTF8.self) }
        if options.resolveHTMLEntities, let scalar = Self.htmlEntity(named: name) {
            return String(Character(scalar))
        }
        return nil
    }

    private func entity(named name: String, content: [UInt8]) -> Outcome? {
        if let existing = entities[name] { return .entity(existing) }
        let made: xmlEntityPtr? = name.withCString { namePointer in
            (content + [0]).withUnsafeBufferPointer { contentPointer in
                namePointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { nameChars in
                    tributary_newTextEntity(nameChars, contentPointer.baseAddress)
                }
            }
        }
        guard let made else { return nil }
        made.pointee.etype = XML_INTERNAL_GENERAL_ENTITY
        made.pointee.checked = content.contains(UInt8(ascii: "<")) ? 3 : 2
        entities[name] = made
        return .entity(made)
    }

    /// Length of `content` once every reference to an already declared entity is expanded,
    /// computed without building the text (so a billion laughs costs nothing to measure).
    private func measureExpansion(of content: [UInt8]) -> Int {
        var length = 0
        var index = 0
        while index < content.count {
            if content[index] == UInt8(ascii: "&"), let end = content[index...].firstIndex(of: UInt8(ascii: ";")),
                end > index + 1, content[index + 1] != UInt8(ascii: "#")
            {
                let name = String(decoding: content[(index + 1)..<end], as: UTF8.self)
                length += expandedLength[name] ?? (end - index + 1)
                if length > Int.max / 4 { return Int.max / 4 }
                index = end + 1
            } else {
                length += 1
                index += 1
            }
        }
        return length
    }

    /// An HTML 4 entity, looked up in libxml2's own table.
    static func htmlEntity(named name: String) -> Unicode.Scalar? {
        guard
            let description = name.withCString({ pointer in
                pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { htmlEntityLookup($0) }
            })
        else { return nil }
        return Unicode.Scalar(description.pointee.value)
    }
}
