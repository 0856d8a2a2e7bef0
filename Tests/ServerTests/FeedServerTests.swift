import CompressNIO
import Foundation
import NIOCore
import NIOHTTP1
import Server
import Testing

/// The server answering real HTTP requests from async-http-client on 127.0.0.1.
@Suite("FeedServer over HTTP")
struct FeedServerTests {
    @Test(arguments: [
        ("all.atom", "application/atom+xml; charset=utf-8"),
        ("all.json", "application/feed+json; charset=utf-8"),
        ("feeds.opml", "text/x-opml; charset=utf-8"),
        ("page.html", "text/html; charset=utf-8"),
        ("feed.xml", "application/xml"),
        ("style.css", "text/css; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"),
        ("logo.png", "image/png"),
        ("logo.svg", "image/svg+xml"),
        ("favicon.ico", "image/vnd.microsoft.icon"),
        ("data.bin", "application/octet-stream"),
    ])
    func contentTypeFollowsTheExtension(name: String, type: String) async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        try folder.write("topics/\(name)", "contents of \(name)")
        let answer = try await TestServer.with(.init(root: folder.root.path)) { base in
            try await TestServer.fetch("\(base)/topics/\(name)")
        }
        #expect(answer.status == 200)
        #expect(answer.header("content-type") == type)
        #expect(answer.text == "contents of \(name)")
        #expect(answer.header("content-length") == String("contents of \(name)".utf8.count))
        #expect(answer.header("cache-control") == "public, max-age=300")
    }

    @Test func theIndexIsServedAtTheRoot() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        try folder.write("index.html", "<title>Feeds</title>")
        try folder.write("topics/index.html", "<title>Topics</title>")
        try folder.write("regions/cu.atom", "x")
        try await TestServer.with(.init(root: folder.root.path, cacheControl: "no-cache")) { base in
            let index = try await TestServer.fetch(base + "/")
            #expect(index.status == 200)
            #expect(index.text == "<title>Feeds</title>")
            #expect(index.header("content-type") == "text/html; charset=utf-8")
            #expect(index.header("cache-control") == "no-cache")
            #expect(try await TestServer.fetch(base + "/topics/").text == "<title>Topics</title>")
            let redirect = try await TestServer.fetch(base + "/topics")
            #expect(redirect.status == 301)
            #expect(redirect.header("location") == "/topics/")
            let port = try #require(Int(base.split(separator: ":").last!))
            #expect(try await RawRequest.head(port: port, target: "/topics?x").lowercased().contains("\r\nlocation: /topics/\r\n"))
            #expect(try await TestServer.fetch(base + "/regions/").status == 404)
            #expect(try await TestServer.fetch(base + "/regions").status == 404)
        }
    }

    @Test func missingFilesAreAShortPlainNotFound() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        try folder.write("all.atom", "x")
        try await TestServer.with(.init(root: folder.root.path)) { base in
            let missing = try await TestServer.fetch(base + "/nothing.atom")
            #expect(missing.status == 404)
            #expect(missing.text == "not found\n")
            #expect(missing.header("content-type") == "text/plain; charset=utf-8")
            #expect(try await TestServer.fetch(base + "/").status == 404)  // no index.html
            #expect(try await TestServer.fetch(base + "/all.atom/").status == 404)
        }
    }

    @Test func nothingOutsideTheRootIsReachable() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        try folder.write("topics/economy.atom", "economy")
        try folder.write(".hidden", "hidden")
        try folder.link("escape.atom", to: folder.parent.appendingPathComponent("secret.txt"))
        try folder.link("up", to: folder.parent)
        try folder.link("latest.atom", to: folder.root.appendingPathComponent("topics/economy.atom"))
        let targets = [
            "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/topics/../../secret.txt", "/topics/%2e%2e/%2e%2e/secret.txt",
            "/..%2fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt", "/topics/..%5c..%5csecret.txt", "/all.atom%00.html",
            "/escape.atom", "/up/secret.txt", "/.hidden", "//etc/passwd", "/\(folder.parent.path)/secret.txt", "%2e%2e/secret.txt",
            "/%252e%252e/secret.txt", "/topics/./economy.atom",
        ]
        try await TestServer.with(.init(root: folder.root.path)) { base in
            let port = try #require(Int(base.split(separator: ":").last!))
            for target in targets {
                let status = try await RawRequest.status(port: port, target: target)
                #expect(status == 404 || status == 400, "\(target) answered \(status)")
            }
            #expect(try await RawRequest.status(port: port, target: "/topics/economy.atom") == 200)
            #expect(try await RawRequest.status(port: port, target: "/topics/%65conomy.atom") == 200)
            #expect(try await TestServer.fetch(base + "/latest.atom").text == "economy")
        }
    }

    @Test func ifNoneMatchAnswersNotModified() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        try folder.write("all.atom", ServedFolder.feed())
        try await TestServer.with(.init(root: folder.root.path)) { base in
            let first = try await TestServer.fetch(base + "/all.atom")
            let tag = try #require(first.header("etag"))
            #expect(tag.hasPrefix("\"") && tag.hasSuffix("\"") && !tag.hasPrefix("W/"))
            for condition in [tag, "\"other\", \(tag)", "W/\(tag)", "*"] {
                let again = try await TestServer.fetch(base + "/all.atom", headers: [("If-None-Match", condition)])
                #expect(again.status == 304, "If-None-Match: \(condition)")
                #expect(again.body.readableBytes == 0)
                #expect(again.header("etag") == tag)
                #expect(again.header("last-modified") == first.header("last-modified"))
            }
            let other = try await TestServer.fetch(base + "/all.atom", headers: [("If-None-Match", "\"other\"")])
            #expect(other.status == 200)
            #expect(other.text == ServedFolder.feed())
        }
    }

    @Test func ifModifiedSinceAnswersNotModifiedUnlessIfNoneMatchDisagrees() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        try folder.write("all.atom", ServedFolder.feed())
        try await TestServer.with(.init(root: folder.root.path)) { base in
            let first = try await TestServer.fetch(base + "/all.atom")
            let lastModified = try #require(first.header("last-modified"))
            #expect(lastModified.hasSuffix(" GMT") && lastModified.count == 29)
            let same = try await TestServer.fetch(base + "/all.atom", headers: [("If-Modified-Since", lastModified)])
            #expect(same.status == 304)
            let old = try await TestServer.fetch(base + "/all.atom", headers: [("If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT")])
            #expect(old.status == 200)
            let precedence = try await TestServer.fetch(
                base + "/all.atom", headers: [("If-None-Match", "\"other\""), ("If-Modified-Since", lastModified)])
            #expect(precedence.status == 200)
        }
    }

    @Test func aChangedFileGetsANewTag() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let file = try folder.write("all.atom", "first version")
        try await TestServer.with(.init(root: folder.root.path)) { base in
            let first = try await TestServer.fetch(base + "/all.atom")
            let tag = try #require(first.header("etag"))
            // Replaced the way aggregate publishes: a new file renamed over the old one.
            let next = folder.root.appendingPathComponent(".all.atom.tmp")
            try Data("second version".utf8).write(to: next)
            #expect(rename(next.path, file.path) == 0)
            let second = try await TestServer.fetch(base + "/all.atom", headers: [("If-None-Match", tag)])
            #expect(second.status == 200)
            #expect(second.text == "second version")
            #expect(second.header("etag") != tag)
        }
    }

    @Test func gzipWhenAcceptedWithItsOwnTag() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let feed = ServedFolder.feed(bytes: 20_000)
        try folder.write("all.atom", feed)
        try folder.write("logo.png", feed)
        try await TestServer.with(.init(root: folder.root.path)) { base in
            let zipped = try await TestServer.fetch(base + "/all.atom", headers: [("Accept-Encoding", "br;q=1.0, gzip;q=0.8")])
            #expect(zipped.status == 200)
            #expect(zipped.header("content-encoding") == "gzip")
            #expect(zipped.header("vary") == "Accept-Encoding")
            #expect(zipped.header("content-length") == String(zipped.body.readableBytes))
            #expect(zipped.body.readableBytes < feed.utf8.count / 4)
            var compressed = zipped.body
            #expect(String(buffer: try compressed.decompress(with: .gzip())) == feed)
            let zippedTag = try #require(zipped.header("etag"))
            #expect(zippedTag.hasSuffix("-gz\""))

            let plain = try await TestServer.fetch(base + "/all.atom")
            #expect(plain.header("content-encoding") == nil)
            #expect(plain.text == feed)
            #expect(plain.header("vary") == "Accept-Encoding")
            #expect(plain.header("etag") != zippedTag)
            let refused = try await TestServer.fetch(base + "/all.atom", headers: [("Accept-Encoding", "gzip;q=0, identity")])
            #expect(refused.header("content-encoding") == nil)
            #expect(refused.text == feed)

            let revalidated = try await TestServer.fetch(base + "/all.atom", headers: [("Accept-Encoding", "gzip"), ("If-None-Match", zippedTag)])
            #expect(revalidated.status == 304)
            #expect(revalidated.header("etag") == zippedTag)

            let image = try await TestServer.fetch(base + "/logo.png", headers: [("Accept-Encoding", "gzip")])
            #expect(image.header("content-encoding") == nil)
            #expect(image.body.readableBytes == feed.utf8.count)
        }
    }

    @Test func aFileTooLargeToCacheIsStreamedWhole() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let feed = ServedFolder.feed(bytes: 300_000)
        try folder.write("all.atom", feed)
        // A 64 KB cache keeps bodies up to 16 KB: this feed is read in chunks as it is sent.
        try await TestServer.with(.init(root: folder.root.path, cacheCapacity: 64 << 10)) { base in
            let answer = try await TestServer.fetch(base + "/all.atom", headers: [("Accept-Encoding", "gzip")])
            #expect(answer.status == 200)
            #expect(answer.header("content-encoding") == nil)
            #expect(answer.header("content-length") == String(feed.utf8.count))
            #expect(answer.text == feed)
            let tag = try #require(answer.header("etag"))
            #expect(try await TestServer.fetch(base + "/all.atom", headers: [("If-None-Match", tag)]).status == 304)
            let head = try await TestServer.fetch(base + "/all.atom", method: .HEAD)
            #expect(head.header("content-length") == String(feed.utf8.count))
            #expect(head.body.readableBytes == 0)
        }
    }

    @Test func headAnswersTheSameHeadersWithoutABody() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        try folder.write("all.atom", ServedFolder.feed())
        try await TestServer.with(.init(root: folder.root.path)) { base in
            for encoding in ["identity", "gzip"] {
                let get = try await TestServer.fetch(base + "/all.atom", headers: [("Accept-Encoding", encoding)])
                let head = try await TestServer.fetch(base + "/all.atom", method: .HEAD, headers: [("Accept-Encoding", encoding)])
                #expect(head.status == 200)
                #expect(head.body.readableBytes == 0)
                for name in ["content-type", "content-length", "etag", "last-modified", "cache-control", "vary", "content-encoding"] {
                    #expect(head.header(name) == get.header(name), "\(name) with \(encoding)")
                }
                #expect(head.header("content-length") == String(get.body.readableBytes))
            }
            let missing = try await TestServer.fetch(base + "/missing.atom", method: .HEAD)
            #expect(missing.status == 404)
            #expect(missing.body.readableBytes == 0)
        }
    }

    @Test func onlyGetAndHeadAreAllowed() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        try folder.write("all.atom", "x")
        try await TestServer.with(.init(root: folder.root.path)) { base in
            for method in [HTTPMethod.POST, .PUT, .DELETE] {
                let answer = try await TestServer.fetch(base + "/all.atom", method: method)
                #expect(answer.status == 405)
                #expect(answer.header("allow") == "GET, HEAD")
            }
        }
        #expect(try String(contentsOf: folder.root.appendingPathComponent("all.atom"), encoding: .utf8) == "x")
    }
}
