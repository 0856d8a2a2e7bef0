import FeedValidator
import Testing

/// Every test document under Fixtures/cases: the identifiers it expects are reported (or one
/// of their specialisations), the ones it forbids are not. Regenerate the documents with
/// `python3 scripts/make_validator_fixtures.py`.
@Suite("Validator test documents")
struct FixtureCaseTests {
    static let cases = FixtureCase.all

    @Test func thereAreHundredsOfDocumentsForEveryFormat() {
        #expect(Self.cases.count >= 400)
        for group in ["atom", "rss20", "rss10", "ext", "xml"] {
            #expect(Self.cases.filter { $0.path.hasPrefix(group + "/") }.count >= 10, "too few documents in \(group)")
        }
        #expect(Self.cases.allSatisfy { !$0.expected.isEmpty || !$0.forbidden.isEmpty })
    }

    @Test(arguments: cases)
    func reportsWhatTheDocumentExpects(_ fixture: FixtureCase) {
        let report = FeedValidator().validate(bytes: fixture.bytes)
        let codes = report.messages.map(\.code)
        for code in fixture.expected {
            #expect(report.contains(code), "\(fixture.path): expected \(code), got \(codes)")
        }
        for code in fixture.forbidden {
            #expect(!report.contains(code), "\(fixture.path): \(code) must not be reported, got \(codes)")
        }
    }
}
