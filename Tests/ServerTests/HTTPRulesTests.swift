import Foundation
import NIOCore
import Testing

@testable import Server

/// The header rules, alone: durations, dates, entity tags, Accept-Encoding, paths, the cache.
@Suite("HTTP rules")
struct HTTPRulesTests {
    @Test(arguments: [
        ("30s", Duration.seconds(30)), ("15m", .seconds(900)), ("1h", .seconds(3_600)), ("1h30m", .seconds(5_400)),
        ("2d", .seconds(172_800)), ("500ms", .milliseconds(500)), ("1m30s", .seconds(90)),
    ])
    func durationsParse(text: String, expected: Duration) {
        #expect(Duration(parsing: text) == expected)
    }

    @Test(arguments: ["", "15", "m", "0s", "15x", "30m1h", "1h1h", "-5m", "1.5h", " 15m", "15 m", "99999999999s"])
    func nonDurationsAreRefused(text: String) {
        #expect(Duration(parsing: text) == nil)
    }

    @Test func httpDatesAreWrittenAsIMFFixdateAndReadInAllThreeForms() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994") == 784_111_777)
        #expect(HTTPDate.parse("yesterday") == nil)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT trailing") == nil)
        #expect(HTTPDate.commonLogFormat(784_111_777) == "06/Nov/1994:08:49:37 +0000")
    }

    @Test func entityTagsMatchByWeakComparison() {
        let tag = EntityTag(size: 255, modifiedNanoseconds: 4_096, inode: 16)
        #expect(tag.headerValue == "\"ff-1000-10\"")
        #expect(tag.gzip.headerValue == "\"ff-1000-10-gz\"")
        #expect(tag.matches(ifNoneMatch: "\"ff-1000-10\""))
        #expect(tag.matches(ifNoneMatch: "W/\"ff-1000-10\""))
        #expect(tag.matches(ifNoneMatch: "\"a\",\"b\" , \"ff-1000-10\""))
        #expect(tag.matches(ifNoneMatch: "*"))
        #expect(!tag.matches(ifNoneMatch: "\"ff-1000-10-gz\""))
        #expect(!tag.gzip.matches(ifNoneMatch: "\"ff-1000-10\""))
        #expect(!tag.matches(ifNoneMatch: "ff-1000-10"))
        #expect(!tag.matches(ifNoneMatch: ""))
    }

    @Test(arguments: [
        ("gzip", true), ("gzip, deflate, br", true), ("br;q=1.0, gzip;q=0.8, *;q=0.1", true), ("x-gzip", true), ("*", true),
        ("GZIP;Q=0.5", true), ("gzip;q=0", false), ("gzip; q=0.000", false), ("*;q=0.5, gzip;q=0", false), ("identity", false),
        ("br", false), ("", false), ("*;q=0", false), ("gzip;q=2", false),
    ])
    func acceptEncodingWithQValues(header: String, allowsGzip: Bool) {
        #expect(AcceptEncoding.allowsGzip(header) == allowsGzip)
    }

    @Test func mediaTypesByExtension() {
        #expect(MediaType(fileName: "all.atom").value == "application/atom+xml; charset=utf-8")
        #expect(MediaType(fileName: "ALL.ATOM").value == "application/atom+xml; charset=utf-8")
        #expect(MediaType(fileName: "all.json").value == "application/feed+json; charset=utf-8")
        #expect(MediaType(fileName: "README").value == "application/octet-stream")
        #expect(MediaType(fileName: "all.atom").isCompressible)
        #expect(!MediaType(fileName: "logo.png").isCompressible)
    }

    @Test func theLocatorStaysInsideTheRoot() throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        try folder.write("topics/economy.atom", "x")
        try folder.write("index.html", "x")
        let locator = try #require(FileLocator(root: folder.root.path + "/"))
        let root = locator.root
        #expect(locator.locate("/") == .file(path: root + "/index.html"))
        #expect(locator.locate("/topics/economy.atom") == .file(path: root + "/topics/economy.atom"))
        #expect(locator.locate("/topics/econ%6Fmy.atom") == .file(path: root + "/topics/economy.atom"))
        for refused in ["/../secret.txt", "/%2e%2e/secret.txt", "/topics/../../secret.txt", "/a%00b", "/%", "", "/topics//economy.atom"] {
            #expect(locator.locate(refused) == .notFound, "\(refused)")
        }
        #expect(FileLocator(root: folder.root.appendingPathComponent("topics/economy.atom").path) == nil)
        #expect(FileLocator(root: "/nonexistent") == nil)
    }

    @Test func theCacheEvictsTheLeastRecentlyUsedBodies() {
        let cache = BodyCache(capacity: 400)
        let body = ByteBuffer(repeating: 7, count: 100)
        let tags = (1...4).map { EntityTag(size: 100, modifiedNanoseconds: $0, inode: 1) }
        for tag in tags.prefix(4) { cache.store(body, path: "/f", tag: tag) }
        #expect(cache.count == 4)
        #expect(cache.body(path: "/f", tag: tags[0]) == body)  // now the most recently used
        cache.store(body, path: "/g", tag: tags[0])
        #expect(cache.count == 4)
        #expect(cache.body(path: "/f", tag: tags[1]) == nil)
        #expect(cache.body(path: "/f", tag: tags[0]) == body)
        cache.store(ByteBuffer(repeating: 1, count: 101), path: "/big", tag: tags[0])  // over a quarter: not kept
        #expect(cache.body(path: "/big", tag: tags[0]) == nil)
    }

    @Test func accessLogTargetsCannotForgeLines() {
        #expect(AccessLog.escaped("/all.atom?x=1") == "/all.atom?x=1")
        #expect(AccessLog.escaped("/a\"b\\c\nd") == "/a\\\"b\\\\c\\x0ad")
    }
}
