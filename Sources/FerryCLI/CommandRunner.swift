import ArgumentParser
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
    public static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `ferry: <message>` to stderr.
    public static func warn(_ message: String) {
        FileHandle.standardError.write(Data("ferry: \(message)\n".utf8))
    }
}
