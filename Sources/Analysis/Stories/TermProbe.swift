/// A vector laid out for many dot products against other vectors: its terms in an
/// open-addressing table, so each product walks the other vector once with one expected probe
/// per term, instead of merging two sorted lists with a branch the processor cannot predict.
struct TermProbe {
    private var keys: [UInt32]
    private var weights: [Float]
    private let mask: Int

    /// The table of `vector`'s terms.
    init(_ vector: TermVector) {
        var size = 16
        while size < vector.count * 4 { size <<= 1 }
        mask = size - 1
        keys = [UInt32](repeating: 0, count: size)
        weights = [Float](repeating: 0, count: size)
        for entry in vector.entries where entry.weight != 0 {
            var slot = Int(entry.term) & mask
            while weights[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = entry.term
            weights[slot] = entry.weight
        }
    }

    /// The dot product with `other`; the same value as `TermVector.dot`, summed in the same
    /// order (ascending terms of `other`).
    func dot(_ other: TermVector) -> Float {
        keys.withUnsafeBufferPointer { keys in
            weights.withUnsafeBufferPointer { weights in
                other.entries.withUnsafeBufferPointer { entries in
                    var sum: Float = 0
                    for entry in entries {
                        var slot = Int(entry.term) & mask
                        // Empty slots have weight 0: vectors never hold a zero weight.
                        while weights[slot] != 0 {
                            if keys[slot] == entry.term {
                                sum += weights[slot] * entry.weight
                                break
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                    return sum
                }
            }
        }
    }
}
