import Diff
import FerryCore
import Foundation
import GitSource
import Health
import KubeClient
import Logging
import Rendering
import Store
import Sync

/// Settings of the reconcile loop.
public struct ControllerOptions: Sendable {
    /// How often each application is re-checked against Git and the cluster (Argo CD's default: 3 min; Ferry's: 30 s).
    public var pollInterval: Duration = .seconds(30)
    /// Fraction of the interval added or removed at random so apps do not refresh in lockstep.
    public var jitter: Double = 0.1
    /// How many history entries `status.history` carries.
    public var historyLimit = 10
    /// Minimum time between two self-heal syncs of one app.
    public var selfHealBackoff: Duration = .seconds(5)

    public init(pollInterval: Duration = .seconds(30), jitter: Double = 0.1) {
        self.pollInterval = pollInterval; self.jitter = jitter
    }
}

/// The reconcile loop and the operations users ask for. Implements `ApplicationService`.
///
/// One application is reconciled or synced at a time (per-app lock); different apps proceed in parallel.
public final class Controller: ApplicationService {
    let store: any FerryStore
    let git: any GitSource
    let api: any KubeAPI
    let options: ControllerOptions
    let logger: Logger
    let now: @Sendable () -> Date
    let locks = KeyedLock()
    let schedule = Schedule()

    /// Initiator name recorded for syncs the controller starts by itself.
    public static let automatedInitiator = "automated"

    public init(store: any FerryStore, git: any GitSource, api: any KubeAPI, options: ControllerOptions = .init(),
                logger: Logger = Logger(label: "ferry.controller"), now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store; self.git = git; self.api = api; self.options = options
        self.logger = logger; self.now = now
    }

    // MARK: ApplicationService

    public func list() async throws -> [Application] {
        try store.applications().map(withHistory)
    }

    public func get(_ name: String) async throws -> Application {
        try withHistory(try load(name))
    }

    public func create(_ app: Application) async throws -> Application {
        try ApplicationValidator.validate(app)
        var fresh = Application(name: app.name, spec: app.spec)
        fresh.metadata.creationTimestamp = now()
        do { try store.createApplication(fresh) } catch let error as StoreError where error.code == .alreadyExists {
            throw ServiceError(.alreadyExists, "application '\(app.name)' already exists")
        }
        event(app.name, "Normal", "Created", "application created for \(app.spec.source.repoURL) path \(app.spec.source.path)")
        schedule.dueNow(app.name)
        return fresh
    }

    public func delete(_ name: String, cascade: Bool) async throws {
        let app = try load(name)
        try await locks.withLock(name) {
            if cascade { try await self.deleteManagedObjects(of: app) }
            try self.store.deleteApplication(named: name)
        }
        schedule.remove(name)
        logger.info("application deleted", metadata: ["app": "\(name)", "cascade": "\(cascade)"])
    }

    public func refresh(_ name: String) async throws -> Application {
        _ = try load(name)
        try await reconcile(name, allowAutoSync: true)
        return try await get(name)
    }

    public func history(_ name: String) async throws -> [SyncRun] {
        _ = try load(name)
        return try store.syncRuns(app: name, limit: 1000).map(\.redacted)
    }

    public func diff(_ name: String) async throws -> AppDiff {
        let app = try load(name)
        let state = try await compare(app)
        return state.appDiff
    }

    // MARK: helpers

    func load(_ name: String) throws -> Application {
        guard let app = try store.application(named: name) else { throw ServiceError.notFound("application '\(name)'") }
        return app
    }

    func withHistory(_ app: Application) throws -> Application {
        var app = app
        let runs = try store.syncRuns(app: app.name, limit: options.historyLimit)
        app.status.history = runs.reversed().filter { $0.phase != .running }.map {
            HistoryEntry(id: $0.id, revision: $0.revision, deployedAt: $0.finishedAt ?? $0.startedAt,
                         initiatedBy: $0.initiatedBy, rollbackOf: $0.rollbackOf)
        }
        return app
    }

    func event(_ app: String, _ type: String, _ reason: String, _ message: String) {
        do {
            try store.recordEvent(AppEvent(app: app, time: now(), type: type, reason: reason, message: message))
        } catch {
            logger.warning("cannot record event", metadata: ["app": "\(app)", "error": "\(error)"])
        }
        if type == "Warning" {
            logger.warning("\(reason): \(message)", metadata: ["app": "\(app)"])
        } else {
            logger.info("\(reason): \(message)", metadata: ["app": "\(app)"])
        }
    }
}
