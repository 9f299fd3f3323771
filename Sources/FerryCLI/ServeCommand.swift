import Controller
import FerryCore
import Foundation
import GitSource
import KubeClient
import Logging
import Sandbox
import Server
import ServiceLifecycle
import Store

/// `ferry serve`: the controller, REST API and dashboard in one process.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the controller, REST API and dashboard.",
        discussion: """
        With no --kubeconfig (and no in-cluster service account), Ferry starts its embedded sandbox cluster \
        and writes DATA/sandbox/kubeconfig so kubectl can inspect it.
        """)

    @Option(name: .customLong("host"), help: "Address to listen on.") var host = "127.0.0.1"
    @Option(name: .customLong("port"), help: "Port for the API and dashboard.") var port = 8080
    @Option(name: .customLong("data"), help: "Directory for Ferry's state (database, Git cache, sandbox).") var data = "./data"
    @Option(name: .customLong("kubeconfig"), help: "Kubeconfig of the cluster to manage.") var kubeconfig: String?
    @Option(name: .customLong("context"), help: "Context in the kubeconfig (default: its current context).") var context: String?
    @Flag(name: .customLong("demo"), help: "Create a local Git repository with sample apps and register them with automated sync.") var demo = false
    @Option(name: .customLong("poll-interval"), help: "Seconds between checks of each application.") var pollInterval: Double = 30
    @Option(name: .customLong("web"), help: "Directory of dashboard templates and assets (default: found next to the binary).") var web: String?
    @Option(name: .customLong("repo-credentials"), help: "YAML file of Git credentials by URL prefix (see README); secrets never go in app specs.")
    var repoCredentials: String?
    @Option(name: .customLong("log-level"), help: "Log level (trace, debug, info, notice, warning, error).") var logLevel = "info"

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            return handler
        }
        let logger = Logger(label: "ferry")
        let dataDir = URL(fileURLWithPath: data).standardizedFileURL
        try FileManager.default.createDirectory(at: dataDir, withIntermediateDirectories: true)
        let token = try AdminToken.loadOrCreate(in: dataDir)
        say("admin token: \(dataDir.appendingPathComponent(AdminToken.fileName).path) (mode 0600)")

        let (connection, sandbox) = try await connect(dataDir: dataDir, logger: logger)
        let api = HTTPKubeAPI(connection: connection)
        let store = try SQLiteStore(path: dataDir.appendingPathComponent("ferry.db").path)
        let credentials = try repoCredentials.map(RepositoryCredentials.load(path:)) ?? RepositoryCredentials()
        let git = LibGit2Source(cacheDirectory: dataDir.appendingPathComponent("git-cache"),
                                credentials: { credentials.credentials(for: $0) })
        let controller = Controller(store: store, git: git, api: api,
                                    options: ControllerOptions(pollInterval: .milliseconds(Int(pollInterval * 1000))),
                                    logger: logger)
        if demo { try await Demo.install(in: dataDir, controller: controller, logger: logger) }

        guard let webDir = web.map({ URL(fileURLWithPath: $0) }) ?? FerryServer.locateWebDirectory() else {
            throw ValidationError("cannot find the dashboard's web/ directory; pass --web DIR or set FERRY_WEB_DIR")
        }
        let server = FerryServer(service: controller,
                                 options: ServerOptions(host: host, port: port, webDirectory: webDir, adminToken: token),
                                 logger: logger)
        let services: [any Service] = [
            ClosureService { try await controller.run() },
            ClosureService {
                try await server.run { port in say("Ferry is serving on http://\(host):\(port)") }
            },
        ]
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
        await sandbox?.stop()
    }

    /// The cluster connection: the given kubeconfig, the in-cluster service account, or the sandbox.
    func connect(dataDir: URL, logger: Logger) async throws -> (KubeConnection, SandboxCluster?) {
        if let kubeconfig {
            return (try KubeConfig.load(path: kubeconfig).connection(context: context), nil)
        }
        if InClusterConfig.isAvailable() {
            return (try InClusterConfig.load(), nil)
        }
        let sandboxDir = dataDir.appendingPathComponent("sandbox")
        try FileManager.default.createDirectory(at: sandboxDir, withIntermediateDirectories: true)
        let sandbox = try SandboxCluster(dataDirectory: sandboxDir, options: SandboxOptions())
        let url = try await sandbox.start()
        say("sandbox cluster on \(url.absoluteString); kubeconfig: \(sandbox.kubeconfigPath.path)")
        return (try KubeConfig.load(path: sandbox.kubeconfigPath.path).connection(context: nil), sandbox)
    }
}

/// Runs a closure as a lifecycle service, cancelled on graceful shutdown.
struct ClosureService: Service {
    let body: @Sendable () async throws -> Void
    init(_ body: @escaping @Sendable () async throws -> Void) { self.body = body }
    func run() async throws {
        try await cancelWhenGracefulShutdown { try await body() }
    }
}

/// The admin token in DATA/admin-token (mode 0600), created on first start.
enum AdminToken {
    static let fileName = "admin-token"

    static func loadOrCreate(in dir: URL) throws -> String {
        let file = dir.appendingPathComponent(fileName)
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !token.isEmpty { return token }
        }
        var generator = SystemRandomNumberGenerator()
        let token = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        guard FileManager.default.createFile(atPath: file.path, contents: Data((token + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw ValidationError("cannot write \(file.path)")
        }
        return token
    }
}

/// Writes a line to stdout unbuffered, so a supervising process sees it at once.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
