/// Schema migrations recorded in `PRAGMA user_version`.
extension SQLiteDatabase {
    /// The schema version recorded in the file (0 for a new database).
    public func userVersion() throws -> Int {
        Int(try query("PRAGMA user_version").first?.int("user_version") ?? 0)
    }

    /// Applies the migrations newer than the file's `user_version`, each in its own transaction, in order.
    /// Throws when the file was written by a newer schema than `migrations` knows.
    public func migrate(_ migrations: [Migration]) throws {
        let latest = migrations.last?.version ?? 0
        for migration in migrations {
            try transaction { tx in
                let current = Int(try tx.query("PRAGMA user_version").first?.int("user_version") ?? 0)
                guard current <= latest else {
                    throw SQLiteError(message: "schema version \(current) is newer than this Ferry knows (\(latest))")
                }
                guard current < migration.version else { return }
                guard current == migration.version - 1 else {
                    throw SQLiteError(message: "schema version \(current) cannot be migrated to \(migration.version)")
                }
                for statement in migration.statements { try tx.query(statement) }
                try tx.query("PRAGMA user_version = \(migration.version)")
            }
        }
    }
}
