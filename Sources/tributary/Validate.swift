import Aggregation
import ArgumentParser
import FeedValidator

extension Tributary {
    /// `tributary validate`: checks feed documents like a compiler checks code.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            _superCommandName: "tributary",  // parsed alone: `Tributary.directCommand`
            abstract: "Check RSS and Atom feeds against the specifications and best practices.",
            discussion: """
                Atom 1.0 (RFC 4287), RSS 2.0, RSS 1.0 and the common extensions (dc, content, Media \
                RSS, iTunes, GeoRSS, sy, slash, wfw, thr) are checked in one streaming pass. Messages \
                use the W3C Feed Validation Service's identifiers (e.g. InvalidRFC3339Date), so they \
                can be looked up in its documentation.

                Text output is like a compiler's: file:line:column: error: Code: message, the source \
                line and a caret. --format json prints one JSON object per input (JSON Lines).

                Exit status: 0 no errors (warnings allowed), 1 errors found, 2 an input is unreadable.

                Examples:
                  tributary validate feed.xml
                  tributary validate --format json *.xml
                  curl -s https://example.com/feed | tributary validate - --base-url https://example.com/feed
                """
        )

        /// The output formats.
        enum OutputFormat: String, ExpressibleByArgument {
            case text, json
        }

        @OptionGroup var inputList: InputList

        @Option(help: "text (like a compiler) or json (one object per input, one per line).")
        var format: OutputFormat = .text

        @Option(help: "Where the document lives, for the self-link and relative-URL checks.")
        var baseURL: String?

        func run() async throws {
            var unreadable = false
            var invalid = false
            let validator = FeedValidator()
            let inputs = try inputList.all()
            let fetcher = FeedFetcher(policy: FetchPolicy())
            for input in inputs {
                let document: ValidationInput
                do {
                    document = try await ValidationInput.read(input, fetcher: fetcher)
                } catch {
                    unreadable = true
                    Console.report(error, jsonLine: format == .json)
                    continue
                }
                let report = validator.validate(bytes: document.bytes, contentType: document.contentType, baseURL: baseURL ?? document.url)
                if !report.valid { invalid = true }
                switch format {
                case .text: Console.write(Array(report.text(input: input, source: document.bytes).utf8))
                case .json: Console.write(Array((report.jsonLine(input: input) + "\n").utf8))
                }
            }
            await fetcher.shutdown()
            if unreadable { throw ExitCode(2) }
            if invalid { throw ExitCode(1) }
        }
    }
}

/// One document to validate: its bytes and, when it came over HTTP, its URL and Content-Type.
struct ValidationInput {
    var bytes: [UInt8]
    var contentType: String?
    var url: String?

    /// Reads a file or standard input, or fetches a URL (with the fetcher's size and time limits)
    /// keeping its Content-Type, which is checked too.
    static func read(_ input: String, fetcher: any Fetching) async throws(InputSource.Unreadable) -> ValidationInput {
        if input.hasPrefix("http://") || input.hasPrefix("https://") {
            do {
                let response = try await fetcher.fetch(FetchRequest(url: input, kind: .feed))
                return ValidationInput(bytes: response.body, contentType: response.contentType, url: response.finalURL.absoluteString)
            } catch {
                throw InputSource.Unreadable(input: input, reason: error.description)
            }
        }
        return ValidationInput(bytes: try InputSource.read(input), contentType: nil, url: nil)
    }
}
