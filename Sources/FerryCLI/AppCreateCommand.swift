import ArgumentParser
import FerryCore

/// `ferry app create NAME --repo URL --path PATH …`: registers an application.
public struct AppCreateCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(commandName: "create", abstract: "Create an application.")

    @OptionGroup var client: ClientOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Application name.") var name: String
    @Option(help: "Git repository URL.") var repo: String
    @Option(help: "Path of the manifests inside the repository.") var path: String
    @Option(help: "Branch, tag or commit to track.") var revision: String = "HEAD"
    @Option(name: .customLong("dest-namespace"), help: "Namespace to deploy into.") var destNamespace: String = "default"
    @Option(name: .customLong("dest-server"), help: "Cluster API server URL (default: the cluster Ferry runs against).")
    var destServer: String?
    @Flag(name: .customLong("auto-sync"), help: "Sync automatically when Git changes.") var autoSync = false
    @Flag(help: "Let automated sync delete resources no longer in Git (implies --auto-sync).") var prune = false
    @Flag(name: .customLong("self-heal"), help: "Undo drift in the cluster (implies --auto-sync).") var selfHeal = false
    @Flag(name: .customLong("create-namespace"), help: "Create the destination namespace when syncing.")
    var createNamespace = false

    /// Creates the command.
    public init() {}

    /// The application this invocation describes (status empty; the server fills it in).
    public func application() -> Application {
        var syncPolicy = SyncPolicy()
        if autoSync || prune || selfHeal {
            syncPolicy.automated = SyncPolicy.Automated(prune: prune, selfHeal: selfHeal)
        }
        if createNamespace { syncPolicy.syncOptions = ["CreateNamespace=true"] }
        let hasPolicy = syncPolicy.automated != nil || syncPolicy.syncOptions != nil
        let spec = ApplicationSpec(
            source: Source(repoURL: repo, path: path, targetRevision: revision),
            destination: Destination(server: destServer, namespace: destNamespace),
            syncPolicy: hasPolicy ? syncPolicy : nil)
        return Application(name: name, spec: spec)
    }

    /// Sends the application to the server and prints the result.
    public func run() async throws {
        try await CommandRunner.run {
            let created = try await client.client().create(application())
            if let text = try output.output.encode(created) {
                CommandRunner.write(text)
            } else {
                CommandRunner.write("application '\(created.name)' created\n")
            }
        }
    }
}
