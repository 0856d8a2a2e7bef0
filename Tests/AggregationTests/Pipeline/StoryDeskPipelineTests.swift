import Foundation
import Store
import Testing

@testable import Aggregation

@Suite("A source is prepared while the one before it is written")
struct StoryDeskPipelineTests {
    typealias F = PipelineFixtures
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let sourceA = SourceRecord(id: "a", url: "https://a.example/feed.xml", kind: .feed)
    static let sourceB = SourceRecord(id: "b", url: "https://b.example/rss", kind: .feed)

    /// A source's entries as the reader would hand them to the desk (no story yet).
    static func articles(of source: SourceRecord, _ items: [F.Item]) -> [ArticleRecord] {
        items.map { item in
            let text = item.paragraphs.joined(separator: "\n\n")
            return ArticleRecord(
                id: "\(source.id)-\(item.id)", sourceID: source.id, entryID: item.id, url: item.link, title: item.title, firstSeen: now,
                lastChanged: now, text: text, contentHash: StableHash.contentHash(of: item.title + "\n" + text), storyID: "")
        }
    }

    /// Source A tells the quake and the rates; B retells the quake and copies A's rates word for
    /// word: B's articles join stories that A opened, one as a report, one as a copy.
    static let batches = [
        (sourceA, articles(of: sourceA, [F.quake, F.rates])),
        (
            sourceB,
            articles(
                of: sourceB,
                [F.quakeRewritten, F.Item(id: "rates-copy", title: F.rates.title, link: "https://b.example/rates", paragraphs: F.rates.paragraphs)])
        ),
    ]

    static func desk(_ store: InMemoryStore) async throws -> StoryDesk {
        try await StoryDesk.open(store: store, configuration: F.configuration(sources: []))
    }

    /// Everything stored: stories and articles by id.
    static func contents(_ store: InMemoryStore) async throws -> ([StoryRecord], [ArticleRecord]) {
        let articles = await store.articles(since: nil).sorted { $0.id < $1.id }
        let stories = await store.stories(ids: Array(Set(articles.map(\.storyID)))).sorted { $0.id < $1.id }
        return (stories, articles)
    }

    @Test("preparing B before A is written stores what preparing it after would")
    func overlappedEqualsSequential() async throws {
        let sequential = InMemoryStore()
        let one = try await Self.desk(sequential)
        for (source, articles) in Self.batches {
            _ = try await one.write(try await one.prepare(source: source, articles: articles, now: Self.now))
        }
        let overlapped = InMemoryStore()
        let two = try await Self.desk(overlapped)
        let first = try await two.prepare(source: Self.batches[0].0, articles: Self.batches[0].1, now: Self.now)
        let second = try await two.prepare(source: Self.batches[1].0, articles: Self.batches[1].1, now: Self.now)
        #expect(second.usedPending == [first.serial])
        #expect(try await two.write(first).new == 2)
        let tally = try await two.write(second)
        #expect(tally.new == 2 && tally.duplicates == 1 && tally.newStories == 0)

        let expected = try await Self.contents(sequential)
        let got = try await Self.contents(overlapped)
        #expect(got.0 == expected.0)
        #expect(got.1 == expected.1)
        #expect(got.0.map(\.articleCount) == [2, 2])
        #expect(got.1.first { $0.id == "b-rates-copy" }?.duplicateOf == "a-rates-1")
    }

    @Test("when A's write fails, B, prepared on top of it, is composed again from what was stored")
    func aFailedWriteIsNotBuiltOn() async throws {
        let sequential = InMemoryStore()
        await sequential.failCommits(ofSource: "a")
        let one = try await Self.desk(sequential)
        for (source, articles) in Self.batches {
            _ = try? await one.write(try await one.prepare(source: source, articles: articles, now: Self.now))
        }
        let overlapped = InMemoryStore()
        await overlapped.failCommits(ofSource: "a")
        let two = try await Self.desk(overlapped)
        let first = try await two.prepare(source: Self.batches[0].0, articles: Self.batches[0].1, now: Self.now)
        let second = try await two.prepare(source: Self.batches[1].0, articles: Self.batches[1].1, now: Self.now)
        await #expect(throws: StoreError.self) { try await two.write(first) }
        let tally = try await two.write(second)
        #expect(tally.new == 2)
        // B's stories hold B's articles only: A's were never stored.
        #expect(tally.newStories == 2)

        let expected = try await Self.contents(sequential)
        let got = try await Self.contents(overlapped)
        #expect(got.0 == expected.0)
        #expect(got.1 == expected.1)
        #expect(got.1.allSatisfy { $0.sourceID == "b" })
        #expect(got.0.map(\.articleCount) == [1, 1])
    }
}
