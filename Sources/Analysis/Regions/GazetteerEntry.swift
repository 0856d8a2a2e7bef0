/// One name the gazetteer knows: a phrase (as lookup keys) that points to a country.
public struct GazetteerEntry: Sendable, Equatable {
    /// How the name relates to its country; ambiguous kinds go through context rules.
    public enum Kind: String, Sendable {
        /// The country's name or a usual short form.
        case name
        /// Another name or spelling.
        case alt
        /// An adjective or people word ("Cuban").
        case demonym
        /// The capital city.
        case capital
        /// A large city.
        case city
        /// A name that is also a person, a US state or a word (Georgia, Jordan, Chad, Turkey, Congo).
        case ambiguous
        /// A demonym with the same ambiguity (Georgian, Congolese).
        case ambiguousDemonym = "ambiguous-demonym"
        /// A city name that is also a first name (Paris, Sydney).
        case ambiguousCity = "ambiguous-city"
        /// A phrase naming a region rather than a country ("Latin America"): matched, counted nowhere.
        case regionPhrase = "region-phrase"
    }

    /// The phrase as written in the gazetteer.
    public var phrase: String
    /// Its lookup keys (folded words and hyphens).
    public var keys: [String]
    /// The ISO 3166 alpha-2 code, upper case ("-" for region phrases).
    public var code: String
    /// What kind of name it is.
    public var kind: Kind
    /// Its weight per mention (country names 1; demonyms, capitals, cities less).
    public var weight: Double
    /// True when the phrase is an all-capitals abbreviation that must be written so (US, UK).
    public var requiresCapitals: Bool
}
