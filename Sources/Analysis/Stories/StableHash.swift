/// Deterministic 64-bit hashing, identical in every process (unlike `Hasher`), so that
/// fingerprints can be stored and compared across runs.
enum StableHash {
    /// FNV-1a offset basis.
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a prime.
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Feeds one 32-bit value into a running FNV-1a hash.
    @inline(__always)
    static func add(_ value: UInt32, to hash: UInt64) -> UInt64 {
        (hash ^ UInt64(value)) &* prime
    }

    /// The SplitMix64 finalizer: spreads every input bit over the output.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Combines an ordered pair of hashes.
    @inline(__always)
    static func combine(_ lhs: UInt64, _ rhs: UInt64) -> UInt64 {
        mix((lhs &* 0x9e37_79b9_7f4a_7c15) ^ rhs)
    }

    /// The hash of a string's exact UTF-8 bytes (case kept), for keys such as URLs.
    static func exact(_ string: String) -> UInt64 {
        var hash = seed
        for byte in string.utf8 { hash = add(UInt32(byte), to: hash) }
        return mix(hash)
    }

    /// The hash of a whole string, lower-cased scalar by scalar.
    static func hash(_ string: String) -> UInt64 {
        var hash = seed
        for scalar in string.unicodeScalars {
            hash = add(StoryTokenizer.lowercased(scalar), to: hash)
        }
        return mix(hash)
    }
}
