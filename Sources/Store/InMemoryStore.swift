import FerryCore
import Foundation
import Synchronization

/// `SQLiteStore`'s twin for tests: same contract, same precision (dates in milliseconds, applications
/// through a JSON round trip), nothing on disk.
public final class InMemoryStore: FerryStore {
    private struct State {
        var applications: [String: Application] = [:]
        var runs: [Int64: SyncRun] = [:]
        var lastRunID: Int64 = 0
        var events: [AppEvent] = []
        var settings: [String: String] = [:]
    }

    private let state = Mutex(State())

    /// Creates an empty store.
    public init() {}

    // MARK: Applications

    /// Stores a new application; `StoreError.alreadyExists` if its name is taken.
    public func createApplication(_ app: Application) throws {
        let stored = try StoreCoding.normalized(app)
        try state.withLock { state in
            guard state.applications[app.name] == nil else { throw StoreError.alreadyExists(app.name) }
            state.applications[app.name] = stored
        }
    }

    /// Replaces a stored application; `StoreError.notFound` if it does not exist.
    public func updateApplication(_ app: Application) throws {
        let stored = try StoreCoding.normalized(app)
        try state.withLock { state in
            guard state.applications[app.name] != nil else { throw StoreError.notFound(app.name) }
            state.applications[app.name] = stored
        }
    }

    /// The application named `name`, or nil.
    public func application(named name: String) throws -> Application? {
        state.withLock { $0.applications[name] }
    }

    /// All applications, sorted by name (byte order, like SQLite).
    public func applications() throws -> [Application] {
        state.withLock { state in
            state.applications.values.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        }
    }

    /// Deletes an application with its sync runs and events; `StoreError.notFound` if it does not exist.
    public func deleteApplication(named name: String) throws {
        try state.withLock { state in
            guard state.applications.removeValue(forKey: name) != nil else { throw StoreError.notFound(name) }
            state.runs = state.runs.filter { $0.value.app != name }
            state.events.removeAll { $0.app == name }
        }
    }

    // MARK: Sync runs

    /// Appends a sync run and returns its id; `StoreError.notFound` if the app does not exist.
    public func insertSyncRun(_ run: SyncRun) throws -> Int64 {
        var stored = run
        stored.startedAt = try StoreCoding.normalized(run.startedAt)
        stored.finishedAt = try run.finishedAt.map(StoreCoding.normalized)
        let record = stored
        return try state.withLock { state in
            guard state.applications[run.app] != nil else { throw StoreError.notFound(run.app) }
            state.lastRunID += 1
            var inserted = record
            inserted.id = state.lastRunID
            state.runs[inserted.id] = inserted
            return inserted.id
        }
    }

    /// Records the outcome of a running sync run; a finished run cannot change again.
    public func finishSyncRun(id: Int64, phase: SyncRunPhase, message: String, finishedAt: Date,
                              resources: [ResourceResult]) throws {
        guard phase != .running else { throw StoreError.invalid("sync run \(id) cannot finish as Running") }
        let finished = try StoreCoding.normalized(finishedAt)
        try state.withLock { state in
            guard var run = state.runs[id] else { throw StoreError.syncRunNotFound(id) }
            guard run.phase == .running else { throw StoreError.alreadyFinished(id, phase: run.phase.rawValue) }
            run.phase = phase
            run.message = message
            run.finishedAt = finished
            run.resources = resources
            state.runs[id] = run
        }
    }

    /// The sync run with this id, or nil.
    public func syncRun(id: Int64) throws -> SyncRun? {
        state.withLock { $0.runs[id] }
    }

    /// The newest `limit` sync runs of an application, newest first.
    public func syncRuns(app: String, limit: Int) throws -> [SyncRun] {
        state.withLock { state in
            Array(state.runs.values.filter { $0.app == app }.sorted { $0.id > $1.id }.prefix(max(limit, 0)))
        }
    }

    // MARK: Events

    /// Records an event; `StoreError.notFound` if the app does not exist.
    public func recordEvent(_ event: AppEvent) throws {
        var stored = event
        stored.time = try StoreCoding.normalized(event.time)
        let record = stored
        try state.withLock { state in
            guard state.applications[event.app] != nil else { throw StoreError.notFound(event.app) }
            state.events.append(record)
        }
    }

    /// The newest `limit` events of an application, newest first by time, then by recording order.
    public func events(app: String, limit: Int) throws -> [AppEvent] {
        state.withLock { state in
            let recorded = state.events.enumerated().filter { $0.element.app == app }
            let newestFirst = recorded.sorted { ($0.element.time, $0.offset) > ($1.element.time, $1.offset) }
            return Array(newestFirst.prefix(max(limit, 0)).map(\.element))
        }
    }

    // MARK: Settings

    /// The value of a setting, or nil.
    public func setting(_ key: String) throws -> String? {
        state.withLock { $0.settings[key] }
    }

    /// Sets (or replaces) a setting.
    public func setSetting(_ key: String, _ value: String) throws {
        state.withLock { $0.settings[key] = value }
    }
}
