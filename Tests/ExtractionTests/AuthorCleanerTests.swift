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
    ])
    func cleans(_ raw: String, _ expected: [String]) {
        #expect(AuthorCleaner.clean([raw], siteName: nil) == expected)
    }

    @Test func dropsSiteNameAndDuplicates() {
        #expect(AuthorCleaner.clean(["Harbour Post", "Jane Doe", "jane doe"], siteName: "Harbour Post") == ["Jane Doe"])
    }
}
