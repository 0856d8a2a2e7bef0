import ArgumentParser
import Syndication

extension Tributary {
    /// `tributary parse`: prints feeds as JSON.
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parse",
            _superCommandName: "tributary",  // parsed alone: `Tributary.directCommand`
            abstract: "Parse RSS, Atom or JSON feeds and print them as JSON.",
            discussion: """
                The format (RSS 0.90-2.0, RDF, Atom 0.3/1.0, JSON Feed 1.0/1.1) is detected from the \
                content. Broken feeds still give their entries, with "wellFormed": false and the \
                problems under "warnings". Each input prints one JSON object on one line. Several \
                inputs are parsed side by side (--jobs); a single large feed is cut in two parts \
                parsed side by side, or, when it cannot be cut, uses a second thread to sanitize \
                and write its entries while the parser reads on.

                Examples:
                  tributary parse feed.xml
                  curl -s https://example.com/rss | tributary parse - --base-url https://example.com/rss
                  tributary parse *.xml > feeds.jsonl
                  find feeds -name '*.xml' > list.txt && tributary parse --inputs-from list.txt
                """
        )

        @OptionGroup var inputList: InputList

        @OptionGroup var jobs: JobsOption

        @Option(help: "The URL the document came from; relative links are resolved against it.")
        var baseURL: String?

        @Option(help: "The HTTP Content-Type it was served with (takes part in choosing the encoding).")
        var contentType: String?

        func run() throws {
            let inputs = try inputList.all()
            let baseURL = baseURL
            let contentType = contentType
            // Inputs are parsed side by side; the output is what one at a time would print. With
            // fewer inputs than threads, a large feed is cut in two parts parsed side by side
            // (`PartWriters`), or else its entries are finished on a thread of its own while the
            // parser reads on (`EntryFinisher`).
            let finishesBeside = inputs.count < jobs.threads
            let failed = OrderedInputs.run(count: inputs.count, threads: jobs.threads) { index, output in
                let input = inputs[index]
                guard let bytes = output.read(input, jsonLine: true) else { return }
                var json = JSONWriter()
                json.beginObject()
                json.member("input", input)
                json.beginArray("entries")
                let result: ParsedFeed
                if finishesBeside, let parts = PartWriters.parse(bytes, baseURL: baseURL, contentType: contentType, json: json) {
                    // A large feed cut in two, each part parsed, finished and written by a thread.
                    output.write(json.takeBytes())
                    for piece in parts.pieces { output.write(piece) }
                    result = parts.result
                } else if finishesBeside {
                    output.write(json.takeBytes())
                    let finisher = EntryFinisher(json: json)
                    result = FeedParser.parseUnfinished(bytes, baseURL: baseURL, contentType: contentType) { entry in
                        finisher.send(entry)
                        for piece in finisher.take() { output.write(piece) }
                    }
                    let rest = finisher.close()
                    for piece in rest.pieces { output.write(piece) }
                    json = rest.json
                } else {
                    result = FeedParser.parse(bytes, baseURL: baseURL, contentType: contentType) { entry in
                        json.entry(entry)
                        if json.bytes.count > 1 << 16 { output.write(json.takeBytes()) }
                    }
                }
                json.endArray()
                json.documentMembers(result)
                json.endObject()
                output.write(json.bytes + [0x0A])
                if result.format == .unknown {
                    output.failed = true
                    output.error("\(input): not a feed (no RSS, Atom or JSON Feed root element)")
                }
            }
            if failed { throw ExitCode(2) }
        }
    }
}
