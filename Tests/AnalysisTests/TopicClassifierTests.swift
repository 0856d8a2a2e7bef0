import Foundation
import Testing

@testable import Analysis

@Suite("Topics")
struct TopicClassifierTests {
    static let classifier = TopicClassifier()

    static let samples: [(String, String, String)] = [
        (
            "politics", "Prime minister faces rebellion over reform bill",
            "Dozens of backbench MPs threatened to vote against the government as the opposition leader called for a general election. Ministers insisted the party remained united."
        ),
        (
            "diplomacy", "Foreign ministers meet for talks on border dispute",
            "The two countries' foreign ministers held talks at the summit, and ambassadors said a treaty could be signed. The United Nations envoy welcomed the diplomatic progress."
        ),
        (
            "conflict", "Troops advance as fighting intensifies",
            "Soldiers backed by tanks and air strikes pushed into the city, and rebel militants fired rockets at army positions. The ceasefire collapsed after a week of shelling."
        ),
        (
            "economy", "Inflation falls as central bank holds interest rates",
            "Consumer prices rose 2.1% in the year, and economists expect GDP growth to slow. The central bank kept interest rates unchanged amid fears of recession."
        ),
        (
            "business", "Retailer's profits jump after takeover",
            "The company's shares rose 8% after it reported pre-tax profits of £210m. The chief executive said the merger had lifted sales, and shareholders will receive a higher dividend."
        ),
        (
            "technology", "New smartphone software fixes security flaw",
            "The update to the operating system patches a vulnerability that hackers used to install malware on handsets. Users are urged to download it from the app store."
        ),
        (
            "science", "Astronomers find water on distant exoplanet",
            "Scientists using a space telescope detected water vapour in the planet's atmosphere. The findings, published in the journal Nature, suggest the galaxy holds many such worlds."
        ),
        (
            "health", "Hospital waiting lists reach record high",
            "Patients are waiting months for surgery, doctors warned, as the health service struggles with a flu outbreak. Nurses said wards were full and cancer treatment was delayed."
        ),
        (
            "environment", "Rainforest loss threatens endangered species",
            "Deforestation and pollution are destroying habitats, conservationists said. Greenhouse gas emissions from clearing the forests add to climate change, and wildlife is declining."
        ),
        (
            "energy", "Oil prices climb as OPEC cuts output",
            "Crude oil rose above $90 a barrel after the cartel cut production. Petrol and electricity prices are expected to follow, while refineries and power stations face higher fuel costs."
        ),
        (
            "sport", "United beat rivals to reach cup final",
            "The striker scored twice in the second half as the home side won 3-1 in the semi-final. The manager praised his squad, and the goalkeeper saved a penalty before the referee sent off a defender."
        ),
        (
            "culture", "Director's new film leads Oscar nominations",
            "The drama, starring two Hollywood actors, earned eight nominations including best actress. The film's soundtrack topped the album charts, and the premiere drew crowds at the box office."
        ),
        (
            "crime-and-justice", "Man jailed for murder after trial",
            "A jury found him guilty of murder and the judge sentenced him to life in prison. Detectives said the killer was arrested after police found the weapon; prosecutors welcomed the verdict."
        ),
        (
            "education", "Schools face teacher shortage as exam results improve",
            "Headteachers said pupils did better in GCSE exams this year, but classrooms lack teachers. Universities warned that tuition fees deter students from applying."
        ),
        (
            "disasters", "Earthquake kills hundreds as buildings collapse",
            "Rescue workers searched the rubble for survivors after the quake and its aftershocks. The death toll rose as emergency services evacuated villages hit by landslides."
        ),
        (
            "religion", "Pope calls for peace in Easter message",
            "Speaking from the Vatican, the Pope led prayers for Christians, Muslims and Jews. Bishops and priests from churches around the world joined the worship."
        ),
        (
            "lifestyle", "Chefs open restaurants in the city's fashion district",
            "Food lovers and tourists can try new recipes, wine and cocktails, while designers show clothes at fashion week. Hotels report a busy holiday season."
        ),
        (
            "weather", "Snow and gales forecast as temperatures plunge",
            "The Met Office issued an amber warning for heavy snow and icy roads. Forecasters expect gusts of 70mph, frost and freezing fog, with temperatures below zero."
        ),
        (
            "labour", "Rail workers strike over pay",
            "The trade union called a walkout after talks on wages and working conditions failed. Employers offered a pay rise but unions said staff faced job cuts and longer hours."
        ),
    ]

    @Test("classifies a short text per topic", arguments: samples)
    func classifiesShortTexts(_ expected: String, _ title: String, _ text: String) throws {
        let topics = Self.classifier.classify(title: title, text: text)
        let top = try #require(topics.first)
        #expect(top.id == expected, "\(topics.map { "\($0.id) \($0.score)" })")
    }

