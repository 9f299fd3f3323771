import CSQLite
import Foundation
import Synchronization

/// A SQLite connection (WAL mode). The only place in Ferry that touches sqlite3 pointers.
/// Calls are serialised by a lock, so one instance may be shared across tasks.
public final class SQLiteDatabase: Sendable {
    private let handle: Mutex<OpaquePointer?>
    /// The file path (":memory:" for an in-memory database).
    public let path: String

    /// Opens (creating if needed) the database at `path`.
    public init(path: String) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            throw SQLiteError(message: "\(path): \(message)")
        }
        sqlite3_busy_timeout(db, 5000)
        self.handle = Mutex(db)
        self.path = path
        if path != ":memory:" { try execute("PRAGMA journal_mode=WAL") }
        try execute("PRAGMA foreign_keys=ON")
        try execute("PRAGMA synchronous=NORMAL")
    }

    deinit { handle.withLock { _ = sqlite3_close($0) } }

    /// Runs one or more statements that take no parameters.
    public func execute(_ sql: String) throws {
        try handle.withLock { db in
            var error: UnsafeMutablePointer<CChar>?
            if sqlite3_exec(db, sql, nil, nil, &error) != SQLITE_OK {
                let message = error.map { String(cString: $0) } ?? "unknown error"
                sqlite3_free(error)
                throw SQLiteError(message: message)
            }
        }
    }

    /// Runs a statement with parameters and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ parameters: [SQLiteValue] = []) throws -> [SQLiteRow] {
        try handle.withLock { db in try Self.run(db, sql, parameters) }
    }

    /// Runs `body` in a transaction (BEGIN IMMEDIATE … COMMIT, or ROLLBACK on error).
    public func transaction<T>(_ body: (Transaction) throws -> T) throws -> T {
        try handle.withLock { db in
            _ = try Self.run(db, "BEGIN IMMEDIATE", [])
            do {
                let result = try body(Transaction(db: db))
                _ = try Self.run(db, "COMMIT", [])
                return result
            } catch {
                _ = try? Self.run(db, "ROLLBACK", [])
                throw error
            }
        }
    }

    /// The id of the last inserted row.
    public var lastInsertRowID: Int64 { handle.withLock { sqlite3_last_insert_rowid($0) } }

    /// Statements run inside `transaction`.
    public struct Transaction {
        let db: OpaquePointer?
        @discardableResult
        public func query(_ sql: String, _ parameters: [SQLiteValue] = []) throws -> [SQLiteRow] {
            try SQLiteDatabase.run(db, sql, parameters)
        }
        public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(db) }
    }

    static func run(_ db: OpaquePointer?, _ sql: String, _ parameters: [SQLiteValue]) throws -> [SQLiteRow] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else {
            throw SQLiteError(message: String(cString: sqlite3_errmsg(db)) + " in: \(sql)")
        }
        defer { sqlite3_finalize(statement) }
        for (index, parameter) in parameters.enumerated() {
            let i = Int32(index + 1)
            switch parameter {
            case .null: sqlite3_bind_null(statement, i)
            case .integer(let v): sqlite3_bind_int64(statement, i, v)
            case .real(let v): sqlite3_bind_double(statement, i, v)
            case .text(let v): sqlite3_bind_text(statement, i, v, -1, ferry_sqlite_transient())
            case .blob(let v) where v.isEmpty:
                // sqlite3_bind_blob with a NULL pointer (what an empty Data gives) would bind NULL instead.
                sqlite3_bind_zeroblob(statement, i, 0)
            case .blob(let v):
                _ = v.withUnsafeBytes { sqlite3_bind_blob(statement, i, $0.baseAddress, Int32($0.count), ferry_sqlite_transient()) }
            }
        }
        var rows: [SQLiteRow] = []
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw SQLiteError(message: String(cString: sqlite3_errmsg(db))) }
            var row = SQLiteRow()
            for c in 0..<sqlite3_column_count(statement) {
                let name = String(cString: sqlite3_column_name(statement, c))
                switch sqlite3_column_type(statement, c) {
                case SQLITE_INTEGER: row.values[name] = .integer(sqlite3_column_int64(statement, c))
                case SQLITE_FLOAT: row.values[name] = .real(sqlite3_column_double(statement, c))
                case SQLITE_TEXT: row.values[name] = .text(String(cString: sqlite3_column_text(statement, c)))
                case SQLITE_BLOB:
                    let count = Int(sqlite3_column_bytes(statement, c))
                    let bytes = sqlite3_column_blob(statement, c)
                    row.values[name] = .blob(bytes.map { Data(bytes: $0, count: count) } ?? Data())
                default: row.values[name] = .null
                }
            }
            rows.append(row)
        }
        return rows
    }
}

/// A value bound to or read from SQLite.
public enum SQLiteValue: Sendable, Equatable {
    case null, integer(Int64), real(Double), text(String), blob(Data)
}

/// One result row, by column name.
public struct SQLiteRow: Sendable {
    public var values: [String: SQLiteValue] = [:]
    public func int(_ column: String) -> Int64? { if case .integer(let v) = values[column] { return v }; return nil }
    public func double(_ column: String) -> Double? {
        switch values[column] { case .real(let v): return v; case .integer(let v): return Double(v); default: return nil }
    }
    public func text(_ column: String) -> String? { if case .text(let v) = values[column] { return v }; return nil }
    public func blob(_ column: String) -> Data? {
        switch values[column] { case .blob(let v): return v; case .text(let v): return Data(v.utf8); default: return nil }
    }
}

/// A SQLite failure with sqlite's message.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { "sqlite: \(message)" }
}
