import Foundation
import Store
import Testing

/// A writer killed with SIGKILL mid-write leaves a store the next run uses without repair.
@Suite("SQLiteStore: surviving SIGKILL")
struct CrashRecoveryTests {
    /// Articles the probe writes per round (see Sources/store-crash-probe).
    static let articlesPerRound = 8

    /// The `store-crash-probe` executable built beside the test bundle.
    static var probe: URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("store-crash-probe").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("store-crash-probe")
    }

    /// Starts the probe on `path`, waits until it has reported `rounds` commits, kills it with
    /// SIGKILL while it is writing the next ones, and returns the rounds it reported.
    static func writeAndKill(path: String, rounds: Int) throws -> [Int] {
        let process = Process()
        process.executableURL = probe
        process.arguments = [path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        var reported: [Int] = []
        while reported.count < rounds {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }  // the probe ended by itself: reported too few rounds
            text += String(decoding: data, as: UTF8.self)
            reported = text.split(separator: "\n", omittingEmptySubsequences: true).dropLast(text.hasSuffix("\n") ? 0 : 1).compactMap {
                Int($0)
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)
        return reported
    }

    @Test func killedWritersLeaveEveryCommittedRoundWholeAndNoPartOfAnother() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.probe.path), "build store-crash-probe (swift build)")
        let folder = try TemporaryFolder()
        let path = folder.path("crash/tributary.sqlite")
        var committed: [Int] = []
        for _ in 0..<3 {
            let reported = try Self.writeAndKill(path: path, rounds: 15)
            #expect(reported.count >= 15)
            // Each run opens the file left by a killed one, with no repair, and goes on from there.
            #expect(reported.first == (committed.last ?? 0) + 1)
            committed += reported
            // The killed writer left its write-ahead log for the next open to recover from.
            let log = try FileManager.default.attributesOfItem(atPath: path + "-wal")
            #expect((log[.size] as? Int ?? 0) > 0)

            let store = try SQLiteStore(path: path)
            #expect(try await store.integrityProblems().isEmpty)
            let source = try #require(try await store.source(id: "probe"))
            let lastStored = try #require(source.etag.flatMap { Int($0) })
            let lastReported = try #require(committed.last)
            #expect(lastStored >= lastReported)
            for round in committed {
                let story = try await store.story(id: "story-\(round)")
                #expect(story?.articleCount == Self.articlesPerRound)
                #expect(try await store.articles(story: "story-\(round)").count == Self.articlesPerRound)
            }
            // Whatever else is stored is whole too: every story has all its articles.
            let stories = try await store.stories(.all, since: nil, limit: 1_000_000)
            #expect(stories.count == lastStored)
            #expect(try await store.articleCount() == lastStored * Self.articlesPerRound)
            committed = Array(1...lastStored)
        }
    }
}
