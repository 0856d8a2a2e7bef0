/// Abbreviations whose period usually does not end a sentence, in three classes.
public struct Abbreviations: Sendable, Hashable {
    /// Words written before a name or number ("Mr", "Dr", "St", "Gen"): never the end of a sentence.
    public let titles: Set<String>
    /// Words that do not end a sentence when a number follows ("No. 5", "Feb. 19").
    public let beforeNumbers: Set<String>
    /// Other abbreviations ("Inc", "etc", "vs"): a sentence ends after them only when the next
    /// word is a common sentence opener ("The", "He").
    public let others: Set<String>

    /// Creates a set of abbreviations; all words are lower-cased and written without their period.
    public init(titles: Set<String>, beforeNumbers: Set<String>, others: Set<String>) {
        self.titles = Set(titles.map { $0.lowercased() })
        self.beforeNumbers = Set(beforeNumbers.map { $0.lowercased() })
        self.others = Set(others.map { $0.lowercased() })
    }

    /// The built-in English abbreviations (`Resources/abbreviations-en.txt`).
    public static let english: Abbreviations = {
        var classes: [String: Set<String>] = [:]
        for line in ResourceText.lines(named: "abbreviations-en") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            let words = line[line.index(after: colon)...].split(separator: " ").map(String.init)
            classes[key, default: []].formUnion(words)
        }
        return Abbreviations(
            titles: classes["title"] ?? [],
            beforeNumbers: classes["number"] ?? [],
            others: classes["other"] ?? []
        )
    }()
}
