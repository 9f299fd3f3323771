import Controller
import FerryCore
import Foundation
import Hummingbird
import Logging
import Mustache
import ServiceLifecycle

/// Ferry's HTTP server: REST API, dashboard and health check in one Hummingbird application.
///
/// Run it with `run(onRunning:)` (until the task is cancelled) or add it to a `ServiceGroup`.
public struct FerryServer: Service {
    private let service: any ApplicationService
    private let options: ServerOptions
    private let logger: Logger

    /// Creates a server acting on applications through `service`.
    public init(service: any ApplicationService, options: ServerOptions, logger: Logger) {
        self.service = service
        self.options = options
        self.logger = logger
    }

    /// Runs until cancelled (or gracefully shut down); calls `onRunning(port)` once the port is bound.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        let router = try await makeRouter()
        let logger = self.logger
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "ferry"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("ferry server listening", metadata: ["port": "\(port)"])
                await onRunning(port)
            },
            logger: logger
        )
        try await Self.runUntilCancelled(app, logger: logger)
    }

    /// Runs `app` in its own service group and turns task cancellation into a graceful shutdown, so
    /// in-flight requests finish and connections close cleanly instead of being torn down.
    private static func runUntilCancelled(_ app: some Service, logger: Logger) async throws {
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let running = Task { try await group.run() }
        try await withTaskCancellationHandler {
            try await running.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
    }

    /// `Service` conformance: runs without reporting the port.
    public func run() async throws {
        try await run(onRunning: { _ in })
    }

    /// Builds the router: middleware, health check, API, dashboard and static files.
    func makeRouter() async throws -> Router<FerryRequestContext> {
        let authority = TokenAuthority(adminToken: options.adminToken)
        let templates = try await DashboardTemplates.load(from: options.webDirectory)
        let router = Router(context: FerryRequestContext.self)
        router.add(middleware: AuthMiddleware(authority: authority))
        let staticDirectory = options.webDirectory.appendingPathComponent("static", isDirectory: true).path
        router.add(middleware: FileMiddleware(staticDirectory, urlBasePath: "/static", logger: logger))
        router.get("healthz") { _, _ in Response.text("ok") }
        APIRoutes(service: service, maxBodySize: options.maxBodySize).register(on: router)
        DashboardRoutes(service: service, templates: templates, authority: authority,
                        maxBodySize: options.maxBodySize).register(on: router)
        return router
    }
}
