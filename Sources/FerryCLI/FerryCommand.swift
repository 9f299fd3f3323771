
/// The `ferry` command tree.
public struct FerryCommand: AsyncParsableCommand {
    /// The root command and its subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "ferry",
        abstract: "GitOps continuous delivery for Kubernetes.",
        version: FerryVersion.client,
        subcommands: [ServeCommand.self, SandboxCommand.self, AppCommand.self, RenderCommand.self, LoginCommand.self,
                      VersionCommand.self])

    /// Creates the root command.
    public init() {}
}
