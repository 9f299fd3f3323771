import FerryCore

/// `ferry app create NAME --repo URL --path PATH …`: registers an application.
public struct AppCreateCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(commandName: "create", abstract: "Create an application.")

    @OptionGroup var client: ClientOptions
    @OptionGroup var output: OutputOptions

    @Argument(name: "name", help: "Application name.") var name: String
    @Option(name: .customLong("repo"), help: "Git repository URL.") var repo: String
    @Option(name: .customLong("path"), help: "Path of the manifests inside the repository.") var path: String
    @Option(name: .customLong("revision"), help: "Branch, tag or commit to track.") var revision: String = "HEAD"
    @Option(name: .customLong("dest-namespace"), help: "Namespace to deploy into.") var destNamespace: String = "default"
    @Option(name: .customLong("dest-server"), help: "Cluster API server URL (default: the cluster Ferry runs against).")
    var destServer: String?
    @Flag(name: .customLong("auto-sync"), help: "Sync automatically when Git changes.") var autoSync = false
    @Flag(name: .customLong("prune"), help: "Let automated sync delete resources no longer in Git (implies --auto-sync).") var prune = false
    @Flag(name: .customLong("self-heal"), help: "Undo drift in the cluster (implies --auto-sync).") var selfHeal = false
    @Flag(name: .customLong("create-namespace"), help: "Create the destination namespace when syncing.")
    var createNamespace = false
    @Option(name: .customLong("nameprefix"), help: "Kustomize: name prefix.") var namePrefix: String?
    @Option(name: .customLong("namesuffix"), help: "Kustomize: name suffix.") var nameSuffix: String?
    @Option(name: .customLong("kustomize-namespace"), help: "Kustomize: namespace.") var kustomizeNamespace: String?
    @Option(name: .customLong("kustomize-image"), help: "Kustomize: image override, e.g. nginx=registry/nginx:1.27 (repeatable).")
    var kustomizeImages: [String] = []
    @Option(name: .customLong("kustomize-common-label"), help: "Kustomize: common label KEY=VALUE (repeatable).")
    var kustomizeLabels: [String] = []
    @Option(name: .customLong("kustomize-common-annotation"), help: "Kustomize: common annotation KEY=VALUE (repeatable).")
    var kustomizeAnnotations: [String] = []
    @Flag(name: .customLong("kustomize-force-common-label"), help: "Kustomize: let common labels replace existing ones.")
    var forceLabels = false
    @Flag(name: .customLong("kustomize-force-common-annotation"), help: "Kustomize: let common annotations replace existing ones.")
    var forceAnnotations = false
    @Option(name: .customLong("kustomize-replica"), help: "Kustomize: replica count NAME=COUNT (repeatable).")
    var kustomizeReplicas: [String] = []

    /// Creates the command.
    public init() {}

    /// The application this invocation describes (status empty; the server fills it in).
    public func application() throws -> Application {
        var syncPolicy = SyncPolicy()
        if autoSync || prune || selfHeal {
            syncPolicy.automated = SyncPolicy.Automated(prune: prune, selfHeal: selfHeal)
        }
        if createNamespace { syncPolicy.syncOptions = ["CreateNamespace=true"] }
        let hasPolicy = syncPolicy.automated != nil || syncPolicy.syncOptions != nil
        let spec = ApplicationSpec(
            source: Source(repoURL: repo, path: path, targetRevision: revision, kustomize: try kustomize()),
            destination: Destination(server: destServer, namespace: destNamespace),
            syncPolicy: hasPolicy ? syncPolicy : nil)
        return Application(name: name, spec: spec)
    }

    /// The `--nameprefix`/`--kustomize-*` options as Argo CD's `spec.source.kustomize`, or nil when none is given.
    func kustomize() throws -> KustomizeOverrides? {
        func pairs(_ items: [String], flag: String) throws -> [String: String]? {
            guard !items.isEmpty else { return nil }
            var map: [String: String] = [:]
            for item in items {
                guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                    throw ValidationError("--\(flag) '\(item)': expected KEY=VALUE")
                }
                map[String(item[..<eq])] = String(item[item.index(after: eq)...])
            }
            return map
        }
        let replicas = try pairs(kustomizeReplicas, flag: "kustomize-replica")?.sorted { $0.key < $1.key }.map { name, count in
            guard let n = Int(count) else { throw ValidationError("--kustomize-replica '\(name)=\(count)': the count must be an integer") }
            return KustomizeOverrides.Replica(name: name, count: n)
        }
        let overrides = KustomizeOverrides(
            namePrefix: namePrefix, nameSuffix: nameSuffix, images: kustomizeImages.isEmpty ? nil : kustomizeImages,
            namespace: kustomizeNamespace,
            commonLabels: try pairs(kustomizeLabels, flag: "kustomize-common-label"),
            commonAnnotations: try pairs(kustomizeAnnotations, flag: "kustomize-common-annotation"),
            forceCommonLabels: forceLabels ? true : nil, forceCommonAnnotations: forceAnnotations ? true : nil,
            replicas: replicas)
        return overrides.isEmpty ? nil : overrides
    }

    /// Sends the application to the server and prints the result.
    public func run() async throws {
        try await CommandRunner.run {
            let created = try await client.client().create(try application())
            if let text = try output.output.encode(created) {
                CommandRunner.write(text)
            } else {
                CommandRunner.write("application '\(created.name)' created\n")
            }
        }
    }
}
