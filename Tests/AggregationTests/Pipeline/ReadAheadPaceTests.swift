import Testing

@testable import Aggregation

@Suite("ReadAheadPace")
struct ReadAheadPaceTests {
    /// A pace with one measurement of each kind given.
    static func pace(readers: Int = 2, read: Double? = nil, working: Double = 0, preparing: Double? = nil, writing: Double? = nil) -> ReadAheadPace {
        var pace = ReadAheadPace(readers: readers)
        if let read { pace.readTook(read, working: working) }
        if let preparing { pace.preparingTook(preparing) }
        if let writing { pace.writingTook(writing) }
        return pace
    }

    @Test("before a read and a commit stage are measured, the lead is the ceiling")
    func unmeasured() {
        #expect(Self.pace().lead(floor: 16, ceiling: 256) == 256)
        #expect(Self.pace(read: 0.05, working: 0.01).lead(floor: 16, ceiling: 256) == 256)
        #expect(Self.pace(writing: 0.01).lead(floor: 16, ceiling: 256) == 256)
    }

    @Test("the lead is twice the reads that the slowest stage's time covers, between the floor and the ceiling")
    func littlesLaw() {
        // Half a second of network per read, 7.8 ms per commit (the slower stage; times that are
        // powers of two keep the arithmetic exact): 2 × 0.5 / 0.0078125 = 128 sources.
        let slowNetwork = Self.pace(read: 0.5, working: 0.004, preparing: 0.00390625, writing: 0.0078125)
        #expect(slowNetwork.lead(floor: 16, ceiling: 256) == 128)
        // A local network: 2 × 0.03 / 0.01 = 6, raised to the floor.
        #expect(Self.pace(read: 0.03, working: 0.004, writing: 0.01).lead(floor: 16, ceiling: 256) == 16)
        // Ten seconds a read: far past the ceiling; and a ceiling below the floor is raised to it.
        let stalled = Self.pace(read: 10, preparing: 0.01)
        #expect(stalled.lead(floor: 16, ceiling: 256) == 256)
        #expect(stalled.lead(floor: 16, ceiling: 4) == 16)
    }

    @Test("when the reading threads are the slowest stage, their time per source sets the pace")
    func readersBound() {
        // Commits of a millisecond, but 15.6 ms of parsing and analysis per source on two threads:
        // a source is ready every 7.8 ms at best, so 2 × 0.15625 / 0.0078125 = 40, where the
        // commits alone would give 2 × 0.15625 / 0.001 = 313.
        let two = Self.pace(read: 0.15625, working: 0.015625, preparing: 0.001, writing: 0.001)
        #expect(two.lead(floor: 16, ceiling: 1_000) == 40)
        let one = Self.pace(readers: 1, read: 0.15625, working: 0.015625, writing: 0.001)
        #expect(one.lead(floor: 16, ceiling: 1_000) == 20)
    }

    @Test("measurements are moving averages; negative and non-finite ones are ignored")
    func averages() {
        var pace = ReadAheadPace(readers: 1)
        pace.readTook(0.1, working: 0.01)
        #expect(pace.read == 0.1)
        pace.readTook(0.26, working: 0.01)
        // A sixteenth of the way from 0.1 to 0.26.
        #expect(abs((pace.read ?? 0) - 0.11) < 1e-12)
        pace.readTook(-1, working: .nan)
        pace.writingTook(.infinity)
        #expect(abs((pace.read ?? 0) - 0.11) < 1e-12)
        #expect(pace.working == 0.01)
        #expect(pace.writing == nil)
    }
}
