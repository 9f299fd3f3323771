
/// `ferry app diff NAME`: the unified diff between Git and the cluster. Exits 1 when out of sync.
public struct AppDiffCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Show what a sync would change (exit code 1 when out of sync).")

    @OptionGroup var client: ClientOptions
    @Argument(name: "name", help: "Application name.") var name: String

    /// Creates the command.
    public init() {}

    /// Prints the diff and exits 1 if the application is out of sync.
    public func run() async throws {
        var outOfSync = false
        try await CommandRunner.run {
            let result = try await client.client().diff(name)
            if !result.text.isEmpty {
                CommandRunner.write(result.text.hasSuffix("\n") ? result.text : result.text + "\n")
            }
            outOfSync = result.diff.outOfSync
        }
        if outOfSync { throw ExitCode(1) }
    }
}
