internal import LibXML

/// Where a large feed can be cut in two so that each part parses on its own and the two give
/// what one pass over the whole would: the first part is the document up to an entry's start
/// tag, closed with the end tags of the elements open there; the second is the document's head
/// (everything before the first entry) followed by the rest from the cut.
struct FeedCut {
    /// Where the first entry's start tag begins: the bytes before it are the head.
    var headEnd: Int
    /// Where the second part's first entry's start tag begins.
    var cut: Int
    /// End tags of the elements open at the cut, innermost first (`</channel></rss>`).
    var closing: [UInt8]
    /// Entries before the cut and from it.
    var entries: (first: Int, second: Int)
}

/// Finds a ``FeedCut`` by reading the markup's structure only (tags, comments, CDATA sections,
/// processing instructions), about as fast as the bytes can be searched for `<`.
///
/// It declines anything it is not sure of: a DOCTYPE (entities may be declared there), tags
/// that do not nest, entries that are not the children of an RSS `channel` or an Atom `feed`
/// (in the container's own prefix), any other child of the container after the first entry
/// (metadata there would be seen by one part only), or fewer than two entries.
enum FeedSplitter {
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>) -> FeedCut? {
        var scanner = Scanner(bytes)
        return scanner.run()
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        /// The qualified names of the open elements, as byte ranges, outermost first.
        var open: [Range<Int>] = []
        /// The depth of the entries (the container's depth plus one), once the first is met.
        var entryDepth = -1
        var entryName: Range<Int> = 0..<0
        var entryStarts: [Int] = []
        var containerClosed = false
        /// Where the container's end tag starts.
        var containerEnd = 0
        var closing: [UInt8] = []

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func run() -> FeedCut? {
            var index = 0
            let count = bytes.count
            while true {
                index = ByteScan.index(of: UInt8(ascii: "<"), in: bytes, from: index)
                guard index < count else { break }
                guard index + 1 < count else { return nil }
                switch bytes[index + 1] {
                case UInt8(ascii: "!"):
                    if opens(with: "<!--", at: index) {
                        guard let end = find("-->", from: index + 4) else { return nil }
                        index = end + 3
                    } else if opens(with: "<![CDATA[", at: index) {
                        guard let end = find("]]>", from: index + 9) else { return nil }
                        index = end + 3
                    } else {
                        return nil  // a DOCTYPE, or something stranger
                    }
                case UInt8(ascii: "?"):
                    guard let end = find("?>", from: index + 2) else { return nil }
                    index = end + 2
                case UInt8(ascii: "/"):
                    guard let end = endTag(at: index) else { return nil }
                    index = end
                default:
                    guard let end = startTag(at: index) else { return nil }
                    index = end
                }
            }
            guard open.isEmpty, containerClosed, entryStarts.count >= 2, let headEnd = entryStarts.first else { return nil }
            // The entry that starts nearest the middle of the entries' bytes opens the second part.
            let middle = headEnd + (containerEnd - headEnd) / 2
            var second = entryStarts.firstIndex { $0 >= middle } ?? entryStarts.count - 1
            if second > 1 && middle - entryStarts[second - 1] < entryStarts[second] - middle { second -= 1 }
            second = max(1, second)
            return FeedCut(
                headEnd: headEnd, cut: entryStarts[second], closing: closing,
                entries: (first: second, second: entryStarts.count - second))
        }

        /// An end tag at `index`; returns where the scan goes on.
        private mutating func endTag(at index: Int) -> Int? {
            let nameStart = index + 2
            var nameEnd = nameStart
            while nameEnd < bytes.count, !isNameEnd(bytes[nameEnd]) { nameEnd += 1 }
            var end = nameEnd
            while end < bytes.count, isSpace(bytes[end]) { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ">"), let last = open.popLast(), same(last, nameStart..<nameEnd) else {
                return nil
            }
            if entryDepth > 0 && open.count == entryDepth - 1 {
                containerClosed = true
                containerEnd = index
            }
            return end + 1
        }

        /// A start or empty-element tag at `index`; returns where the scan goes on.
        private mutating func startTag(at index: Int) -> Int? {
            let nameStart = index + 1
            var nameEnd = nameStart
            while nameEnd < bytes.count, !isNameEnd(bytes[nameEnd]) { nameEnd += 1 }
            guard nameEnd > nameStart else { return nil }
            // The tag's end: the first `>` outside quoted attribute values.
            var end = nameEnd
            while end < bytes.count {
                let byte = bytes[end]
                if byte == UInt8(ascii: ">") { break }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    end = ByteScan.index(of: byte, in: bytes, from: end + 1)
                    guard end < bytes.count else { return nil }
                }
                end += 1
            }
            guard end < bytes.count else { return nil }
            let isEmpty = bytes[end - 1] == UInt8(ascii: "/")
            let name = nameStart..<nameEnd
            let depth = open.count
            if entryDepth < 0 {
                if let container = open.last, isEntry(name, in: container) {
                    entryDepth = depth
                    entryName = name
                    entryStarts.append(index)
                    for element in open.reversed() {
                        closing += Array("</".utf8) + bytes[element] + [UInt8(ascii: ">")]
                    }
                }
            } else if containerClosed {
                return nil  // markup after the container (an RDF image or text input)
            } else if depth == entryDepth {
                guard same(name, entryName) else { return nil }
                entryStarts.append(index)
            }
            if !isEmpty { open.append(name) }
            return end + 1
        }

        /// Whether `name` is an entry (`item`, `entry`) of the RSS `channel` or Atom `feed` named
        /// `container`, in the container's prefix.
        private func isEntry(_ name: Range<Int>, in container: Range<Int>) -> Bool {
            let (prefix, local) = split(name)
            let (containerPrefix, containerLocal) = split(container)
            guard same(prefix, containerPrefix) else { return false }
            return (equals(local, "item") && equals(containerLocal, "channel")) || (equals(local, "entry") && equals(containerLocal, "feed"))
        }

        private func split(_ name: Range<Int>) -> (prefix: Range<Int>, local: Range<Int>) {
            guard let colon = name.first(where: { bytes[$0] == UInt8(ascii: ":") }) else { return (name.lowerBound..<name.lowerBound, name) }
            return (name.lowerBound..<colon, (colon + 1)..<name.upperBound)
        }

        private func same(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
            first.count == second.count && zip(first, second).allSatisfy { bytes[$0] == bytes[$1] }
        }

        private func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
            range.count == text.utf8CodeUnitCount && zip(range, 0..<range.count).allSatisfy { bytes[$0] == text.utf8Start[$1] }
        }

        private func opens(with text: StaticString, at index: Int) -> Bool {
            let count = text.utf8CodeUnitCount
            return index + count <= bytes.count && (0..<count).allSatisfy { bytes[index + $0] == text.utf8Start[$0] }
        }

        /// Where `text` next occurs at or after `start`.
        private func find(_ text: StaticString, from start: Int) -> Int? {
            let needle = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
            return ByteSearch.index(of: needle, in: UnsafeBufferPointer(rebasing: bytes[start...])).map { start + $0 }
        }

        private func isNameEnd(_ byte: UInt8) -> Bool {
            isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
        }

        private func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
        }
    }
}
