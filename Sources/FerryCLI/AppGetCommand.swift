
/// `ferry app get NAME [--refresh]`: one application's summary and resources.
public struct AppGetCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(commandName: "get", abstract: "Show an application.")

    @OptionGroup var client: ClientOptions
    @OptionGroup var output: OutputOptions
    @Argument(name: "name", help: "Application name.") var name: String
    @Flag(name: .customLong("refresh"), help: "Re-read Git and the cluster before showing the application.") var refresh = false

    /// Creates the command.
    public init() {}

    /// Fetches (optionally refreshing first) and prints the application.
    public func run() async throws {
        try await CommandRunner.run {
            let api = try client.client()
            let app = refresh ? try await api.refresh(name) : try await api.application(name)
            if let text = try output.output.encode(app) {
                CommandRunner.write(text)
                return
            }
            var text = ApplicationSummary.text(app)
            if !app.status.resources.isEmpty {
                text += "\n" + ApplicationTable.resources(app, wide: output.output == .wide).render()
            }
            CommandRunner.write(text)
        }
    }
}
