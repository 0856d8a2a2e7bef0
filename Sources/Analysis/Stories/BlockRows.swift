/// Rows of `width` values kept in blocks of a fixed number of rows. Adding a row never moves
/// the rows already held: the memory is the rows plus at most one block's slack. An array that
/// doubles instead holds up to twice its values, and three times while it copies them into the
/// larger buffer: for the clustering index's signatures, 30 MB at the aggregation's peak where
/// the values themselves took 10.
struct BlockRows<Element: BitwiseCopyable & Sendable>: Sendable {
    /// Values a row.
    let width: Int
    /// log2 of the rows a block holds.
    private let shift: Int
    private var blocks: [[Element]] = []
    /// Number of rows.
    private(set) var count = 0

    /// Empty rows of `width` values, `1 << blockShift` rows a block.
    init(width: Int, blockShift: Int) {
        precondition(width > 0 && blockShift >= 0, "a row has values and a block rows")
        self.width = width
        shift = blockShift
    }

    private var rowsPerBlock: Int { 1 << shift }

    /// Starts a new block when the last one is full (or there is none).
    private mutating func openBlockWhenFull() {
        guard count & (rowsPerBlock - 1) == 0 else { return }
        var block: [Element] = []
        block.reserveCapacity(rowsPerBlock * width)
        blocks.append(block)
    }

    /// Appends a row of exactly `width` values.
    mutating func append(_ row: some Collection<Element>) {
        precondition(row.count == width, "a row has \(width) values")
        openBlockWhenFull()
        blocks[blocks.count - 1].append(contentsOf: row)
        count += 1
    }

    /// Appends a row of two values (`width` must be 2), without making an array of them.
    mutating func appendPair(_ first: Element, _ second: Element) {
        precondition(width == 2, "a row has \(width) values")
        openBlockWhenFull()
        blocks[blocks.count - 1].append(first)
        blocks[blocks.count - 1].append(second)
        count += 1
    }

    /// Appends `rows` rows of `width` copies of `value`.
    mutating func append(repeating value: Element, rows: Int) {
        let row = [Element](repeating: value, count: width)
        for _ in 0..<rows { append(row) }
    }

    /// Value `column` of row `row`.
    @inline(__always)
    subscript(row: Int, column: Int) -> Element {
        get { blocks[row >> shift][(row & (rowsPerBlock - 1)) * width + column] }
        set { blocks[row >> shift][(row & (rowsPerBlock - 1)) * width + column] = newValue }
    }

    /// Calls `body` with the values of row `row`.
    @inline(__always)
    func withRow<Result>(_ row: Int, _ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        try blocks[row >> shift].withUnsafeBufferPointer { block in
            try body(UnsafeBufferPointer(rebasing: block[((row & (rowsPerBlock - 1)) * width)...].prefix(width)))
        }
    }

    /// The first two values of row `row` (`width` must be at least 2), without the checks of
    /// `withRow`: what a walk along links kept in the rows needs per step.
    @inline(__always)
    func pair(_ row: Int) -> (Element, Element) {
        blocks[row >> shift].withUnsafeBufferPointer { block in
            let start = (row & (rowsPerBlock - 1)) * width
            return (block[start], block[start + 1])
        }
    }

    /// The values of row `row`.
    func row(_ row: Int) -> [Element] { withRow(row) { Array($0) } }

    /// Calls `body` with each block's values (whole rows, end to end), first block first.
    func forEachBlock(_ body: ([Element]) throws -> Void) rethrows {
        for block in blocks { try body(block) }
    }
}
