import ArgumentParser
import Dispatch

/// The `tributary` command: a news-feed aggregator and generator.
///
/// Every command and subcommand names itself (`commandName`): otherwise swift-argument-parser
/// derives each name with `String(describing:)`, whose scan of the binary's protocol
/// conformances cost about a millisecond of every start (12.3 → 11.2 ms of CPU for `parse`).
@main
struct Tributary: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tributary",
        abstract: "Read news feeds and pages, merge the same story from many sources, write combined Atom feeds.",
        discussion: """
            Inputs are files, or - for standard input. Several inputs print one JSON object per \
            line (JSON Lines), in input order, each with its "input".

            Exit status: 0 success, 1 the job failed or (validate) the input is invalid, 2 an input is unreadable or not a feed, \
            64 usage error.
            """,
        subcommands: [
            Aggregate.self, Generate.self, Serve.self, Validate.self, Sources.self, Parse.self, Extract.self, Summarize.self,
            Cluster.self,
        ]
    )

    /// Starts the command; for the long-running ones (`aggregate`, `serve`) the allocator's
    /// arenas are bounded first (``Allocator/boundArenas()``). It has to be done before the
    /// first thread of the concurrency runtime or of the HTTP client allocates: a thread that
    /// has taken an arena of its own keeps it, and set later (in the command's `run`) the bound
    /// left an arena of 37 MB more beside the main heap in an aggregation run.
    ///
    /// The arguments are parsed on the main thread, and a command whose `run` is synchronous
    /// (`parse`, `extract`, `summarize`, `cluster`) runs there too: the concurrency runtime's
    /// threads are started only for the others, which saves about a millisecond of every start
    /// of those four (swift-argument-parser's asynchronous `main` parses after a hop to them).
    static func main() {
        if let command = CommandLine.arguments.dropFirst().first, command == "aggregate" || command == "serve" {
            Allocator.boundArenas()
        }
        let command: any ParsableCommand
        do {
            command = try directCommand(Array(CommandLine.arguments.dropFirst())) ?? parseAsRoot()
        } catch {
            exit(withError: error)
        }
        if let asynchronous = command as? any AsyncParsableCommand {
            run(asynchronous)
        }
        do {
            var command = command
            try command.run()
        } catch {
            exit(withError: error)
        }
    }

    /// A command without subcommands of its own, parsed by itself when its arguments are valid.
    /// Parsing from the root first builds and checks the arguments of every command in the tree,
    /// and the root's parse tries the arguments as a completion-script request before anything
    /// else; each leaf command names `tributary` as its `_superCommandName`, which skips that
    /// try when the leaf is parsed alone and makes its usage lines read `tributary parse`. About
    /// 0.4–0.7 ms of every start of `parse`, `extract` and the others (one small feed: 7.4 →
    /// 7.05 ms at best over 300 alternating runs). Help, completion scripts, and arguments the
    /// command rejects go through the root as before, so every message stays what it was.
    /// `parse` with arguments of the plainest form is not given to swift-argument-parser at all
    /// (``Parse/plain(_:)``).
    static func directCommand(_ arguments: [String]) -> (any ParsableCommand)? {
        guard let name = arguments.first else { return nil }
        let rest = Array(arguments.dropFirst())
        let rootOnly: Set<String> = ["-h", "--help", "-help", "help", "--version"]
        func isForTheRoot(_ argument: String) -> Bool {
            rootOnly.contains(argument) || argument.hasPrefix("--generate-completion") || argument.hasPrefix("--experimental")
                || argument.hasPrefix("---")
        }
        guard !rest.contains(where: isForTheRoot) else { return nil }
        if name == "parse", let parse = Parse.plain(rest) { return parse }
        guard
            let command = configuration.subcommands.first(where: {
                $0.configuration.commandName == name && $0.configuration.subcommands.isEmpty
            })
        else { return nil }
        return try? command.parseAsRoot(rest)
    }

    /// Runs an asynchronous command on the concurrency runtime, the main thread serving the
    /// main queue meanwhile (as an `async` main does), and exits when it is done.
    private static func run(_ command: any AsyncParsableCommand) -> Never {
        let command = UncheckedCommand(command: command)
        Task {
            var running = command.command
            do {
                try await running.run()
            } catch {
                exit(withError: error)
            }
            exit()
        }
        dispatchMain()
    }

    /// A parsed command handed to the task that runs it (a command's options are plain values,
    /// read by that task alone).
    private struct UncheckedCommand: @unchecked Sendable {
        let command: any AsyncParsableCommand
    }
}
