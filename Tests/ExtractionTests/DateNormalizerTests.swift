import Testing

@testable import Extraction

@Suite("Dates")
struct DateNormalizerTests {
    @Test(arguments: [
        ("2024-02-19T10:00:00Z", "2024-02-19T10:00:00Z"),
        ("2024-02-19T10:00:00+0100", "2024-02-19T10:00:00+01:00"),
        ("2024-02-19T10:00:00.123-05:00", "2024-02-19T10:00:00-05:00"),
        ("2024-02-19", "2024-02-19T00:00:00Z"),
        ("2024-02-19 08:30:00", "2024-02-19T08:30:00Z"),
        ("Mon, 19 Feb 2024 10:00:00 GMT", "2024-02-19T10:00:00Z"),
        ("Tue, 05 Mar 2024 10:00:00 +0000", "2024-03-05T10:00:00Z"),
        ("February 19, 2024", "2024-02-19T00:00:00Z"),
        ("Feb. 19, 2024 4:05 PM EST", "2024-02-19T16:05:00-05:00"),
        ("19 February 2024", "2024-02-19T00:00:00Z"),
        ("Published on 3rd March 2023", "2023-03-03T00:00:00Z"),
        ("2024/02/19", "2024-02-19T00:00:00Z"),
        ("25/12/2023", "2023-12-25T00:00:00Z"),
        ("1708336800", "2024-02-19T10:00:00Z"),
        // Month names of other languages.
        ("on 04-ago-2021 5:11:10", "2021-08-04T05:11:10Z"),
        ("4 de agosto de 2021", "2021-08-04T00:00:00Z"),
        ("mar, 04 ago 2021", "2021-08-04T00:00:00Z"),
        ("1er mars 2024", "2024-03-01T00:00:00Z"),
        ("12 décembre 2023", "2023-12-12T00:00:00Z"),
        ("3. März 2024", "2024-03-03T00:00:00Z"),
        ("15 maggio 2022", "2022-05-15T00:00:00Z"),
        ("7 de março de 2020", "2020-03-07T00:00:00Z"),
        ("21 mei 2019", "2019-05-21T00:00:00Z"),
        // The first month word with a day beside it.
        ("Mars 2020 rover landed February 18, 2021", "2021-02-18T00:00:00Z"),
    ])
    func normalizes(_ raw: String, _ expected: String) {
        #expect(DateNormalizer.normalize(raw) == expected)
    }

    @Test(arguments: [
        "", "yesterday", "Set 10 for 2024", "mar 2024", "03/04/2024", "2024-13-01", "2024-02-30", "1890-01-01", "Page 12 of 2024",
        "May the force be with you",
    ])
    func rejects(_ raw: String) {
        #expect(DateNormalizer.normalize(raw) == nil)
    }

    @Test func urlDates() {
        #expect(MetadataExtractor.dateInURL("https://a.example/2024/02/19/story") == "2024-02-19T00:00:00Z")
        #expect(MetadataExtractor.dateInURL("https://a.example/news/2024-02-19-story") == "2024-02-19T00:00:00Z")
        #expect(MetadataExtractor.dateInURL("https://a.example/news/12345/story") == nil)
        #expect(MetadataExtractor.dateInURL("https://a.example/world/2023/oct/03/story") == "2023-10-03T00:00:00Z")
        #expect(MetadataExtractor.dateInURL("https://a.example/blog/2023/october/03/story") == "2023-10-03T00:00:00Z")
        #expect(MetadataExtractor.dateInURL("https://a.example/2023/news/03/story") == nil)
    }
}
