
/// `ferry app …`: manage applications on a Ferry server.
public struct AppCommand: AsyncParsableCommand {
    /// The `app` command group.
    public static let configuration = CommandConfiguration(
        commandName: "app",
        abstract: "Manage applications.",
        subcommands: [AppCreateCommand.self, AppListCommand.self, AppGetCommand.self, AppDiffCommand.self,
                      AppSyncCommand.self, AppHistoryCommand.self, AppRollbackCommand.self, AppWaitCommand.self,
                      AppDeleteCommand.self])

    /// Creates the command.
    public init() {}
}
