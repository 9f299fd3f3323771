import Controller
import FerryCore
import Foundation

/// An in-memory `ApplicationService` that records what the server asked of it.
actor FakeApplicationService: ApplicationService {
    private var apps: [String: Application] = [:]
    private var histories: [String: [SyncRun]] = [:]
    private var diffs: [String: AppDiff] = [:]
    private(set) var syncRequests: [(name: String, request: SyncRequest)] = []
    private(set) var rollbacks: [(name: String, id: Int64, initiatedBy: String)] = []
    private(set) var refreshed: [String] = []
    private(set) var deleted: [(name: String, cascade: Bool)] = []
    private var nextRunID: Int64 = 100

    func seed(_ app: Application, history: [SyncRun] = [], diff: AppDiff? = nil) {
        apps[app.name] = app
        histories[app.name] = history
        diffs[app.name] = diff
    }

    func list() async throws -> [Application] { apps.values.sorted { $0.name < $1.name } }

    func get(_ name: String) async throws -> Application {
        guard let app = apps[name] else { throw ServiceError.notFound("application '\(name)'") }
        return app
    }

    func create(_ app: Application) async throws -> Application {
        guard apps[app.name] == nil else {
            throw ServiceError(.alreadyExists, "application '\(app.name)' already exists")
        }
        apps[app.name] = app
        return app
    }

    func delete(_ name: String, cascade: Bool) async throws {
        _ = try await get(name)
        apps[name] = nil
        deleted.append((name, cascade))
    }

    func refresh(_ name: String) async throws -> Application {
        refreshed.append(name)
        return try await get(name)
    }

    func sync(_ name: String, request: SyncRequest) async throws -> SyncRun {
        _ = try await get(name)
        syncRequests.append((name, request))
        return record(SyncRun(app: name, revision: request.revision ?? "main", startedAt: Date(),
                              finishedAt: Date(), phase: .succeeded, initiatedBy: request.initiatedBy))
    }

    func rollback(_ name: String, to id: Int64, initiatedBy: String) async throws -> SyncRun {
        guard let old = histories[name]?.first(where: { $0.id == id }) else {
            throw ServiceError.notFound("sync run \(id) of application '\(name)'")
        }
        rollbacks.append((name, id, initiatedBy))
        return record(SyncRun(app: name, revision: old.revision, startedAt: Date(), finishedAt: Date(),
                              phase: .succeeded, initiatedBy: initiatedBy, rollbackOf: id))
    }

    func history(_ name: String) async throws -> [SyncRun] {
        _ = try await get(name)
        return histories[name] ?? []
    }

    func diff(_ name: String) async throws -> AppDiff {
        _ = try await get(name)
        return diffs[name] ?? AppDiff(revision: "main", outOfSync: false, resources: [])
    }

    private func record(_ run: SyncRun) -> SyncRun {
        var run = run
        nextRunID += 1
        run.id = nextRunID
        histories[run.app, default: []].insert(run, at: 0)
        return run
    }
}
