import Foundation

/// The output of a finished process.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs real programs (ferry, kubectl, git) for the end-to-end tests.
enum Command {
    /// Runs `executable` with `arguments` and waits for it to exit.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    directory: URL? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes fully before waiting, so a chatty process cannot block on a full pipe.
        let errText = LockedText()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errText.append(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: errText.text)
    }

    /// Like `run`, but throws when the exit status is not 0.
    @discardableResult
    static func check(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                      directory: URL? = nil) throws -> String {
        let result = try run(executable, arguments, environment: environment, directory: directory)
        guard result.status == 0 else {
            throw CommandFailure(command: ([executable] + arguments).joined(separator: " "), result: result)
        }
        return result.stdout
    }
}

struct CommandFailure: Error, CustomStringConvertible {
    var command: String
    var result: CommandResult
    var description: String { "`\(command)` exited \(result.status)\nstdout: \(result.stdout)\nstderr: \(result.stderr)" }
}

/// Polls `condition` until it returns a value or `timeout` passes; the failure names what was awaited.
func eventually<T>(_ what: String, timeout: Duration = .seconds(60), _ condition: () throws -> T?) async throws -> T {
    let deadline = ContinuousClock.now + timeout
    var lastError: Error?
    while ContinuousClock.now < deadline {
        do { if let value = try condition() { return value } } catch { lastError = error }
        try await Task.sleep(for: .milliseconds(200))
    }
    throw WaitTimeout(what: what, lastError: lastError.map { "\($0)" })
}

struct WaitTimeout: Error, CustomStringConvertible {
    var what: String
    var lastError: String?
    var description: String { "timed out waiting for \(what)" + (lastError.map { "; last error: \($0)" } ?? "") }
}

/// Text appended from another thread and read from the test.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ chunk: Data) { lock.lock(); data.append(chunk); lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
}
