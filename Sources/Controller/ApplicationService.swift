import FerryCore

/// What a user can ask of Ferry about applications. The REST API and dashboard (`Server`) call this;
/// `Controller` implements it.
public protocol ApplicationService: Sendable {
    /// All applications with their current status, sorted by name.
    func list() async throws -> [Application]
    /// One application, or `ServiceError.notFound`.
    func get(_ name: String) async throws -> Application
    /// Registers an application; `ServiceError.alreadyExists` if the name is taken, `.invalid` for bad specs.
    func create(_ app: Application) async throws -> Application
    /// Removes an application; with `cascade`, first deletes every object it manages from the cluster.
    func delete(_ name: String, cascade: Bool) async throws
    /// Re-reads Git and live state now and recomputes status.
    func refresh(_ name: String) async throws -> Application
    /// Runs a sync and waits for it to finish (or only plans it with `dryRun`).
    func sync(_ name: String, request: SyncRequest) async throws -> SyncRun
    /// Re-applies the manifests recorded in sync run `id` as a new run, and pins the app.
    func rollback(_ name: String, to id: Int64, initiatedBy: String) async throws -> SyncRun
    /// Sync runs, newest first.
    func history(_ name: String) async throws -> [SyncRun]
    /// The diff between Git and the cluster (Secret values masked).
    func diff(_ name: String) async throws -> AppDiff
}

/// Parameters of a manual sync.
public struct SyncRequest: Codable, Sendable {
    public var prune: Bool
    public var dryRun: Bool
    public var revision: String?
    public var initiatedBy: String
    public init(prune: Bool = false, dryRun: Bool = false, revision: String? = nil, initiatedBy: String = "admin") {
        self.prune = prune; self.dryRun = dryRun; self.revision = revision; self.initiatedBy = initiatedBy
    }
}

/// A per-app diff: one entry per resource that differs, plus the unified text.
public struct AppDiff: Codable, Sendable {
    public var revision: String
    public var outOfSync: Bool
    public var resources: [ResourceDiff]
    public init(revision: String, outOfSync: Bool, resources: [ResourceDiff]) {
        self.revision = revision; self.outOfSync = outOfSync; self.resources = resources
    }

    /// The whole diff as one unified text.
    public var text: String { resources.map(\.diff).joined() }

    /// One resource's diff.
    public struct ResourceDiff: Codable, Sendable {
        public var key: ResourceKey
        public var status: SyncStatus
        /// Unified diff, `--- live` / `+++ desired`, empty when in sync.
        public var diff: String
        public init(key: ResourceKey, status: SyncStatus, diff: String) { self.key = key; self.status = status; self.diff = diff }
    }
}

/// Errors a service call reports to its caller; the API maps them to HTTP codes.
public struct ServiceError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable { case notFound, alreadyExists, invalid, conflict, failed }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }
    public var description: String { message }

    public static func notFound(_ what: String) -> ServiceError { ServiceError(.notFound, "\(what) not found") }
}
