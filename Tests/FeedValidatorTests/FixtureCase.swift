import Foundation

/// One test document under `Fixtures/cases/<group>/<name>.xml` with the identifiers its
/// opening comment expects (`Expect: Code` must be reported, `Expect: !Code` must not be;
/// `!Error` means no error at all).
struct FixtureCase: CustomStringConvertible, Sendable {
    var path: String
    var expected: [String]
    var forbidden: [String]

    var description: String { path }

    static let folder = Bundle.module.url(forResource: "Fixtures/cases", withExtension: nil)!

    static var all: [FixtureCase] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var cases: [FixtureCase] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "xml" else { continue }
            let relative = String(url.path.dropFirst(folder.path.count + 1))
            cases.append(FixtureCase(relative: relative, bytes: (try? Data(contentsOf: url)) ?? Data()))
        }
        return cases.sorted { $0.path < $1.path }
    }

    init(relative: String, bytes: Data) {
        path = relative
        expected = []
        forbidden = []
        // The comment may be in UTF-16; look at the ASCII bytes only.
        let ascii = String(decoding: bytes.filter { $0 != 0 && $0 < 0x80 }, as: UTF8.self)
        guard let range = ascii.range(of: "Expect:") else { return }
        let line = ascii[range.upperBound...].prefix { $0 != "\n" }
        for item in line.split(separator: ",") {
            let code = item.trimmingCharacters(in: .whitespaces)
            if code.hasPrefix("!") { forbidden.append(String(code.dropFirst())) } else if !code.isEmpty { expected.append(code) }
        }
    }

    var bytes: [UInt8] { Array((try? Data(contentsOf: Self.folder.appendingPathComponent(path))) ?? Data()) }
}
