/// A failure of Ferry's store. Messages name the application, sync run or database file concerned and never
/// contain setting values (which may be secret hashes).
public struct StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure this is, for callers that branch on it.
    public enum Code: String, Sendable {
        /// The object to create already exists.
        case alreadyExists
        /// The object to read or change does not exist.
        case notFound
        /// The request is not allowed (for example, finishing a run twice).
        case invalid
        /// The database could not be opened, migrated, read or written.
        case database
    }

    /// What kind of failure this is.
    public var code: Code
    /// A human-readable message naming the object or file.
    public var message: String

    /// Creates an error with an explicit code and message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// `application "web" already exists`
    public static func alreadyExists(_ app: String) -> StoreError {
        StoreError(.alreadyExists, "application \"\(app)\" already exists")
    }

    /// `application "web" not found`
    public static func notFound(_ app: String) -> StoreError {
        StoreError(.notFound, "application \"\(app)\" not found")
    }

    /// `sync run 12 not found`
    public static func syncRunNotFound(_ id: Int64) -> StoreError {
        StoreError(.notFound, "sync run \(id) not found")
    }

    /// `sync run 12 is already finished (Succeeded); history is append-only`
    public static func alreadyFinished(_ id: Int64, phase: String) -> StoreError {
        StoreError(.invalid, "sync run \(id) is already finished (\(phase)); history is append-only")
    }

    /// A request that is not allowed, with a message saying why.
    public static func invalid(_ message: String) -> StoreError {
        StoreError(.invalid, message)
    }

    /// A database failure on `file`: `/var/lib/ferry/ferry.db: file is not a database`.
    public static func database(_ file: String, _ message: String) -> StoreError {
        StoreError(.database, "\(file): \(message)")
    }
}
