/// A story centroid in 256 bytes, for an upper bound of its cosine with a vector that is
/// cheap to compute: terms fall into 256 buckets by hash, and each bucket keeps the largest
/// normalized weight of its terms, rounded up to 1/255. A term of the vector can only match a
/// centroid term of its own bucket, whose weight is at most the bucket's, so
/// Σ weight(term) × bucket(term) is never below the true cosine (for vectors without negative
/// weights). Most candidate stories share little with an article; their bound falls under the
/// story threshold and their centroid is never read.
enum CentroidSketch {
    /// Bytes per sketch.
    static let size = 256

    /// The bucket of a term: the top byte of its product with an odd constant (terms are 32-bit
    /// word hashes; the product spreads small test terms too).
    @inline(__always)
    static func bucket(of term: UInt32) -> Int { Int((term &* 0x9E37_79B1) >> 24) }

    /// Writes the sketch of `centroid` (whose norm is `norm`) at `offset` of `sketches`.
    static func write(_ centroid: TermVector, norm: Float, into sketches: inout [UInt8], at offset: Int) {
        sketches.withUnsafeMutableBufferPointer { buffer in
            for index in offset..<(offset + size) { buffer[index] = 0 }
            guard norm > 0 else { return }
            for entry in centroid.entries {
                let scaled = (max(0, entry.weight) / norm * 255).rounded(.up)
                let level = UInt8(min(255, scaled))
                let slot = offset + bucket(of: entry.term)
                if level > buffer[slot] { buffer[slot] = level }
            }
        }
    }

    /// A vector prepared for bounds: each term's bucket and weight / 255.
    struct Query {
        var buckets: [Int] = []
        var weights: [Float] = []
        /// False when a weight is negative: no bound holds then.
        var isBounded = true

        init(_ vector: TermVector) {
            buckets.reserveCapacity(vector.count)
            weights.reserveCapacity(vector.count)
            for entry in vector.entries {
                if entry.weight < 0 { isBounded = false }
                buckets.append(CentroidSketch.bucket(of: entry.term))
                weights.append(entry.weight / 255)
            }
        }

        /// The upper bound of the cosine with the centroid sketched at `offset`.
        @inline(__always)
        func bound(_ sketches: UnsafeBufferPointer<UInt8>, at offset: Int) -> Float {
            var sum: Float = 0
            for index in 0..<buckets.count {
                sum += weights[index] * Float(sketches[offset + buckets[index]])
            }
            return sum
        }

        /// The bounds for the stories `numbers` (sketch `n` at `n × size`), the same values as
        /// `bound(_:at:)`. Four stories are read together, so that the cache misses of their
        /// sketches overlap.
        func bounds(_ sketches: UnsafeBufferPointer<UInt8>, of numbers: [Int]) -> [Float] {
            var result = [Float](repeating: 0, count: numbers.count)
            var first = 0
            while first + 4 <= numbers.count {
                let a = numbers[first] * CentroidSketch.size
                let b = numbers[first + 1] * CentroidSketch.size
                let c = numbers[first + 2] * CentroidSketch.size
                let d = numbers[first + 3] * CentroidSketch.size
                var sa: Float = 0
                var sb: Float = 0
                var sc: Float = 0
                var sd: Float = 0
                for index in 0..<buckets.count {
                    let bucket = buckets[index]
                    let weight = weights[index]
                    sa += weight * Float(sketches[a + bucket])
                    sb += weight * Float(sketches[b + bucket])
                    sc += weight * Float(sketches[c + bucket])
                    sd += weight * Float(sketches[d + bucket])
                }
                result[first] = sa
                result[first + 1] = sb
                result[first + 2] = sc
                result[first + 3] = sd
                first += 4
            }
            for index in first..<numbers.count {
                result[index] = bound(sketches, at: numbers[index] * CentroidSketch.size)
            }
            return result
        }
    }
}
