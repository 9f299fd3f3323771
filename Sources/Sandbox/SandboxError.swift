/// A failure of the sandbox cluster itself (storage, start-up, data files).
/// Request-level failures are answered as Kubernetes `Status` objects instead (see `APIError`).
public struct SandboxError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, naming the file, object or address involved.
    public var message: String

    /// Creates an error with a message.
    public init(_ message: String) { self.message = message }

    /// The message prefixed with the module name.
    public var description: String { "sandbox: \(message)" }
}
