import Foundation
import Testing

@testable import Aggregation

@Suite("Local files")
struct FileFetchTests {
    /// A fresh directory with one feed file whose modification time is fixed.
    static func makeFeedFile() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tributary-fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("local.xml").path
        try Data("<rss version=\"2.0\"/>".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_708_416_900)], ofItemAtPath: path)
        return path
    }

    @Test(arguments: [false, true])
    func unchangedFileAnswersNotModified(asFileURL: Bool) async throws {
        let path = try Self.makeFeedFile()
        let url = asFileURL ? URL(fileURLWithPath: path).absoluteString : path
        try await withFetcher { fetcher in
            let first = try await fetcher.fetch(FetchRequest(url: url))
            #expect(first.body == Array("<rss version=\"2.0\"/>".utf8))
            #expect(first.lastModified == "Tue, 20 Feb 2024 08:15:00 GMT")
            #expect(first.contentType == "application/xml")
            #expect(first.finalURL.path == path)
            let second = try await fetcher.fetch(FetchRequest(url: url, lastModified: first.lastModified))
            #expect(second.notModified)
            #expect(second.body.isEmpty)

            try Data("<rss version=\"2.0\"><channel/></rss>".utf8).write(to: URL(fileURLWithPath: path))
            let third = try await fetcher.fetch(FetchRequest(url: url, lastModified: first.lastModified))
            #expect(!third.notModified, "a changed file is read again")
            #expect(third.body == Array("<rss version=\"2.0\"><channel/></rss>".utf8))
        }
    }

    @Test func missingFileIsReported() async throws {
        try await withFetcher { fetcher in
            let error = try #require(await fetchError(fetcher, FetchRequest(url: "/nonexistent/feed.xml")))
            #expect(error.code == .fileNotFound)
            #expect(error.description == "file not found: /nonexistent/feed.xml")
        }
    }

    @Test func fileOverTheCapIsRefused() async throws {
        let path = try Self.makeFeedFile()
        try await withFetcher(testPolicy(maxBodyBytes: 8)) { fetcher in
            let error = try #require(await fetchError(fetcher, FetchRequest(url: path)))
            #expect(error.code == .tooLarge)
        }
    }

    @Test func directoryIsUnreadable() async throws {
        try await withFetcher { fetcher in
            let error = try #require(await fetchError(fetcher, FetchRequest(url: FileManager.default.temporaryDirectory.path)))
            #expect(error.code == .fileUnreadable)
        }
    }
}
