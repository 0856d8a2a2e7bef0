import Testing

@testable import Syndication

@Suite("Attribute map")
struct AttributeMapTests {
    @Test func theLastValueOfANameWinsAndNilRemovesIt() {
        var attributes = AttributeMap()
        #expect(attributes.isEmpty)
        attributes["href"] = "first"
        attributes["rel"] = "alternate"
        attributes["href"] = "second"
        #expect(attributes["href"] == "second")
        #expect(attributes["rel"] == "alternate")
        #expect(attributes["type"] == nil)
        #expect(attributes.dictionary == ["href": "second", "rel": "alternate"])
        attributes["href"] = nil
        #expect(attributes["href"] == nil)
        #expect(attributes.dictionary == ["rel": "alternate"])
        attributes["rel"] = nil
        #expect(attributes.isEmpty)
    }
}
