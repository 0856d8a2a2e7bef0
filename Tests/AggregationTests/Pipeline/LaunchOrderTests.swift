import Testing

@testable import Aggregation

@Suite("Launch order")
struct LaunchOrderTests {
    /// Starts `count` sources (or all) and returns their indices.
    static func start(_ order: inout LaunchOrder, _ count: Int = .max) -> [Int] {
        var started: [Int] = []
        while started.count < count, let index = order.next() { started.append(index) }
        return started
    }

    @Test func aBusyHostIsPassedOverForTheNextSourceWithRoom() {
        // Four feeds on each of three hosts, two requests per host: the first six starts cover
        // all three hosts instead of queueing four behind host a.
        let hosts: [String?] = ["a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c"]
        var order = LaunchOrder(hosts: hosts, perHost: 2, lookAhead: 16)
        #expect(Self.start(&order, 6) == [0, 1, 4, 5, 8, 9])
        order.finished(1)
        #expect(Self.start(&order, 1) == [2], "a freed slot on host a goes to its next source")
        #expect(Self.start(&order) == [3, 6, 7, 10, 11], "with no host free, configuration order")
        #expect(order.next() == nil, "every source has started")
    }

    @Test func theLookAheadBoundsHowFarAheadASourceStarts() {
        // One request per host, a look-ahead of two: host b's source (index 4) is out of reach
        // until the window slides to it, so host a's sources start in order before it.
        let hosts: [String?] = ["a", "a", "a", "a", "b"]
        var order = LaunchOrder(hosts: hosts, perHost: 1, lookAhead: 2)
        #expect(Self.start(&order) == [0, 1, 2, 4, 3])
        var wide = LaunchOrder(hosts: hosts, perHost: 1, lookAhead: 8)
        #expect(Self.start(&wide) == [0, 4, 1, 2, 3])
    }

    @Test func aBoundStopsTheStartsAtIt() {
        // Sources below the bound start (a busy host passed over as usual); none at or past it,
        // and a bound at the first unstarted source starts nothing.
        let hosts: [String?] = ["a", "a", "b", "b", "c"]
        var order = LaunchOrder(hosts: hosts, perHost: 1, lookAhead: 8)
        #expect(order.next(below: 3) == 0)
        #expect(order.next(below: 3) == 2, "host a is busy: the next source below the bound with room")
        #expect(order.next(below: 3) == 1, "no host with room below the bound: configuration order")
        #expect(order.next(below: 3) == nil)
        #expect(order.next(below: 4) == 3)
        #expect(order.next() == 4)
        #expect(order.next() == nil)
    }

    @Test func filesHaveNoHostLimit() {
        let hosts: [String?] = [nil, nil, nil, "a", "a"]
        var order = LaunchOrder(hosts: hosts, perHost: 1, lookAhead: 8)
        #expect(Self.start(&order, 4) == [0, 1, 2, 3])
        order.finished(0)
        order.finished(3)
        #expect(Self.start(&order) == [4])
    }

    @Test func hostsAreReadFromHTTPLocationsOnly() {
        #expect(Aggregator.host(of: "https://News.Example.org/feed.xml") == "news.example.org")
        #expect(Aggregator.host(of: "http://127.0.0.9:8080/a") == "127.0.0.9")
        #expect(Aggregator.host(of: "file:///srv/feeds/a.xml") == nil)
        #expect(Aggregator.host(of: "Config/samples/world.xml") == nil)
    }
}
