import FerryCore
import Foundation

/// Runs a command body and turns failures into `ferry: <message>` on stderr with exit status 1.
/// `ExitCode`s thrown on purpose (e.g. `app diff` reporting drift) pass through untouched.
public enum CommandRunner {
    /// Runs `body`; prints and converts its errors.
    public static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch let error as CLIError {
            warn(error.message)
            throw ExitCode.failure
        } catch {
            warn(String(describing: error))
            throw ExitCode.failure
        }
    }

    /// Writes text to stdout as is (callers end lines themselves).
    public static func write(_ text: String) { write(text, to: STDOUT_FILENO) }

    /// Writes `ferry: <message>` to stderr.
    public static func warn(_ message: String) { write("ferry: \(message)\n", to: STDERR_FILENO) }

    /// Writes the string's UTF-8 bytes straight from its storage (a rendered chart can be megabytes; no copy into
    /// `Data`), retrying interrupted and partial writes; stops quietly if the reader has gone.
    static func write(_ text: String, to descriptor: Int32) {
        UTF8Bytes.with(text) { bytes in
            guard var next = bytes.baseAddress else { return }
            var left = bytes.count
            while left > 0 {
                let written = Foundation.write(descriptor, next, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                next += written
                left -= written
            }
        }
    }
}
