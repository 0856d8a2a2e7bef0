#if canImport(Glibc)
    import Glibc
#endif

/// How the process allocates memory.
enum Allocator {
    /// Bounds how much memory the process keeps beside what it uses, for the long-running
    /// commands. glibc otherwise gives threads that allocate at the same time arenas of their
    /// own (up to eight per core), and memory freed in one arena serves only that arena: an
    /// aggregation builds the clustering index on some threads and writes the feeds on others,
    /// so the feeds' memory came on top of the freed index's instead of reusing it (peak 226 MB
    /// with the default, 171 MB with one arena, on the benchmark's 1,200 sources at the time).
    ///
    /// Two arenas, not one: with one, every thread that missed its small per-thread cache
    /// waited on the same lock, and a cold aggregation made 628,000 `futex` calls and 143,000
    /// context switches (221,000 and 71,000 with two) and took 11.03–13.26 s against 9.03–10.70
    /// s (five alternating runs each, two arenas with the threshold below). Large blocks (128
    /// KiB and more: response bodies, a page's text, the index's pieces) are mapped for
    /// themselves and returned when freed, never kept in an arena: a second arena kept them,
    /// and its peak was 1–2 MB higher than one arena's (93,828–95,760 against 92,960–95,100 KiB
    /// of `ru_maxrss` in five runs each); with the threshold fixed, 94,420–94,732 KiB. glibc
    /// otherwise raises the threshold each time such a block is freed.
    static func boundArenas() {
        #if canImport(Glibc)
            // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out; glibc exports it.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(nil, "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            let arenaMax: Int32 = -8  // M_ARENA_MAX
            let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
            _ = mallopt(arenaMax, 2)
            _ = mallopt(mmapThreshold, 128 * 1024)
        #endif
    }

    /// Hands the memory freed so far back to the system (`malloc_trim`). A daemon calls it
    /// between runs: what a run freed (the clustering index, the feeds' buffers) otherwise stays
    /// with the process, and its resident size stays at the run's peak while it sleeps.
    static func releaseFreeMemory() {
        #if canImport(Glibc)
            typealias MallocTrim = @convention(c) (Int) -> Int32
            guard let symbol = dlsym(nil, "malloc_trim") else { return }
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }
}
