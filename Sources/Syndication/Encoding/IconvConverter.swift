#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A strict conversion from one legacy encoding to UTF-8 through the C library's `iconv`.
///
/// Owns its `iconv_t` descriptor and closes it in `deinit`. Conversions never use
/// `//IGNORE` or `//TRANSLIT`: an invalid or truncated input sequence makes the whole
/// conversion fail, which is how the caller learns that a candidate encoding is wrong.
/// An instance is not thread-safe; create one per conversion.
final class IconvConverter {
    private let descriptor: iconv_t
    private static let scratchSize = 64 * 1024

    /// Opens a converter from `fromEncoding` (an iconv name) to UTF-8; `nil` if iconv does not know it.
    init?(fromEncoding: String) {
        let opened = iconv_open("UTF-8", fromEncoding)
        guard let opened, opened != iconv_t(bitPattern: -1) else { return nil }
        descriptor = opened
    }

    deinit {
        iconv_close(descriptor)
    }

    /// Converts all of `input`, returning the UTF-8 bytes, or `nil` at the first invalid or incomplete sequence.
    func convert(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 2 + 16)
        return append(input, to: &output) ? output : nil
    }

    /// Appends the UTF-8 conversion of `input` to `output`; `false` (with `output` partly
    /// written) at the first invalid or incomplete sequence.
    func append(_ input: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Bool {
        // Reset the shift state left by any previous use.
        _ = iconv(descriptor, nil, nil, nil, nil)
        let scratch = UnsafeMutablePointer<CChar>.allocate(capacity: Self.scratchSize)
        defer { scratch.deallocate() }

        guard let base = input.baseAddress, !input.isEmpty else { return true }
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base)
            .assumingMemoryBound(to: CChar.self)
        var inLeft = input.count

        while true {
            var outPointer: UnsafeMutablePointer<CChar>? = scratch
            var outLeft = Self.scratchSize
            let result: Int
            if inLeft > 0 {
                result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
            } else {
                // Flush any pending shift sequence of a stateful encoding.
                result = iconv(descriptor, nil, nil, &outPointer, &outLeft)
            }
            let failure = result == -1 ? errno : 0
            let produced = Self.scratchSize - outLeft
            if produced > 0 {
                scratch.withMemoryRebound(to: UInt8.self, capacity: produced) {
                    output.append(contentsOf: UnsafeBufferPointer(start: $0, count: produced))
                }
            }
            if result == -1 {
                // E2BIG: the scratch buffer was full; go round again. EILSEQ/EINVAL: strict failure.
                guard failure == E2BIG else { return false }
                continue
            }
            if inLeft == 0 && inPointer != nil {
                // Input consumed; one more pass with nil input flushes the shift state.
                inPointer = nil
                continue
            }
            if inPointer == nil { return true }
        }
    }
}
