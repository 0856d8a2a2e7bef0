/// Context rules for names that are not always places: Georgia (country or US state), Jordan
/// and Chad (first names), Turkey (the bird), Congo (which Congo), Paris and Sydney (people),
/// Washington (a person, a newspaper, the state).
struct PlaceContext: Sendable {
    /// The article's tokens (title and text).
    private let tokens: [PlaceToken]
    /// Every folded word of the article: made the first time a name needs its cues.
    private var words: Set<String>?

    init(tokens: [PlaceToken]) {
        self.tokens = tokens
    }

    /// The country a match stands for and its weight, or `nil` when it is no place here.
    mutating func resolve(_ entry: GazetteerEntry, at position: Int) -> (code: String, weight: Double)? {
        let end = position + entry.keys.count
        let previous = position > 0 ? tokens[position - 1] : nil
        let next = end < tokens.count ? tokens[end] : nil
        let previousIsName = previous.map { $0.isCapitalized && !Self.placePrefixes.contains($0.key) } ?? false
        let nextIsName = next.map { $0.isCapitalized && !$0.isSentenceInitial && !$0.isAllCaps && $0.zone == tokens[position].zone } ?? false
        let nextIsSpeechVerb = next.map { Self.speechVerbs.contains($0.key) } ?? false

        switch (entry.kind, entry.keys.first ?? "") {
        case (.regionPhrase, _):
            return nil
        case (.ambiguous, "georgia"), (.ambiguousDemonym, "georgian"):
            if has(Self.georgiaCountryCues) { return ("GE", entry.weight) }
            if has(Self.georgiaStateCues) || nextIsName { return ("US", entry.weight * 0.5) }
            return ("GE", entry.weight * 0.6)
        case (.ambiguous, "jordan"):
            if previousIsName || nextIsName { return nil }
            if has(Self.jordanCountryCues) { return ("JO", entry.weight) }
            if nextIsSpeechVerb || has(Self.sportCues) { return nil }
            return ("JO", entry.weight * 0.8)
        case (.ambiguous, "chad"):
            if previousIsName || nextIsName { return nil }
            if has(Self.chadCountryCues) { return ("TD", entry.weight) }
            if nextIsSpeechVerb { return nil }
            return ("TD", entry.weight * 0.8)
        case (.ambiguous, "turkey"):
            if has(Self.turkeyCountryCues) { return ("TR", entry.weight) }
            if has(Self.turkeyFoodCues) { return nil }
            return ("TR", entry.weight)
        case (.ambiguous, "congo"), (.ambiguousDemonym, "congolese"):
            if has(Self.brazzavilleCues) && !has(Self.kinshasaCues) { return ("CG", entry.weight) }
            return ("CD", entry.weight)
        case (.ambiguousCity, _):
            if previousIsName { return nil }
            if nextIsName, let next, !Self.cityContinuations.contains(next.key) { return nil }
            return (entry.code, entry.weight)
        case (_, "washington"):
            if previousIsName { return nil }
            if nextIsName, let next, !["dc", "d", "state"].contains(next.key) { return nil }
            return (entry.code, entry.weight)
        case (_, "america"):
            if previousIsName { return nil }
            return (entry.code, entry.weight)
        default:
            if entry.kind == .city || entry.kind == .capital, previousIsName, entry.keys.count == 1 { return nil }
            return (entry.code, entry.weight)
        }
    }

    private mutating func has(_ cues: Set<String>) -> Bool {
        if words == nil { words = Set(tokens.map(\.key)) }
        return !cues.isDisjoint(with: words!)
    }

    private static let placePrefixes: Set<String> = [
        "in", "of", "from", "to", "king", "queen", "president", "prime", "minister", "kingdom", "republic",
        "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "new",
        "greater", "upper", "lower", "the", "and", "mr", "ms", "mrs", "dr", "lake", "river", "mount",
        "visiting", "neighbouring", "neighboring", "across", "both", "while", "after", "before", "when",
        "as", "for", "with", "by", "on", "at", "but", "meanwhile", "inside", "outside", "across", "like",
    ]
    private static let speechVerbs: Set<String> = [
        "said", "says", "told", "scored", "added", "wrote", "tweeted", "insisted", "laughed", "smiled",
        "joined", "signed", "played", "admitted", "replied", "explained", "recalled", "is", "was",
    ]
    private static let cityContinuations: Set<String> = [
        "saint", "club", "agreement", "accord", "accords", "olympics", "games", "airport", "opera",
        "metro", "harbour", "harbor", "conference", "summit", "peace", "climate", "fashion", "marathon",
        "police", "city", "fc", "morning", "stock", "exchange", "prosecutors", "court", "mayor",
    ]
    private static let georgiaCountryCues: Set<String> = [
        "tbilisi", "caucasus", "abkhazia", "ossetia", "saakashvili", "kobakhidze", "zourabichvili",
        "batumi", "kutaisi", "ivanishvili", "lari", "kavelashvili", "gharibashvili",
    ]
    private static let georgiaStateCues: Set<String> = [
        "atlanta", "savannah", "augusta", "macon", "kemp", "warnock", "ossoff", "raffensperger",
        "bulldogs", "braves", "fulton", "county", "peach", "gwinnett", "alabama", "florida", "carolina",
        "tennessee", "republican", "republicans", "democrat", "democrats", "gop",
    ]
    private static let jordanCountryCues: Set<String> = [
        "amman", "jordanian", "jordanians", "hashemite", "abdullah", "aqaba", "rania", "petra",
    ]
    private static let sportCues: Set<String> = [
        "nba", "bulls", "basketball", "dunk", "sneakers", "nike", "nfl", "quarterback", "touchdown",
    ]
    private static let chadCountryCues: Set<String> = [
        "ndjamena", "n", "djamena", "chadian", "chadians", "sahel", "deby", "mahamat", "sudanese",
    ]
    private static let turkeyCountryCues: Set<String> = [
        "ankara", "istanbul", "turkish", "erdogan", "lira", "kurdish", "turkiye", "anatolia", "izmir",
        "bosphorus", "nato",
    ]
    private static let turkeyFoodCues: Set<String> = [
        "thanksgiving", "roast", "roasted", "stuffing", "gravy", "dinner", "recipe", "feathers", "bird",
        "birds", "poultry", "farm", "oven", "cranberry", "sandwich", "turkeys", "pardon", "pardoned",
        "gobble", "christmas", "carving", "hunters", "hunting",
    ]
    private static let brazzavilleCues: Set<String> = ["brazzaville", "sassou", "nguesso", "pointe", "noire"]
    private static let kinshasaCues: Set<String> = [
        "kinshasa", "goma", "kivu", "tshisekedi", "kabila", "drc", "m23", "katanga", "lubumbashi", "ituri",
    ]
}
