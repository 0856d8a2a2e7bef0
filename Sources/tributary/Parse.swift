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

extension Tributary.Parse {
    /// The command for arguments of the plainest form, read without swift-argument-parser, or
    /// nil for anything else (which then goes through it, with its messages and help).
    ///
    /// swift-argument-parser finds a command's arguments by reflecting on it and casting each
    /// property to its own protocols, and each first cast of a type scans every protocol
    /// conformance in the binary (about 10,500, most of them the HTTP and database libraries'):
    /// about a fifth of the start of a `parse` of one small feed. A corpus is parsed one process
    /// per set of files, and a script may call `tributary parse` once per feed.
    ///
    /// Read here: inputs that do not start with `-`, and `--inputs-from`, `--base-url`,
    /// `--content-type`, `--jobs`/`-j`, each given once, its value in the next argument and not
    /// starting with `-`, and a `--jobs` of at least 1. That is exactly what the full parser
    /// accepts of these forms, with the same values.
    static func plain(_ arguments: [String]) -> Self? {
        var inputs: [String] = []
        var values: [String: String] = [:]
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            guard argument.hasPrefix("-") else {
                inputs.append(argument)
                index += 1
                continue
            }
            let name = argument == "-j" ? "--jobs" : argument
            guard ["--inputs-from", "--base-url", "--content-type", "--jobs"].contains(name), values[name] == nil,
                index + 1 < arguments.endIndex, !arguments[index + 1].hasPrefix("-")
            else { return nil }
            values[name] = arguments[index + 1]
            index += 2
        }
        guard !inputs.isEmpty || values["--inputs-from"] != nil else { return nil }
        var jobs: Int?
        if let text = values["--jobs"] {
            guard let number = Int(text), number >= 1 else { return nil }
            jobs = number
        }
        var command = Self()
        var list = InputList()
        list.inputs = inputs
        list.listFile = values["--inputs-from"]
        command.inputList = list
        var jobsOption = JobsOption()
        jobsOption.jobs = jobs
        command.jobs = jobsOption
        command.baseURL = values["--base-url"]
        command.contentType = values["--content-type"]
        return command
    }
}
