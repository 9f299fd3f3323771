
/// `ferry app rollback NAME ID`: re-applies the manifests of an earlier sync run.
public struct AppRollbackCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "rollback", abstract: "Roll back to the manifests of an earlier sync run (see 'app history').")

    @OptionGroup var client: ClientOptions
    @OptionGroup var output: OutputOptions
    @Argument(name: "name", help: "Application name.") var name: String
    @Argument(name: "id", help: "The sync run ID to roll back to.") var id: Int64

    /// Creates the command.
    public init() {}

    /// Runs the rollback and prints one line per resource; fails if the run failed.
    public func run() async throws {
        try await CommandRunner.run {
            let run = try await client.client().rollback(name, id: id)
            try SyncRunOutput.print(run, format: output.output, dryRun: false, app: name)
        }
    }
}
