
/// `ferry app list`: all applications with their sync and health status.
public struct AppListCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(commandName: "list", abstract: "List applications.",
                                                           aliases: ["ls"])

    @OptionGroup var client: ClientOptions
    @OptionGroup var output: OutputOptions

    /// Creates the command.
    public init() {}

    /// Fetches and prints the applications.
    public func run() async throws {
        try await CommandRunner.run {
            let apps = try await client.client().listApplications()
            if let text = try output.output.encode(apps) {
                CommandRunner.write(text)
            } else {
                CommandRunner.write(ApplicationTable.list(apps, wide: output.output == .wide).render())
            }
        }
    }
}
