import Foundation
import Testing

@testable import Analysis

@Suite struct RegionTaggerTests {
    let tagger = RegionTagger()

    func codes(_ title: String, _ text: String = "") -> [String] {
        tagger.tag(title: title, text: text).countries.map(\.code)
    }

    @Test func seedArticleGivesCubaAndRussiaThenVenezuela() throws {
        let lines = try FixtureFile.text("lavrov-in-cuba.txt").split(separator: "\n").map(String.init)
        let title = try #require(lines.first)
        let paragraphs = lines.filter { $0.count > 200 }
        #expect(paragraphs.count == 5)
        let tagging = tagger.tag(title: title, text: paragraphs.joined(separator: "\n\n"))
        #expect(tagging.countries.map(\.code) == ["CU", "RU", "VE"])
        let regions = Set(tagging.regions.map(\.id))
        for id in ["caribbean", "latin-america-and-the-caribbean", "americas", "eastern-europe", "europe"] {
            #expect(regions.contains(id))
        }
        #expect(tagging.regions.first.map { ["latin-america-and-the-caribbean", "americas"].contains($0.id) } == true)
        #expect(tagging.countries.first?.id == "cu")
    }

    static let ambiguityCases: [(String, String, [String])] = [
        ("Protests in Georgia", "Police in Tbilisi dispersed crowds near the parliament.", ["GE"]),
        ("Georgia election", "Polls closed in Atlanta as the Republican candidate led the count.", ["US"]),
        ("Michael Jordan buys team", "Michael Jordan agreed to buy a stake in the team.", []),
        ("King visits Jordan", "The king arrived in Amman for talks with Jordanian officials.", ["JO"]),
        ("Chad Johnson retires", "Chad Johnson announced his retirement on Monday.", []),
        ("Roast turkey tips", "Turkey needs a hot oven and plenty of gravy for Thanksgiving dinner.", []),
        ("Turkey central bank", "Turkey's central bank in Ankara cut rates.", ["TR"]),
        ("Niger coup", "Soldiers seized power in Niger.", ["NE"]),
        ("Nigeria fuel", "Fuel prices rose in Nigeria.", ["NG"]),
        ("Nice weather", "It was a nice day for Reading in the park.", []),
        ("Latin American summit", "Latin American and South American leaders met.", []),
        ("Papua New Guinea vote", "Papua New Guinea held elections.", ["PG"]),
        ("Guinea-Bissau crisis", "Troops were deployed in Guinea-Bissau.", ["GW"]),
        ("Dominica storm", "The storm hit Dominica.", ["DM"]),
        ("Dominican Republic tourism", "Visitors flocked to the Dominican Republic.", ["DO"]),
        ("Congo fighting", "Rebels advanced on Goma in eastern Congo.", ["CD"]),
        ("Congo election", "Voters in Brazzaville backed Sassou Nguesso in Congo.", ["CG"]),
        ("Russia's budget", "Russia's parliament approved the budget.", ["RU"]),
        ("South Africa votes", "South Africa went to the polls.", ["ZA"]),
        ("New York rally", "Crowds gathered in New York.", ["US"]),
        ("Paris Hilton DJ set", "Paris Hilton played a set in Madrid.", ["ES"]),
        ("Washington Post hires editor", "The Washington Post named a new editor.", []),
        ("US and UK sanctions", "The US and the UK announced sanctions.", ["GB", "US"]),
        ("Protesters tell us", "They told us the march would go on.", []),
        ("Türkiye talks", "Türkiye hosted the talks.", ["TR"]),
    ]

    @Test(arguments: ambiguityCases)
    func resolvesAmbiguousNames(title: String, text: String, expected: [String]) {
        #expect(codes(title, text).sorted() == expected.sorted())
    }

    @Test func titleMentionsOutweighBodyMentions() {
        let tagging = tagger.tag(title: "France", text: "Markets were calm.\nTalks also touched on Spain and Spain again.")
        #expect(tagging.countries.first?.code == "FR")
    }

    @Test func countriesFeedTheirRegions() throws {
        let tagging = tagger.tag(title: "Cuba", text: "")
        #expect(tagging.regions.map(\.id).sorted() == ["americas", "caribbean", "latin-america-and-the-caribbean"])
        let cuba = try #require(tagging.countries.first)
        #expect(cuba.mentions == 1 && cuba.score == 1)
    }

    @Test func weakMentionsAloneAreDropped() {
        #expect(codes("Talks in Havana", "Washington was watching closely.") == ["CU"])
    }

    @Test func gazetteerHasAllCountriesAndRegions() {
        let gazetteer = Gazetteer.bundled
        #expect(gazetteer.countries.count == 249)
        #expect(gazetteer.regions["latin-america-and-the-caribbean"]?.name == "Latin America and the Caribbean")
        #expect(gazetteer.countries["RU"]?.regionIDs == ["europe", "eastern-europe"])
    }

    struct Labelled: Decodable {
        var title: String
        var text: String
        var countries: [String]
    }

    @Test func countryF1OnLabelledNewsIsAtLeast085() throws {
        let lines = try FixtureFile.text("labelled-regions.jsonl").split(separator: "\n")
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        for line in lines {
            let item = try JSONDecoder().decode(Labelled.self, from: Data(line.utf8))
            let predicted = Set(codes(item.title, item.text))
            let gold = Set(item.countries)
            truePositives += predicted.intersection(gold).count
            falsePositives += predicted.subtracting(gold).count
            falseNegatives += gold.subtracting(predicted).count
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        let f1 = 2 * precision * recall / max(1e-9, precision + recall)
        #expect(lines.count >= 30)
        #expect(f1 >= 0.85, "country F1 \(f1)")
    }
}
