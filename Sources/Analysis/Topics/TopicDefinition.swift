/// One topic: its id, name, IPTC Media Topic code, and the weighted words and phrases that
/// signal it. Topics are read from JSON (`Resources/topics.json`) and from the configuration.
public struct TopicDefinition: Sendable, Hashable, Codable {
    /// The stable slug used in feeds and on the command line ("crime-and-justice").
    public var id: String
    /// The name people read ("Crime and justice").
    public var name: String
    /// The IPTC Media Topic qcode ("medtop:02000000"), when the topic has one.
    public var iptcCode: String?
    /// The words and phrases that signal the topic, grouped by weight.
    public var keywords: [WeightedTerms]
    /// A multiplier of all the topic's evidence (default 1): below 1 for topics whose words
    /// often appear in passing in other news (courts, schools), above 1 to favour a topic.
    public var prior: Double

    /// Creates a topic definition.
    public init(id: String, name: String, iptcCode: String? = nil, keywords: [WeightedTerms], prior: Double = 1) {
        self.id = id
        self.name = name
        self.iptcCode = iptcCode
        self.keywords = keywords
        self.prior = prior
    }

    /// Decodes a definition; `iptc` and `prior` may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? id
        iptcCode = try container.decodeIfPresent(String.self, forKey: .iptcCode)
        keywords = try container.decodeIfPresent([WeightedTerms].self, forKey: .keywords) ?? []
        prior = try container.decodeIfPresent(Double.self, forKey: .prior) ?? 1
    }

    enum CodingKeys: String, CodingKey {
        case id, name, keywords, prior
        case iptcCode = "iptc"
    }
}

/// Words and phrases sharing one weight.
///
/// A term written all in lower case matches any capitalization and inflection ("election"
/// matches "Elections"); a term with capitals matches only that capitalization ("Labour",
/// "Oscars"). A term of several words is a phrase matched word by word.
public struct WeightedTerms: Sendable, Hashable, Codable {
    /// The evidence one occurrence of a term gives, typically 0.5 (weak) to 5 (decisive).
    public var weight: Double
    /// The words and phrases.
    public var terms: [String]

    /// Creates a group of terms with one weight.
    public init(weight: Double, terms: [String]) {
        self.weight = weight
        self.terms = terms
    }
}
