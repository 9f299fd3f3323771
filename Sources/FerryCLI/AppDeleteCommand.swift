
/// `ferry app delete NAME [--cascade]`: unregisters an application.
public struct AppDeleteCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete an application.")

    @OptionGroup var client: ClientOptions
    @Argument(name: "name", help: "Application name.") var name: String
    @Flag(name: .customLong("cascade"), help: "Also delete every resource the application manages from the cluster.") var cascade = false

    /// Creates the command.
    public init() {}

    /// Deletes the application.
    public func run() async throws {
        try await CommandRunner.run {
            try await client.client().delete(name, cascade: cascade)
            CommandRunner.write("application '\(name)' deleted\(cascade ? " (with its resources)" : "")\n")
        }
    }
}
