
/// `ferry app history NAME`: the application's sync runs, newest first.
public struct AppHistoryCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(commandName: "history", abstract: "Show sync history.")

    @OptionGroup var client: ClientOptions
    @OptionGroup var output: OutputOptions
    @Argument(name: "name", help: "Application name.") var name: String

    /// Creates the command.
    public init() {}

    /// Fetches and prints the history.
    public func run() async throws {
        try await CommandRunner.run {
            let runs = try await client.client().history(name)
            CommandRunner.write(try output.output.encode(runs)
                                ?? SyncRunReport.history(runs, wide: output.output == .wide).render())
        }
    }
}
