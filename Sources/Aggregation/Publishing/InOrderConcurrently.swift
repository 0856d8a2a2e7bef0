/// Runs `transform` on `items`, at most `width` at a time (one more is started as each
/// finishes), and hands every item with its result to `handle` in the items' order, each as
/// soon as it and all the items before it are done.
func forEachInOrder<Item: Sendable, Output: Sendable>(
    _ items: [Item], width: Int, _ transform: @escaping @Sendable (Item) async throws -> Output,
    handle: (Item, Output) throws -> Void
) async throws {
    try await withThrowingTaskGroup(of: (Int, Output).self) { group in
        var launched = 0
        var handled = 0
        var ready: [Int: Output] = [:]
        func launch() {
            guard launched < items.count else { return }
            let (index, item) = (launched, items[launched])
            launched += 1
            group.addTask { (index, try await transform(item)) }
        }
        for _ in 0..<max(1, width) { launch() }
        while let (index, output) = try await group.next() {
            ready[index] = output
            while let output = ready.removeValue(forKey: handled) {
                try handle(items[handled], output)
                handled += 1
            }
            launch()
        }
    }
}
