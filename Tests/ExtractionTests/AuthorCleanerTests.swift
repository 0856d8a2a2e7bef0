import Testing

@testable import Extraction

@Suite("Authors")
struct AuthorCleanerTests {
    @Test(arguments: [
        ("By Jane Doe", ["Jane Doe"]),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe, John Roe & Mia Wong", ["Jane Doe", "John Roe", "Mia Wong"]),
        ("Written by Jane Doe | March 5, 2024", ["Jane Doe"]),
        ("By JANE DOE - Updated 10:00 AM", ["JANE DOE"]),
        ("Dylan Bailey, MS, RD", ["Dylan Bailey, MS, RD"]),
        ("https://www.facebook.com/janedoe", []),
        ("jane@example.com", []),
        ("Staff Writer", []),
        // A team or desk is the author when no person is named; beside a name it is a role.
        ("TOI Lifestyle Desk", ["TOI Lifestyle Desk"]),
        ("By The Upwork Team", ["The Upwork Team"]),
        ("Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Rachel MacDonald Writer", ["Rachel MacDonald"]),
        ("Zackery Cuevas Writer, Hardware", ["Zackery Cuevas"]),
        // A "name, affiliation" template left without its name.
        (", USA TODAY", []),
        // From a job title after a name on, the rest is the title's; a title alone stays.
        ("Paul Frew, Home and Digital Security Expert", ["Paul Frew"]),
        ("Matt Check, Co-Founder", ["Matt Check"]),
        ("Danielle Padula, Head of Marketing & Community Development", ["Danielle Padula"]),
        ("Our Editors", ["Our Editors"]),
        ("Sönke Hahn, and Julian K. Arni", ["Sönke Hahn", "Julian K. Arni"]),
        ("Reviewed by Justin C. Meserole", ["Justin C. Meserole"]),
        ("About the Author", []),
        ("Share", []),
        ("byClemson News", ["Clemson News"]),
        ("By", []),
        // A date or a number right after the name, with no separator between them.
        ("By Sofia Gonzalez December 2, 2025", ["Sofia Gonzalez"]),
        ("Luke KimDecember 2, 2025", ["Luke Kim"]),
        ("Jane Doe 3 min read", ["Jane Doe"]),
        ("Theresa May", ["Theresa May"]),
        // What a CMS writes where no author was set.
        ("admin", []),
        ("undefined", []),
        ("Webmaster", []),
    ])
    func cleans(_ raw: String, _ expected: [String]) {
        #expect(AuthorCleaner.clean([raw], siteName: nil) == expected)
    }

    /// What the metadata states is taken as written: a name in lower case or a user name.
    /// Read off the page, such text is more often a phrase.
    @Test func statedNamesAreTakenAsWritten() {
        #expect(AuthorCleaner.clean(["kirstin boatto"], siteName: nil, stated: true) == ["kirstin boatto"])
        #expect(AuthorCleaner.clean(["sara.r.peter"], siteName: nil, stated: true) == ["sara.r.peter"])
        #expect(AuthorCleaner.clean(["kirstin boatto"], siteName: nil) == [])
        #expect(AuthorCleaner.clean(["sara.r.peter"], siteName: nil) == [])
        #expect(AuthorCleaner.clean(["learn more about our team"], siteName: nil, stated: true) == [])
    }

    @Test func dropsSiteNameAndDuplicates() {
        #expect(AuthorCleaner.clean(["Harbour Post", "Jane Doe", "jane doe"], siteName: "Harbour Post") == ["Jane Doe"])
    }
}
