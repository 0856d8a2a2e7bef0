import Foundation
import Testing

/// Runs the built `tributary` binary, as a user or a script would.
@Suite("tributary parse (end to end)")
struct ParseCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        // The test bundle sits beside the products of the same build.
        var folder = Bundle.module.bundleURL.deletingLastPathComponent()
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("tributary").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("tributary")
    }

    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
    }

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        input.fileHandleForWriting.closeFile()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    static func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func severalInputsGiveJSONLinesInInputOrder() throws {
        let run = try Self.run(["parse", Self.fixture("atom10.xml"), Self.fixture("rss20.xml")])
        #expect(run.status == 0)
        let objects = try Self.objects(run.stdout)
        #expect(objects.count == 2)
        #expect(objects.map { $0["format"] as? String } == ["atom10", "rss20"])
        #expect((objects[0]["input"] as? String)?.hasSuffix("atom10.xml") == true)
        #expect((objects[1]["entries"] as? [Any])?.count == 2)
        #expect(run.stderr.isEmpty)
    }

    @Test func standardInputWithBaseURLAndContentType() throws {
        let feed = Data(#"<rss version="2.0"><channel><item><link>a/b</link></item></channel></rss>"#.utf8)
        let run = try Self.run(
            ["parse", "-", "--base-url", "https://example.com/x/feed", "--content-type", "application/rss+xml; charset=utf-8"], stdin: feed)
        #expect(run.status == 0)
        let object = try #require(try Self.objects(run.stdout).first)
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.first?["link"] as? String == "https://example.com/x/a/b")
        #expect(object["input"] as? String == "-")
    }

    @Test func aMissingFileIsOneClearLineAndExitStatusTwo() throws {
        let run = try Self.run(["parse", "/nonexistent/feed.xml", Self.fixture("rss20.xml")])
        #expect(run.status == 2)
        #expect(run.stderr == "tributary: /nonexistent/feed.xml: no such file\n")
        let objects = try Self.objects(run.stdout)
        #expect(objects.count == 2)
        #expect(objects[0]["error"] as? String == "/nonexistent/feed.xml: no such file")
        #expect(objects[1]["format"] as? String == "rss20")
    }

    @Test func aDirectoryOrAnEmptyFileIsNamedForWhatItIs() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString).xml")
        try Data().write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        let folder = FileManager.default.temporaryDirectory.path
        let run = try Self.run(["parse", folder, empty.path, Self.fixture("rss20.xml")])
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.first == "tributary: \(folder): is a directory, not a file")
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("tributary: \(empty.path): ") == true)
        let objects = try Self.objects(run.stdout)
        #expect(objects.count == 3)
        #expect(objects[0]["error"] as? String == "\(folder): is a directory, not a file")
        #expect(objects[2]["format"] as? String == "rss20")
    }

    @Test func inputsParsedSideBySideComeOutInInputOrder() throws {
        // Feeds, unreadable inputs and a non-feed mixed, so that the output and the error lines
        // of each input must stay in place.
        let feeds = [Self.fixture("rss20.xml"), Self.fixture("atom10.xml")]
        var inputs: [String] = []
        for round in 0..<6 {
            inputs += feeds
            inputs.append(round % 2 == 0 ? "/nonexistent/feed-\(round).xml" : Self.fixture("not-a-feed.txt"))
        }
        let alone = try Self.run(["parse", "--jobs", "1"] + inputs)
        #expect(alone.status == 2)
        let objects = try Self.objects(alone.stdout)
        #expect(objects.map { $0["input"] as? String } == inputs)
        #expect(alone.stderr.split(separator: "\n").count == 6)
        #expect(alone.stderr.split(separator: "\n").first == "tributary: /nonexistent/feed-0.xml: no such file")
        // Held output is capped: 0 bytes makes every input but the first wait for its turn, a
        // few hundred makes some wait in the middle of their output, the default holds it all.
        for limit in ["0", "700", nil] {
            let environment = limit.map { ["TRIBUTARY_HELD_LIMIT": $0] } ?? [:]
            let sideBySide = try Self.run(["parse", "--jobs", "4"] + inputs, environment: environment)
            #expect(sideBySide.status == 2)
            #expect(sideBySide.stdout == alone.stdout)
            #expect(sideBySide.stderr == alone.stderr)
        }
    }

    /// Standard output goes out in batches; whatever goes to standard error is written after the
    /// output before it, so a terminal (or `2>&1`) sees every line in its input's place.
    @Test func errorLinesKeepTheirPlaceAmongTheOutput() throws {
        let inputs = [Self.fixture("rss20.xml"), "/nonexistent/feed.xml", Self.fixture("atom10.xml"), Self.fixture("not-a-feed.txt")]
        for jobs in ["1", "3"] {
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = ["parse", "--jobs", jobs] + inputs
            let both = Pipe()
            process.standardOutput = both
            process.standardError = both
            try process.run()
            let data = both.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            try #require(lines.count == 6)
            #expect(lines[0].hasPrefix(#"{"input":""#) && lines[0].contains("rss20.xml"))
            #expect(lines[1] == "tributary: /nonexistent/feed.xml: no such file")
            #expect(lines[2].hasPrefix(#"{"input":"/nonexistent/feed.xml","error":"#))
            #expect(lines[3].contains("atom10.xml"))
            #expect(lines[4].contains("not-a-feed.txt"))
            #expect(lines[5].hasPrefix("tributary: ") && lines[5].hasSuffix("not a feed (no RSS, Atom or JSON Feed root element)"))
        }
    }

    /// One input and spare threads: its entries are finished on a second thread while the parser
    /// reads on. 1,000 entries cross many of the batches passed between the two and the
    /// parser's wait when too many are queued; the output is that of one thread.
    @Test func aLargeFeedAloneIsFinishedBesideTheParserAndComesOutTheSame() throws {
        var document = #"<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big</title>"#
        for number in 0..<1_000 {
            document += "<item><title>Story \(number)</title><link>/s/\(number)</link>"
            document += "<description>&lt;p onclick='x()'&gt;Lead \(number) &lt;a href='/more/\(number)'&gt;more&lt;/a&gt;&lt;/p&gt;</description>"
            document += "<content:encoded><![CDATA[<p>Body \(number)<script>x</script></p>]]></content:encoded></item>"
        }
        document += "</channel></rss>"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).xml")
        try document.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let inline = try Self.run(["parse", "--jobs", "1", "--base-url", "http://example.com/feed", file.path])
        let beside = try Self.run(["parse", "--jobs", "2", "--base-url", "http://example.com/feed", file.path])
        #expect(inline.status == 0 && beside.status == 0)
        #expect(beside.stdout == inline.stdout)
        let entries = try #require(try Self.objects(beside.stdout).first?["entries"] as? [[String: Any]])
        #expect(entries.count == 1_000)
        let last = try #require(entries.last)
        #expect((last["summary"] as? [String: Any])?["value"] as? String == #"<p>Lead 999 <a href="http://example.com/more/999">more</a></p>"#)
        #expect((last["content"] as? [String: Any])?["value"] as? String == "<p>Body 999</p>")
    }

    @Test func somethingThatIsNotAFeedSaysSo() throws {
        let run = try Self.run(["parse", Self.fixture("not-a-feed.txt")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("not a feed"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func inputsCanComeFromAListFile() throws {
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("inputs-\(UUID().uuidString).txt")
        // A blank line, spaces around a path and Windows line ends are not part of the paths.
        try [Self.fixture("rss20.xml") + "\r", " \t", "  " + Self.fixture("atom10.xml") + " \r"].joined(separator: "\n")
            .write(to: list, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: list) }
        let run = try Self.run(["parse", Self.fixture("atom10.xml"), "--inputs-from", list.path])
        #expect(run.status == 0)
        #expect(try Self.objects(run.stdout).map { $0["format"] as? String } == ["atom10", "rss20", "atom10"])
    }

    /// A command is parsed by itself when its arguments are valid (a faster start); whatever it
    /// rejects still gets the messages of the whole command line, naming `tributary parse`.
    @Test func rejectedArgumentsNameTheWholeCommand() throws {
        let unknown = try Self.run(["parse", Self.fixture("rss20.xml"), "--bogus"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Unknown option '--bogus'"))
        #expect(unknown.stderr.contains("Usage: tributary parse "))
        let invalid = try Self.run(["parse", "--jobs", "0", Self.fixture("rss20.xml")])
        #expect(invalid.status == 64)
        #expect(invalid.stderr.contains("--jobs must be at least 1"))
        #expect(invalid.stderr.contains("Usage: tributary parse "))
        let help = try Self.run(["summarize", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: tributary summarize "))
        let valid = try Self.run(["parse", "--jobs", "1", Self.fixture("rss20.xml")])
        #expect(valid.status == 0)
        #expect(try Self.objects(valid.stdout).map { $0["format"] as? String } == ["rss20"])
    }

    /// Arguments of the plainest form are read without swift-argument-parser (a faster start);
    /// the forms only it reads (`--option=value`, an option given twice) must mean the same.
    @Test func plainArgumentsMeanWhatTheFullParserReads() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("latin1-\(UUID().uuidString).xml")
        // "Café" in ISO-8859-1, with no declaration: only the Content-Type names the encoding.
        try Data(#"<rss version="2.0"><channel><item><title>Caf"#.utf8 + [0xE9] + Data(#"</title><link>a/b</link></item></channel></rss>"#.utf8))
            .write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let type = "application/rss+xml; charset=iso-8859-1"
        let plain = try Self.run(["parse", "-j", "1", "--base-url", "https://example.com/x/feed", "--content-type", type, file.path])
        let full = try Self.run(["parse", "--jobs=1", "--base-url=https://example.com/x/feed", "--content-type=\(type)", file.path])
        let twice = try Self.run([
            "parse", "--base-url", "https://other.example/", file.path, "--base-url", "https://example.com/x/feed", "--content-type", type,
        ])
        for run in [plain, full, twice] {
            #expect(run.status == 0)
            #expect(run.stderr.isEmpty)
            let object = try #require(try Self.objects(run.stdout).first)
            #expect(object["encoding"] as? String == "iso-8859-1")
            let entry = try #require((object["entries"] as? [[String: Any]])?.first)
            #expect(entry["link"] as? String == "https://example.com/x/a/b")
            #expect((entry["title"] as? [String: Any])?["value"] as? String == "Café")
        }
        #expect(plain.stdout == full.stdout)
        #expect(plain.stdout == twice.stdout)
        // A value that looks like an option is the full parser's to reject.
        let missing = try Self.run(["parse", file.path, "--base-url", "--jobs", "1"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("Missing value for '--base-url <base-url>'"))
    }

    @Test func usageErrorsExitWith64() throws {
        let run = try Self.run(["parse"])
        #expect(run.status == 64)
        let help = try Self.run(["parse", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--base-url"))
    }
}
