import Foundation

/// A failure the `ferry` client reports to the user as `ferry: <message>` with a non-zero exit.
///
/// Messages name the server URL, application or file involved and never contain tokens.
public struct CLIError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, ready to print after `ferry: `.
    public var message: String
    /// The HTTP status the server answered with (nil when the request never got an answer).
    public var status: Int?
    /// True when the server could not be reached (worth retrying while polling).
    public var isUnreachable: Bool

    /// Creates an error with a message and optional HTTP status.
    public init(_ message: String, status: Int? = nil, isUnreachable: Bool = false) {
        self.message = message; self.status = status; self.isUnreachable = isUnreachable
    }

    /// The message.
    public var description: String { message }

    /// The server could not be reached at all (connection refused, DNS failure, timeout).
    public static func unreachable(_ server: String, detail: String) -> CLIError {
        CLIError("cannot reach Ferry at \(server): \(detail) — is 'ferry serve' running?", isUnreachable: true)
    }

    /// The server answered with an error status.
    public static func server(status: Int, message: String, request: String) -> CLIError {
        if status == 401 {
            return CLIError("\(message) (\(request), HTTP 401) — pass --token, set FERRY_TOKEN or run 'ferry login'", status: 401)
        }
        return CLIError(message, status: status)
    }

    /// The server answered 2xx with a body this client does not understand.
    public static func badResponse(_ request: String, detail: String) -> CLIError {
        CLIError("unexpected response from \(request): \(detail)")
    }
}
