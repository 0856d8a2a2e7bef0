import Foundation

/// Countries, UN M49 regions and the names that point to them, read from the bundled
/// `gazetteer.tsv` (built by `scripts/build_gazetteer.py`; sources in docs/gazetteer.md).
public struct Gazetteer: Sendable {
    /// A UN M49 region, sub-region or intermediate region.
    public struct Region: Sendable, Equatable {
        /// Slug of the M49 name ("latin-america-and-the-caribbean").
        public var id: String
        /// The M49 name.
        public var name: String
        /// "region", "sub-region" or "intermediate-region".
        public var level: String
    }

    /// An ISO 3166 country or territory and the regions containing it.
    public struct Country: Sendable, Equatable {
        /// Alpha-2 code, upper case ("CU"); its region id is the lower-cased code.
        public var code: String
        /// Everyday English name.
        public var name: String
        /// Region ids from the broadest: region, sub-region, intermediate region (when present).
        public var regionIDs: [String]
    }

    /// Regions by id.
    public let regions: [String: Region]
    /// Countries by upper-case alpha-2 code.
    public let countries: [String: Country]
    /// Every name.
    public let entries: [GazetteerEntry]

    /// Parses gazetteer TSV text.
    public init(tsv: String) {
        var regions: [String: Region] = [:]
        var countries: [String: Country] = [:]
        var entries: [GazetteerEntry] = []
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch cells.first {
            case "R" where cells.count >= 4:
                regions[cells[1]] = Region(id: cells[1], name: cells[2], level: cells[3])
            case "C" where cells.count >= 6:
                countries[cells[1]] = Country(
                    code: cells[1], name: cells[2], regionIDs: cells[3...5].filter { !$0.isEmpty })
            case "N" where cells.count >= 5:
                guard let kind = GazetteerEntry.Kind(rawValue: cells[3]) else { continue }
                let letters = cells[1].filter(\.isLetter)
                entries.append(
                    GazetteerEntry(
                        phrase: cells[1], keys: PlaceTokenizer.keys(of: cells[1]), code: cells[2], kind: kind,
                        weight: Double(cells[4]) ?? 1,
                        requiresCapitals: letters.count <= 4 && letters.allSatisfy(\.isUppercase)))
            default:
                continue
            }
        }
        self.regions = regions
        self.countries = countries
        self.entries = entries.filter { !$0.keys.isEmpty }
    }

    /// The gazetteer shipped with the package.
    public static let bundled: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "gazetteer", withExtension: "tsv", subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return Gazetteer(tsv: "") }
        return Gazetteer(tsv: text)
    }()
}
