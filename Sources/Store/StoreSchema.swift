/// One step of the schema: statements run in one transaction, after which `PRAGMA user_version` is `version`.
/// Shipped migrations are frozen: never edit one, add a new one (a test pins migration 1's checksum).
public struct Migration: Sendable {
    /// The schema version this migration produces (1, 2, …, in order).
    public var version: Int
    /// SQL statements, one statement per element.
    public var statements: [String]

    /// Creates a migration.
    public init(version: Int, statements: [String]) {
        self.version = version
        self.statements = statements
    }

    /// A 64-bit FNV-1a hash of the statements, to detect edits to a shipped migration.
    public var checksum: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in statements.joined(separator: ";\n").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}

/// The schema of Ferry's own database.
public enum StoreSchema {
    /// Every migration, in order. Append only.
    public static let migrations: [Migration] = [migration1]

    /// Applications, sync runs (with manifests), events and settings. Dates are milliseconds since 1970.
    static let migration1 = Migration(version: 1, statements: [
        """
        CREATE TABLE applications (
            name TEXT PRIMARY KEY NOT NULL,
            body TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE sync_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL REFERENCES applications(name) ON DELETE CASCADE,
            revision TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            finished_at INTEGER,
            phase TEXT NOT NULL,
            message TEXT NOT NULL,
            initiated_by TEXT NOT NULL,
            rollback_of INTEGER,
            resources TEXT NOT NULL,
            manifests BLOB NOT NULL
        )
        """,
        "CREATE INDEX sync_runs_by_app ON sync_runs(app, id)",
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL REFERENCES applications(name) ON DELETE CASCADE,
            time INTEGER NOT NULL,
            type TEXT NOT NULL,
            reason TEXT NOT NULL,
            message TEXT NOT NULL
        )
        """,
        "CREATE INDEX events_by_app ON events(app, time, id)",
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        )
        """,
    ])
}
