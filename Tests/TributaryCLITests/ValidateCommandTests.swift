import Foundation
import Testing

/// `tributary validate` run as a user would: text like a compiler, JSON Lines, exit status.
@Suite("tributary validate (end to end)")
struct ValidateCommandTests {
    typealias Run = ParseCommandTests.Run

    static let valid = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Observatory</title>
          <id>tag:example.org,2024:feed</id>
          <updated>2024-02-19T10:00:00Z</updated>
          <author><name>Ada</name></author>
          <link rel="self" href="http://example.org/feed"/>
        </feed>

        """
    static let invalid = valid.replacingOccurrences(of: "<updated>2024-02-19T10:00:00Z</updated>", with: "<updated>19 Feb 2024</updated>")
    static let warnOnly = valid.replacingOccurrences(of: "  <link rel=\"self\" href=\"http://example.org/feed\"/>\n", with: "")

    static func write(_ text: String, name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("validate-cli-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func aValidFeedExitsZero() throws {
        let path = try Self.write(Self.valid, name: "valid.atom")
        let run = try ParseCommandTests.run(["validate", path])
        #expect(run.status == 0)
        #expect(run.stdout == "\(path): atom10, 0 errors, 0 warnings\n")
    }

    @Test func warningsAloneStillExitZero() throws {
        let path = try Self.write(Self.warnOnly, name: "warn.atom")
        let run = try ParseCommandTests.run(["validate", path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("warning: MissingSelf:"))
    }

    @Test func errorsPrintLikeACompilerAndExitOne() throws {
        let path = try Self.write(Self.invalid, name: "invalid.atom")
        let run = try ParseCommandTests.run(["validate", path])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("\(path):5:3: error: InvalidRFC3339Date: '19 Feb 2024' is not an RFC 3339 date-time"))
        #expect(lines[1] == "  <updated>19 Feb 2024</updated>")
        #expect(lines[2] == "  ^")
        #expect(lines[3] == "\(path): atom10, 1 error, 0 warnings")
    }

    @Test func jsonLinesInInputOrderAndUnreadableInputsExitTwo() throws {
        let good = try Self.write(Self.valid, name: "a.atom")
        let bad = try Self.write(Self.invalid, name: "b.atom")
        let run = try ParseCommandTests.run(["validate", "--format", "json", good, "/nonexistent/feed.xml", bad])
        #expect(run.status == 2)
        let objects = try ParseCommandTests.objects(run.stdout)
        #expect(objects.count == 3)
        #expect(objects[0]["valid"] as? Bool == true)
        #expect(objects[1]["error"] as? String == "/nonexistent/feed.xml: no such file")
        #expect(objects[2]["valid"] as? Bool == false)
        #expect(objects[2]["errors"] as? Int == 1)
        #expect(run.stderr == "tributary: /nonexistent/feed.xml: no such file\n")
    }

    @Test func standardInputAndBaseURL() throws {
        let run = try ParseCommandTests.run(["validate", "-", "--base-url", "http://example.org/elsewhere"], stdin: Data(Self.valid.utf8))
        #expect(run.status == 0)
        #expect(run.stdout.contains("-:7:3: warning: SelfDoesntMatchLocation:"))
    }
}