    @Test func scoresAreBetweenZeroAndOneAndSorted() {
        for (_, title, text) in Self.samples {
            let topics = Self.classifier.classify(title: title, text: text)
            #expect(topics.allSatisfy { $0.score > 0 && $0.score <= 1 })
            #expect(topics.map(\.score) == topics.map(\.score).sorted(by: >))
        }
    }

    @Test func titleCountsMoreThanBody() {
        let body = "The match was played after the budget was announced."
        #expect(Self.classifier.classify(title: "Budget tax rises", text: body).first?.id == "economy")
        #expect(Self.classifier.classify(title: "Cup final goals and penalty drama", text: body).first?.id == "sport")
    }

    @Test func isMultiLabel() {
        let topics = Self.classifier.classify(
            title: "Minister announces ban on football hooligans",
            text:
                "The government minister told MPs that police will arrest fans who break the law at stadiums, and courts will jail repeat offenders. The football league and clubs welcomed the plan."
        )
        let ids = Set(topics.map(\.id))
        #expect(ids.isSuperset(of: ["politics", "sport", "crime-and-justice"]))
    }

    @Test func unrelatedTextHasNoTopics() {
        #expect(Self.classifier.classify(title: "", text: "").isEmpty)
        #expect(Self.classifier.classify(title: "Hello", text: "The and of it was.").isEmpty)
    }

    @Test func builtInSetHasIPTCCodes() {
        let set = TopicSet.builtIn
        #expect(set.definitions.count >= 18)
        #expect(set["politics"]?.iptcCode == "medtop:11000000")
        #expect(set["sport"]?.iptcCode == "medtop:15000000")
        #expect(set.definitions.allSatisfy { $0.iptcCode?.hasPrefix("medtop:") == true })
        #expect(Set(set.definitions.map(\.id)).count == set.definitions.count)
    }

    @Test func configurationCanOverrideAndAddTopics() throws {
        let json = Data(
            """
            [{"id": "sport", "name": "Games", "keywords": [{"weight": 3, "terms": ["chess", "grandmaster"]}]},
             {"id": "space", "name": "Space", "iptc": "medtop:20000717", "keywords": [{"weight": 3, "terms": ["spaceport", "orbital launch"]}]}]
            """.utf8)
        let overrides = try TopicSet.definitions(fromJSON: json)
        let set = TopicSet(merging: overrides)
        #expect(set.definitions.count == TopicSet.builtIn.definitions.count + 1)
        #expect(set["sport"]?.name == "Games")
        let classifier = TopicClassifier(topics: set)
        #expect(classifier.classify(title: "Grandmaster wins chess title", text: "The grandmaster won at chess.").first?.id == "sport")
        #expect(classifier.classify(title: "Cup final goals", text: "The striker scored.").first?.id != "sport")
        #expect(classifier.classify(title: "Spaceport hosts orbital launch", text: "The orbital launch was delayed.").first?.id == "space")
    }

    @Test func configurationCanExtendATopic() {
        let extended = TopicSet.builtIn.extending([
            TopicDefinition(id: "sport", name: "ignored", keywords: [WeightedTerms(weight: 4, terms: ["quidditch"])])
        ])
        #expect(extended["sport"]?.name == "Sport")
        let topics = TopicClassifier(topics: extended).classify(title: "Quidditch", text: "Quidditch quidditch.")
        #expect(topics.first?.id == "sport")
    }

    @Test func theLeadCountsMoreThanLaterText() throws {
        let filler = Array(repeating: "alpha beta gamma delta", count: 20).joined(separator: " ")
        let early = "New software was shown. " + filler
        let late = filler + " New software was shown."
        let technology = try #require(TopicSet.builtIn.definitions.firstIndex { $0.id == "technology" })
        let classifier = Self.classifier
        #expect(classifier.evidence(title: "", text: early)[technology] > classifier.evidence(title: "", text: late)[technology])
        var flat = TopicClassifier()
        flat.leadWeight = 1
        #expect(flat.evidence(title: "", text: early)[technology] == flat.evidence(title: "", text: late)[technology])
    }

    @Test func capitalizedTermsMatchCaseSensitively() {
        let set = TopicSet([TopicDefinition(id: "party", name: "Party", keywords: [WeightedTerms(weight: 3, terms: ["Labour"])])])
        let classifier = TopicClassifier(topics: set)
        #expect(classifier.classify(title: "", text: "Labour won. Labour's plan.").first?.id == "party")
        #expect(classifier.classify(title: "", text: "labour costs and labour markets").isEmpty)
    }

    @Test func classifyingIsFast() throws {
        let text = try Fixture.text("article.txt")
        let long = Array(repeating: text, count: 6).joined(separator: "\n")
        _ = Self.classifier.classify(title: "Council budget", text: long)
        let elapsed = ContinuousClock().measure {
            for _ in 0..<50 { _ = Self.classifier.classify(title: "Council budget", text: long) }
        }
        // 50 long articles; generous so that debug builds on a busy machine pass.
        #expect(elapsed < .seconds(5))
    }
}
