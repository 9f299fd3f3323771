import FerryCore
import Foundation

// # Store
//
// Ferry's durable state: applications (spec and last computed status), the append-only history of sync
// runs (with the exact manifests each run applied, so a rollback can re-apply them), events shown on the
// dashboard and by `ferry app get`, and a few key/value settings (such as the admin token hash).
//
// `SQLiteStore` keeps all of it in one SQLite file in WAL mode, so it survives restarts; its schema is
// built by frozen, numbered migrations (see `StoreSchema`). `InMemoryStore` is its twin for tests. One
// contract test suite runs against both, so they behave the same, including date precision (milliseconds).
//
// Deleting an application deletes its sync runs and events too (Argo CD forgets an app's history with
// the app). Sync run ids are never reused, even after a delete. Runs and events can only be recorded for
// an application that exists.

/// Ferry's durable state: applications, sync run history, events and settings.
public protocol FerryStore: Sendable {
    /// Stores a new application; `StoreError.alreadyExists` if its name is taken.
    func createApplication(_ app: Application) throws
    /// Replaces a stored application (spec and status); `StoreError.notFound` if it does not exist.
    func updateApplication(_ app: Application) throws
    /// The application named `name`, or nil.
    func application(named name: String) throws -> Application?
    /// All applications, sorted by name.
    func applications() throws -> [Application]
    /// Deletes an application with its sync runs and events; `StoreError.notFound` if it does not exist.
    func deleteApplication(named name: String) throws

    /// Appends a sync run and returns its id (assigned by the store; `run.id` is ignored). Ids grow across
    /// all applications and are never reused. `StoreError.notFound` if the app does not exist.
    func insertSyncRun(_ run: SyncRun) throws -> Int64
    /// Records the outcome of a running sync run. A finished run cannot change again
    /// (`StoreError.invalid`), and there is no way to change a run's manifests.
    func finishSyncRun(id: Int64, phase: SyncRunPhase, message: String, finishedAt: Date,
                       resources: [ResourceResult]) throws
    /// The sync run with this id, or nil.
    func syncRun(id: Int64) throws -> SyncRun?
    /// The newest `limit` sync runs of an application, newest first (empty when `limit` ≤ 0).
    func syncRuns(app: String, limit: Int) throws -> [SyncRun]

    /// Records an event; `StoreError.notFound` if the app does not exist.
    func recordEvent(_ event: AppEvent) throws
    /// The newest `limit` events of an application, newest first by time, then by recording order.
    func events(app: String, limit: Int) throws -> [AppEvent]

    /// The value of a setting, or nil.
    func setting(_ key: String) throws -> String?
    /// Sets (or replaces) a setting.
    func setSetting(_ key: String, _ value: String) throws
}

/// Something that happened to an application, like a Kubernetes event.
public struct AppEvent: Codable, Sendable, Equatable {
    /// The application's name.
    public var app: String
    /// When it happened (stored with millisecond precision).
    public var time: Date
    /// `Normal` or `Warning`.
    public var type: String
    /// A short CamelCase reason, such as `SyncSucceeded`.
    public var reason: String
    /// What happened, for people.
    public var message: String

    /// Creates an event.
    public init(app: String, time: Date, type: String = AppEvent.normal, reason: String, message: String) {
        self.app = app; self.time = time; self.type = type; self.reason = reason; self.message = message
    }

    /// The type of an event that reports normal progress.
    public static let normal = "Normal"
    /// The type of an event that reports a problem.
    public static let warning = "Warning"
}
