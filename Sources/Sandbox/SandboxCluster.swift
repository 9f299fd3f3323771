import FerryCore
import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import Store
import Synchronization

/// An embedded Kubernetes API server persisted in SQLite (`<dataDirectory>/sandbox.db`), with a simulated
/// control plane. `start()` serves it over HTTP (or HTTPS with authentication, see `SandboxOptions.tls`) and writes `<dataDirectory>/kubeconfig` for kubectl.
public final class SandboxCluster: Sendable {
    /// Where the database and kubeconfig live.
    public let dataDirectory: URL
    /// Listening address and simulation settings.
    public let options: SandboxOptions
    let store: ObjectStore
    let discovery: Discovery
    let token: String
    let logger: Logger
    let faults: FaultInjector
    private let running = Mutex<Task<Void, Never>?>(nil)

    /// Opens (creating if needed) the sandbox in `dataDirectory` and seeds the default namespaces.
    public init(dataDirectory: URL, options: SandboxOptions = .init()) throws {
        self.dataDirectory = dataDirectory
        self.options = options
        faults = FaultInjector(options.faults)
        var logger = Logger(label: "ferry.sandbox")
        logger.logLevel = .warning
        self.logger = logger
        do {
            try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw SandboxError("cannot create data directory \(dataDirectory.path): \(error.localizedDescription)")
        }
        let path = dataDirectory.appendingPathComponent("sandbox.db").path
        do {
            store = try ObjectStore(database: try SQLiteDatabase(path: path))
            token = try store.setting("token") { Self.makeToken() }
        } catch let error as SandboxError {
            throw error
        } catch {
            throw SandboxError("cannot open \(path): \(error)")
        }
        discovery = try Discovery.load()
        do {
            store.feed.begin(at: try store.currentResourceVersion(), capacity: options.watchHistory)
        } catch {
            throw SandboxError("cannot read the resourceVersion of \(path): \(error)")
        }
        try seedNamespaces()
    }

    /// The faults injected into resource requests (see the module README); changeable while running.
    public var faultSettings: FaultSettings {
        get { faults.settings }
        set { faults.update(newValue) }
    }

    /// The kubeconfig written by `start()`.
    public var kubeconfigPath: URL { dataDirectory.appendingPathComponent("kubeconfig") }

    /// Starts serving; returns the base URL once the port is bound, after writing the kubeconfig.
    public func start() async throws -> URL {
        let (ports, portSink) = AsyncStream<Result<Int, any Error>>.makeStream()
        let server = APIServer(discovery: discovery, store: store, logger: logger, faults: faults,
                               bookmarkInterval: options.bookmarkInterval, freshnessTimeout: options.freshnessTimeout)
        let (adapter, faults, token) = (HTTPAdapter(server: server, token: token), faults, token)
        var appLogger = logger
        appLogger.logLevel = .critical  // HummingbirdCore logs a CancellationError at error level on every stop
        let certificates = try options.tls.map { _ in
            let authority = try SandboxAuthority(json: try store.setting("tls-authority") { try SandboxAuthority.create().json })
            return try SandboxCertificates.generate(host: options.host, authority: authority)
        }
        let authenticator = certificates.map { _ in SandboxAuthenticator(token: token) }
        let app = Application(
            responder: CallbackResponder<SandboxRequestContext> { request, context in
                if let authenticator, await !authenticator.authenticates(
                    path: request.uri.path, authorization: request.headers[.authorization], channel: context.channel) {
                    return SandboxAuthenticator.unauthorized()
                }
                return try await faults.respond(request, token: token) { try await adapter.respond($0) }
            },
            server: try certificates.map { try .tls(.http1(), tlsConfiguration: try $0.serverConfiguration()) } ?? .http1(),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in portSink.yield(.success(channel.localAddress?.port ?? 0)) },
            logger: appLogger)
        let controlPlane = ControlPlane(store: store, delay: options.simulationDelay, logger: logger)
        let task = Task {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    do { try await app.run() } catch { portSink.yield(.failure(error)) }
                    portSink.finish()
                }
                group.addTask { await controlPlane.run() }
                group.addTask { [options] in await controlPlane.runCronJobs(clock: options.clock, interval: options.cronInterval) }
            }
        }
        await stop()
        running.withLock { $0 = task }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next() else { throw SandboxError("server on \(options.host) stopped before binding") }
        let port: Int
        do { port = try bound.get() } catch {
            task.cancel()
            throw SandboxError("cannot listen on \(options.host):\(options.port): \(error)")
        }
        let base = "\(certificates == nil ? "http" : "https")://\(options.host):\(port)"
        try Kubeconfig.write(to: kubeconfigPath, server: base,
                             credentials: .init(token: token, certificates: certificates, tls: options.tls))
        guard let url = URL(string: base) else { throw SandboxError("invalid server address \(base)") }
        return url
    }

    /// Stops serving and the simulated control plane; returns when both have ended.
    public func stop() async {
        guard let task = running.withLock({ state -> Task<Void, Never>? in defer { state = nil }; return state }) else { return }
        task.cancel()
        store.feed.finish()
        await task.value
    }

    /// Serves until the calling task is cancelled (for `ferry sandbox`).
    public func run() async throws {
        // Already started (e.g. by `ferry sandbox` to print the address): restarting would end the change feed.
        if running.withLock({ $0 == nil }) { _ = try await start() }
        while !Task.isCancelled {
            do { try await Task.sleep(for: .seconds(3600)) } catch { break }
        }
        await stop()
    }

    private func seedNamespaces() throws {
        guard let type = discovery.resource(group: "", version: "v1", name: "namespaces") else {
            throw SandboxError("discovery data has no v1 namespaces")
        }
        for name in ["default", "kube-system", "kube-public", "kube-node-lease"] {
            try store.modify(ObjectKey(group: "", resource: "namespaces", namespace: "", name: name)) { current in
                guard current == nil else { return .keep }
                var object: Value = ["apiVersion": "v1", "kind": "Namespace",
                                     "metadata": ["name": .string(name), "labels": ["kubernetes.io/metadata.name": .string(name)]]]
                ObjectRules.prepareCreate(&object, type, namespace: nil)
                return .put(object)
            }
        }
    }

    private static func makeToken() -> String {
        (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "").lowercased()
    }
}
