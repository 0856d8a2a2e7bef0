import Foundation
import Testing

@testable import Aggregation

@Suite("Worker threads")
struct WorkerThreadsTests {
    /// The worker running the caller, "" on any other thread (a synchronous function may ask).
    static func threadName() -> String { WorkerThreads.currentLabel ?? "" }

    @Test("tasks that prefer the workers run on them, before and after a suspension, every one to the end")
    func tasksRunOnTheWorkers() async throws {
        let workers = WorkerThreads(count: 3, name: "test worker")
        defer { workers.shutdown() }
        let results = await withTaskGroup(of: (square: Int, threads: [String]).self) { group in
            for number in 0..<200 {
                group.addTask(name: nil, executorPreference: workers) {
                    let before = Self.threadName()
                    await Task.yield()
                    return (number * number, [before, Self.threadName()])
                }
            }
            var collected: [(square: Int, threads: [String])] = []
            for await result in group { collected.append(result) }
            return collected
        }
        #expect(results.map(\.square).sorted() == (0..<200).map { $0 * $0 })
        let names = Set(results.flatMap(\.threads))
        #expect(names.isSubset(of: ["test worker 1", "test worker 2", "test worker 3"]), "\(names)")
    }

    @Test("a task without the preference does not run on the workers")
    func otherTasksRunElsewhere() async {
        let workers = WorkerThreads(count: 1, name: "test worker")
        defer { workers.shutdown() }
        let elsewhere = await Task.detached { Self.threadName() }.value
        let onWorkers = await Task(executorPreference: workers) { Self.threadName() }.value
        #expect(onWorkers == "test worker 1")
        #expect(elsewhere == "")
    }
}
