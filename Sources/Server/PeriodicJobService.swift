import ServiceLifecycle

/// A `PeriodicJob` as a service of the server's group: it stops at graceful shutdown.
struct PeriodicJobService: Service {
    let job: PeriodicJob

    func run() async {
        await cancelWhenGracefulShutdown { [job] in
            await job.runUntilCancelled()
        }
    }
}
