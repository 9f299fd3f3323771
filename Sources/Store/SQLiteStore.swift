import FerryCore
import Foundation

/// Ferry's state in one SQLite file (WAL mode): survives restarts, safe to share across tasks.
public final class SQLiteStore: FerryStore {
    /// The underlying connection, for diagnostics (`PRAGMA` queries) and for tests.
    public let database: SQLiteDatabase

    /// The database file.
    public var path: String { database.path }

    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    /// Throws a `StoreError` naming the file when it cannot be opened, is not a database, or is newer.
    public init(path: String) throws {
        do {
            database = try SQLiteDatabase(path: path)
            try database.migrate(StoreSchema.migrations)
        } catch let error as SQLiteError {
            let prefix = path + ": "
            let message = error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
            throw StoreError.database(path, message)
        }
    }

    /// Runs `body`, turning sqlite failures into `StoreError`s that name the database file.
    func perform<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError {
            throw StoreError.database(path, error.message)
        }
    }

    // MARK: Applications

    /// Stores a new application; `StoreError.alreadyExists` if its name is taken.
    public func createApplication(_ app: Application) throws {
        let body = try StoreCoding.encode(app, what: "application \"\(app.name)\"")
        let rows = try perform {
            try database.query("""
                INSERT INTO applications (name, body) VALUES (?, ?) ON CONFLICT (name) DO NOTHING RETURNING name
                """, [.text(app.name), .text(body)])
        }
        if rows.isEmpty { throw StoreError.alreadyExists(app.name) }
    }

    /// Replaces a stored application; `StoreError.notFound` if it does not exist.
    public func updateApplication(_ app: Application) throws {
        let body = try StoreCoding.encode(app, what: "application \"\(app.name)\"")
        let rows = try perform {
            try database.query("UPDATE applications SET body = ? WHERE name = ? RETURNING name",
                               [.text(body), .text(app.name)])
        }
        if rows.isEmpty { throw StoreError.notFound(app.name) }
    }

    /// The application named `name`, or nil.
    public func application(named name: String) throws -> Application? {
        let rows = try perform { try database.query("SELECT body FROM applications WHERE name = ?", [.text(name)]) }
        return try rows.first.map(decodeApplication)
    }

    /// All applications, sorted by name.
    public func applications() throws -> [Application] {
        let rows = try perform { try database.query("SELECT body FROM applications ORDER BY name") }
        return try rows.map(decodeApplication)
    }

    /// Deletes an application with its sync runs and events; `StoreError.notFound` if it does not exist.
    public func deleteApplication(named name: String) throws {
        let rows = try perform { try database.query("DELETE FROM applications WHERE name = ? RETURNING name", [.text(name)]) }
        if rows.isEmpty { throw StoreError.notFound(name) }
    }

    private func decodeApplication(_ row: SQLiteRow) throws -> Application {
        try StoreCoding.decode(Application.self, from: row.text("body") ?? "", what: "application in \(path)")
    }

    // MARK: Settings

    /// The value of a setting, or nil.
    public func setting(_ key: String) throws -> String? {
        try perform { try database.query("SELECT value FROM settings WHERE key = ?", [.text(key)]).first?.text("value") }
    }

    /// Sets (or replaces) a setting.
    public func setSetting(_ key: String, _ value: String) throws {
        try perform {
            try database.query("""
                INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, [.text(key), .text(value)])
        }
    }
}
