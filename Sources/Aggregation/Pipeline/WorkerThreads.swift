import Foundation

/// Threads of its own for the CPU-heavy part of a run (reading and analysing sources), so that
/// this work does not queue in front of the short jobs the commits are made of: on the shared
/// pool, each hop of a commit (to the story desk, back from the database) waited behind
/// dozens of sources being analysed, and the commits, which must go one at a time, made most
/// of a cold run's time. A task that prefers this executor runs its non-isolated code here;
/// actors still run where they always do.
final class WorkerThreads: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    /// Jobs waiting for a thread, oldest first from `head`.
    private var jobs: [UnownedJob] = []
    private var head = 0
    private var stopping = false

    /// Starts `count` threads (at least one).
    init(count: Int, name: String) {
        for number in 0..<max(1, count) {
            let label = "\(name) \(number + 1)"
            let thread = Thread { [self] in
                Thread.current.threadDictionary[Self.labelKey] = label
                work()
            }
            thread.name = label
            thread.start()
        }
    }

    /// The thread dictionary key under which a worker keeps its name ("reader 2").
    static let labelKey = "tributary.worker"

    /// The name of the worker running the caller; `nil` on any other thread.
    static var currentLabel: String? { Thread.current.threadDictionary[labelKey] as? String }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads finish the jobs already queued, then end. Tasks must no longer prefer
    /// this executor once it is shut down.
    func shutdown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        // Below the threads of the commits (the story desk, the database writer): the commits
        // go one at a time and set the pace, so they come first when both want a core. (On
        // Linux, `setpriority` of "this process" sets the calling thread's niceness only.)
        setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        let executor = asUnownedTaskExecutor()
        while let job = next() {
            job.runSynchronously(on: executor)
        }
    }

    private func next() -> UnownedJob? {
        condition.lock()
        defer { condition.unlock() }
        while head == jobs.count {
            if stopping { return nil }
            condition.wait()
        }
        let job = jobs[head]
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            head = 0
        }
        return job
    }
}
