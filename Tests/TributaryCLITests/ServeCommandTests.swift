import AsyncHTTPClient
import Foundation
import Testing

/// Runs the built binary's `serve` on a free port against a temporary folder.
@Suite("tributary serve (end to end)")
struct ServeCommandTests {
    /// A running `tributary serve` and the URL it printed.
    struct Running {
        let process: Process
        let output: Pipe
        let errors: Pipe
        let base: String
        let firstLine: String
    }

    static func temporaryFeeds() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tributary-serve-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("topics"), withIntermediateDirectories: true)
        try Data(#"<feed xmlns="http://www.w3.org/2005/Atom"><title>All</title></feed>"#.utf8).write(to: root.appendingPathComponent("all.atom"))
        try Data("<title>Feeds</title>".utf8).write(to: root.appendingPathComponent("index.html"))
        return root
    }

    /// Starts `tributary serve` and reads its first line; `nil` base when it printed none.
    static func start(_ arguments: [String]) throws -> Running {
        let process = Process()
        process.executableURL = ParseCommandTests.binary
        process.arguments = ["serve"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        let base = text.firstMatch(of: #/at (http://127\.0\.0\.1:\d+)/\n/#).map { String($0.1) } ?? ""
        return Running(process: process, output: output, errors: errors, base: base, firstLine: text)
    }

    @Test func servesAFeedWithValidatorsAndStopsOnSIGTERM() async throws {
        let root = try Self.temporaryFeeds()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try Self.start(["--port", "0", "--root", root.path])
        defer { if server.process.isRunning { server.process.terminate() } }
        #expect(server.firstLine.hasPrefix("Serving \(root.path) at http://127.0.0.1:"), "\(server.firstLine)")
        let base = try #require(server.base.isEmpty ? nil : server.base)

        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: base + "/all.atom"), timeout: .seconds(20))
        #expect(response.status.code == 200)
        #expect(response.headers.first(name: "content-type") == "application/atom+xml; charset=utf-8")
        let body = try await response.body.collect(upTo: 1 << 20)
        #expect(String(buffer: body).hasPrefix("<feed"))
        let tag = try #require(response.headers.first(name: "etag"))

        var conditional = HTTPClientRequest(url: base + "/all.atom")
        conditional.headers.add(name: "If-None-Match", value: tag)
        let notModified = try await HTTPClient.shared.execute(conditional, timeout: .seconds(20))
        #expect(notModified.status.code == 304)
        let index = try await HTTPClient.shared.execute(HTTPClientRequest(url: base + "/"), timeout: .seconds(20))
        #expect(String(buffer: try await index.body.collect(upTo: 1 << 20)) == "<title>Feeds</title>")

        server.process.terminate()  // SIGTERM: graceful shutdown
        let rest = server.output.fileHandleForReading.readDataToEndOfFile()
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
        let log = String(decoding: rest, as: UTF8.self).split(separator: "\n")
        #expect(log.count == 3)
        #expect(log.first?.contains("\"GET /all.atom HTTP/1.1\" 200 ") == true)
        #expect(log.dropFirst().first?.contains("\"GET /all.atom HTTP/1.1\" 304 0 ") == true)
    }

    @Test func aMissingRootIsOneLineAndExitStatusTwo() throws {
        let run = try ParseCommandTests.run(["serve", "--port", "0", "--root", "/nonexistent/Feeds"])
        #expect(run.status == 2)
        #expect(run.stderr == "tributary: /nonexistent/Feeds: no such folder to serve\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func aPortInUseNamesTheAddress() throws {
        let root = try Self.temporaryFeeds()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try Self.start(["--port", "0", "--root", root.path, "--no-access-log"])
        defer {
            first.process.terminate()
            first.process.waitUntilExit()
        }
        let port = try #require(first.base.split(separator: ":").last.map(String.init))
        let run = try ParseCommandTests.run(["serve", "--port", port, "--root", root.path])
        #expect(run.status == 2)
        #expect(run.stderr == "tributary: 127.0.0.1:\(port) is already in use\n")
    }

    @Test("serve --aggregate-every aggregates the sample configuration, serves feeds that validate with no errors or warnings, and answers 304")
    func aggregatesServesAndValidates() async throws {
        let workspace = try AggregateCommandTests.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let config = workspace.appendingPathComponent("Config/tributary.yaml").path
        let server = try Self.start(["--port", "0", "--config", config, "--aggregate-every", "1h", "--no-access-log"])
        defer { if server.process.isRunning { server.process.terminate() } }
        let base = try #require(server.base.isEmpty ? nil : server.base)
        #expect(server.firstLine.contains(workspace.appendingPathComponent("Feeds").path))

        var feed: HTTPClientResponse?
        for _ in 0..<300 {
            let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: base + "/all.atom"), timeout: .seconds(20))
            if response.status.code == 200 {
                feed = response
                break
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        let response = try #require(feed, "all.atom was never served")
        #expect(response.headers.first(name: "content-type") == "application/atom+xml; charset=utf-8")
        let tag = try #require(response.headers.first(name: "etag"))
        var conditional = HTTPClientRequest(url: base + "/all.atom")
        conditional.headers.add(name: "If-None-Match", value: tag)
        #expect(try await HTTPClient.shared.execute(conditional, timeout: .seconds(20)).status.code == 304)

        // Every written feed validates with no error and no warning, at the address it is served from.
        let feeds = workspace.appendingPathComponent("Feeds")
        let paths = try FileManager.default.subpathsOfDirectory(atPath: feeds.path).filter { $0.hasSuffix(".atom") }.sorted()
        #expect(paths.count > 20)
        for path in paths {
            let run = try ParseCommandTests.run(["validate", feeds.appendingPathComponent(path).path, "--base-url", "http://127.0.0.1:8080/\(path)"])
            #expect(run.status == 0 && run.stdout.hasSuffix("0 errors, 0 warnings\n"), "\(path): \(run.stdout)")
        }
        // A URL input is fetched and its Content-Type checked too.
        let byURL = try ParseCommandTests.run(["validate", base + "/topics/diplomacy.atom", "--format", "json"])
        #expect(byURL.status == 0, "\(byURL.stdout)\(byURL.stderr)")
        #expect(byURL.stdout.contains("\"errors\":0"))
        server.process.terminate()
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
    }

    @Test func aBadAggregationIntervalIsAUsageError() throws {
        let bad = try ParseCommandTests.run(["serve", "--aggregate-every", "soon"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("'soon' is not a duration"))
        let unreachable = try ParseCommandTests.run(["validate", "http://127.0.0.1:1/feed.atom"])
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr.split(separator: "\n").count == 1)
    }
}
