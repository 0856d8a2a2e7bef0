/// A vector laid out for many dot products against other vectors: its terms in an
/// open-addressing table, so each product walks the other vector once with one expected probe
/// per term, instead of merging two sorted lists with a branch the processor cannot predict.
struct TermProbe {
    private var keys: [UInt64]
    private var weights: [Float]
    private let mask: Int

    /// The table of `vector`'s terms.
    init(_ vector: TermVector) {
        var size = 16
        while size < vector.terms.count * 4 { size <<= 1 }
        mask = size - 1
        keys = [UInt64](repeating: 0, count: size)
        weights = [Float](repeating: 0, count: size)
        for (term, weight) in zip(vector.terms, vector.weights) where weight != 0 {
            var slot = Int(truncatingIfNeeded: term) & mask
            while weights[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = term
            weights[slot] = weight
        }
    }

    /// The dot product with `other`; the same value as `TermVector.dot`, summed in the same
    /// order (ascending terms of `other`).
    func dot(_ other: TermVector) -> Float {
        keys.withUnsafeBufferPointer { keys in
            weights.withUnsafeBufferPointer { weights in
                other.terms.withUnsafeBufferPointer { terms in
                    other.weights.withUnsafeBufferPointer { otherWeights in
                        var sum: Float = 0
                        for index in 0..<terms.count {
                            let term = terms[index]
                            var slot = Int(truncatingIfNeeded: term) & mask
                            // Empty slots have weight 0: vectors never hold a zero weight.
                            while weights[slot] != 0 {
                                if keys[slot] == term {
                                    sum += weights[slot] * otherWeights[index]
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
}
