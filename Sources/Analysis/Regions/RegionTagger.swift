/// Finds the countries and UN M49 regions an article is about.
///
/// Names, other names, demonyms, capitals and large cities are matched longest first as proper
/// names (capitalized in the text). Each mention adds its weight (names 1, demonyms 0.6,
/// capitals 0.7, cities 0.5, weak names such as "American" or "Washington" 0.3) times its
/// place: ×3 in the title, ×2 in the lead paragraph. Ambiguous names go through `PlaceContext`.
/// A country is reported when it weighs at least `minimumScore` or `minimumShare` of the
/// strongest; each reported country adds its score to its region, sub-region and intermediate
/// region.
public struct RegionTagger: Sendable {
    /// The gazetteer in use.
    public let gazetteer: Gazetteer
    /// Weight from which a country is reported whatever the others weigh.
    public var minimumScore: Double
    /// Share of the strongest country's weight from which a country is reported.
    public var minimumShare: Double
    private let index: GazetteerIndex

    /// A tagger over `gazetteer` (the bundled one by default).
    public init(gazetteer: Gazetteer = .bundled, minimumScore: Double = 1.0, minimumShare: Double = 0.2) {
        self.gazetteer = gazetteer
        self.minimumScore = minimumScore
        self.minimumShare = minimumShare
        index = GazetteerIndex(gazetteer)
    }

    /// The countries and regions of an article with this title and text.
    public func tag(title: String, text: String) -> RegionTagging {
        let tokens =
            PlaceTokenizer.tokens(of: title, zone: 0, splitsLead: false)
            + PlaceTokenizer.tokens(of: text, zone: 1, splitsLead: true)
        var context = PlaceContext(tokens: tokens)
        var weights: [String: Double] = [:]
        var mentions: [String: Int] = [:]
        var position = 0
        while position < tokens.count {
            guard let entry = index.longestMatch(in: tokens, at: position) else {
                position += 1
                continue
            }
            if let (code, weight) = context.resolve(entry, at: position),
                gazetteer.countries[code] != nil
            {
                let place: Double = [3, 2, 1][min(tokens[position].zone, 2)]
                weights[code, default: 0] += weight * place
                mentions[code, default: 0] += 1
            }
            position += entry.keys.count
        }
        return tagging(weights: weights, mentions: mentions)
    }

    private func tagging(weights: [String: Double], mentions: [String: Int]) -> RegionTagging {
        let top = weights.values.max() ?? 0
        let kept = weights.filter { $0.value >= minimumScore || $0.value >= top * minimumShare }
        let countries = kept.compactMap { code, weight -> RegionTagging.CountryScore? in
            guard let country = gazetteer.countries[code] else { return nil }
            return RegionTagging.CountryScore(
                code: code, name: country.name, mentions: mentions[code] ?? 0, score: rounded(weight / top))
        }
        .sorted { ($0.score, $1.code) > ($1.score, $0.code) }

        var regionWeights: [String: Double] = [:]
        for (code, weight) in kept {
            for id in gazetteer.countries[code]?.regionIDs ?? [] { regionWeights[id, default: 0] += weight }
        }
        let topRegion = regionWeights.values.max() ?? 1
        let regions = regionWeights.compactMap { id, weight -> RegionTagging.RegionScore? in
            guard let region = gazetteer.regions[id] else { return nil }
            return RegionTagging.RegionScore(id: id, name: region.name, score: rounded(weight / topRegion))
        }
        .sorted { ($0.score, $1.id) > ($1.score, $0.id) }
        return RegionTagging(countries: countries, regions: regions)
    }

    private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
