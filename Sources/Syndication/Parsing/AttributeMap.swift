/// The attributes of one start tag by normalized name (`href`, `xml:lang`, `rdf:about`): a
/// handful at most, so a list searched from the start beats a dictionary, which would be
/// allocated and hashed for every tag.
struct AttributeMap {
    private var pairs: [(name: String, value: String)] = []

    /// True when the tag has no attributes.
    var isEmpty: Bool { pairs.isEmpty }

    /// The value of `name`; setting a name again replaces its value (the last one wins), nil
    /// removes it.
    subscript(name: String) -> String? {
        get {
            for pair in pairs where pair.name == name { return pair.value }
            return nil
        }
        set {
            let index = pairs.firstIndex { $0.name == name }
            switch (index, newValue) {
            case (let index?, let value?): pairs[index].value = value
            case (let index?, nil): pairs.remove(at: index)
            case (nil, let value?): pairs.append((name, value))
            case (nil, nil): break
            }
        }
    }

    mutating func reserveCapacity(_ count: Int) {
        pairs.reserveCapacity(count)
    }

    /// The attributes as a dictionary, for the model types that keep them.
    var dictionary: [String: String] {
        var result: [String: String] = [:]
        result.reserveCapacity(pairs.count)
        for pair in pairs { result[pair.name] = pair.value }
        return result
    }
}
