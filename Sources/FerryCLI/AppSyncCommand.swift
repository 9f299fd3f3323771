import FerryCore

/// `ferry app sync NAME [--prune] [--dry-run] [--revision REF]`: applies Git to the cluster now.
public struct AppSyncCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(commandName: "sync", abstract: "Sync an application.")

    @OptionGroup var client: ClientOptions
    @OptionGroup var output: OutputOptions
    @Argument(name: "name", help: "Application name.") var name: String
    @Flag(name: .customLong("prune"), help: "Delete resources that are no longer in Git.") var prune = false
    @Flag(name: .customLong("dry-run"), help: "Plan the sync without changing the cluster.") var dryRun = false
    @Option(name: .customLong("revision"), help: "Sync this branch, tag or commit instead of the tracked one.") var revision: String?

    /// Creates the command.
    public init() {}

    /// Runs the sync, prints one line per resource, and fails if the run failed.
    public func run() async throws {
        try await CommandRunner.run {
            let run = try await client.client().sync(name, prune: prune, dryRun: dryRun, revision: revision)
            try SyncRunOutput.print(run, format: output.output, dryRun: dryRun, app: name)
        }
    }
}

/// Prints a finished sync run and turns a failed run into a non-zero exit.
enum SyncRunOutput {
    static func print(_ run: SyncRun, format: OutputFormat, dryRun: Bool, app: String) throws {
        CommandRunner.write(try format.encode(run) ?? SyncRunReport.text(run, dryRun: dryRun))
        guard run.phase != .failed else {
            throw CLIError("sync of application '\(app)' failed" + (run.message.isEmpty ? "" : ": \(run.message)"))
        }
    }
}
