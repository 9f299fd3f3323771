import FerryCore
import Foundation

/// Sync runs and events.
extension SQLiteStore {
    /// Appends a sync run and returns its id; `StoreError.notFound` if the app does not exist.
    public func insertSyncRun(_ run: SyncRun) throws -> Int64 {
        let resources = try StoreCoding.encode(run.resources, what: "resources of a sync run of \"\(run.app)\"")
        let parameters: [SQLiteValue] = [
            .text(run.app), .text(run.revision), .integer(try StoreCoding.milliseconds(run.startedAt)),
            try run.finishedAt.map { .integer(try StoreCoding.milliseconds($0)) } ?? .null,
            .text(run.phase.rawValue), .text(run.message), .text(run.initiatedBy),
            run.rollbackOf.map { .integer($0) } ?? .null, .text(resources), .blob(Data(run.manifests.utf8)),
        ]
        return try perform {
            try database.transaction { tx in
                guard try !tx.query("SELECT 1 FROM applications WHERE name = ?", [.text(run.app)]).isEmpty else {
                    throw StoreError.notFound(run.app)
                }
                let rows = try tx.query("""
                    INSERT INTO sync_runs (app, revision, started_at, finished_at, phase, message, initiated_by,
                        rollback_of, resources, manifests) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """, parameters)
                return rows.first?.int("id") ?? tx.lastInsertRowID
            }
        }
    }

    /// Records the outcome of a running sync run; a finished run cannot change again.
    public func finishSyncRun(id: Int64, phase: SyncRunPhase, message: String, finishedAt: Date,
                              resources: [ResourceResult]) throws {
        guard phase != .running else { throw StoreError.invalid("sync run \(id) cannot finish as Running") }
        let finished = try StoreCoding.milliseconds(finishedAt)
        let results = try StoreCoding.encode(resources, what: "resources of sync run \(id)")
        try perform {
            try database.transaction { tx in
                guard let row = try tx.query("SELECT phase FROM sync_runs WHERE id = ?", [.integer(id)]).first else {
                    throw StoreError.syncRunNotFound(id)
                }
                let current = row.text("phase") ?? ""
                guard current == SyncRunPhase.running.rawValue else { throw StoreError.alreadyFinished(id, phase: current) }
                try tx.query("UPDATE sync_runs SET phase = ?, message = ?, finished_at = ?, resources = ? WHERE id = ?",
                             [.text(phase.rawValue), .text(message), .integer(finished), .text(results), .integer(id)])
            }
        }
    }

    /// The sync run with this id, or nil.
    public func syncRun(id: Int64) throws -> SyncRun? {
        let rows = try perform { try database.query("SELECT * FROM sync_runs WHERE id = ?", [.integer(id)]) }
        return try rows.first.map(decodeSyncRun)
    }

    /// The newest `limit` sync runs of an application, newest first.
    public func syncRuns(app: String, limit: Int) throws -> [SyncRun] {
        let rows = try perform {
            try database.query("SELECT * FROM sync_runs WHERE app = ? ORDER BY id DESC LIMIT ?",
                               [.text(app), .integer(Int64(max(limit, 0)))])
        }
        return try rows.map(decodeSyncRun)
    }

    private func decodeSyncRun(_ row: SQLiteRow) throws -> SyncRun {
        let id = row.int("id") ?? 0
        guard let phase = SyncRunPhase(rawValue: row.text("phase") ?? "") else {
            throw StoreError.database(path, "sync run \(id) has an unknown phase \"\(row.text("phase") ?? "")\"")
        }
        let resources = try StoreCoding.decode([ResourceResult].self, from: row.text("resources") ?? "[]",
                                               what: "resources of sync run \(id) in \(path)")
        return SyncRun(
            id: id, app: row.text("app") ?? "", revision: row.text("revision") ?? "",
            startedAt: StoreCoding.date(milliseconds: row.int("started_at") ?? 0),
            finishedAt: row.int("finished_at").map(StoreCoding.date(milliseconds:)),
            phase: phase, message: row.text("message") ?? "", initiatedBy: row.text("initiated_by") ?? "",
            rollbackOf: row.int("rollback_of"), resources: resources,
            manifests: String(decoding: row.blob("manifests") ?? Data(), as: UTF8.self))
    }

    /// Records an event; `StoreError.notFound` if the app does not exist.
    public func recordEvent(_ event: AppEvent) throws {
        let time = try StoreCoding.milliseconds(event.time)
        let rows = try perform {
            try database.query("""
                INSERT INTO events (app, time, type, reason, message)
                SELECT name, ?, ?, ?, ? FROM applications WHERE name = ? RETURNING id
                """, [.integer(time), .text(event.type), .text(event.reason), .text(event.message), .text(event.app)])
        }
        if rows.isEmpty { throw StoreError.notFound(event.app) }
    }

    /// The newest `limit` events of an application, newest first.
    public func events(app: String, limit: Int) throws -> [AppEvent] {
        let rows = try perform {
            try database.query("SELECT * FROM events WHERE app = ? ORDER BY time DESC, id DESC LIMIT ?",
                               [.text(app), .integer(Int64(max(limit, 0)))])
        }
        return rows.map { row in
            AppEvent(app: row.text("app") ?? "", time: StoreCoding.date(milliseconds: row.int("time") ?? 0),
                     type: row.text("type") ?? "", reason: row.text("reason") ?? "", message: row.text("message") ?? "")
        }
    }
}
