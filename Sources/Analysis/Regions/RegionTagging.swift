/// The countries and regions an article is about, strongest first.
public struct RegionTagging: Sendable, Equatable, Codable {
    /// A country and how strongly the article is about it.
    public struct CountryScore: Sendable, Equatable, Codable {
        /// ISO 3166 alpha-2 code, upper case ("CU").
        public var code: String
        /// Everyday English name.
        public var name: String
        /// Number of mentions (names, demonyms, capitals, cities).
        public var mentions: Int
        /// Score relative to the strongest country (1 for it).
        public var score: Double

        /// The region id of the country: its lower-cased code ("cu").
        public var id: String { code.lowercased() }
    }

    /// An M49 region and how strongly the article is about it.
    public struct RegionScore: Sendable, Equatable, Codable {
        /// Slug id ("caribbean").
        public var id: String
        /// M49 name.
        public var name: String
        /// Score relative to the strongest region (1 for it).
        public var score: Double
    }

    /// Countries, strongest first.
    public var countries: [CountryScore]
    /// Regions, sub-regions and intermediate regions, strongest first.
    public var regions: [RegionScore]

    /// A tagging.
    public init(countries: [CountryScore], regions: [RegionScore]) {
        self.countries = countries
        self.regions = regions
    }
}
