import Foundation

/// A real Git repository in a temporary directory, driven by the `git` CLI (tests only).
struct GitFixture {
    /// Root of the temporary area (holds the work tree and the cache).
    let base: URL
    /// The work tree of the upstream repository.
    let work: URL
    /// A fresh cache directory for `LibGit2Source`.
    var cache: URL { base.appendingPathComponent("cache") }
    /// `file://` URL of the upstream repository.
    var fileURL: String { "file://" + work.path }

    /// Creates an empty repository with branch `main`.
    init(name: String = "upstream") throws {
        base = FileManager.default.temporaryDirectory
            .appendingPathComponent("ferry-git-\(UUID().uuidString)")
        work = base.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    /// Writes `files` (path → text), commits them with `message`, and returns the new commit SHA.
    @discardableResult
    func commit(_ files: [String: String], message: String = "change") throws -> String {
        for (path, text) in files {
            let url = work.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
        return try git("rev-parse", "HEAD")
    }

    /// Creates a symlink at `path` pointing to `target` (not committed).
    func symlink(_ path: String, to target: String) throws {
        let url = work.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    /// Runs git in the work tree and returns its trimmed standard output.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try Command.run("/usr/bin/git", ["-c", "user.name=Ferry Test", "-c", "user.email=test@example.com",
                                         "-c", "commit.gpgsign=false"] + arguments,
                        in: work, environment: ["HOME": base.path, "GIT_CONFIG_NOSYSTEM": "1"])
    }

    /// Removes the temporary area.
    func remove() { try? FileManager.default.removeItem(at: base) }
}

/// Runs a process to completion (tests only).
enum Command {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: URL,
                    environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Files, not pipes: a concurrently spawned server could inherit a pipe's write end and
        // keep it open, so reading to EOF would never finish.
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-out-\(UUID().uuidString)")
        let errorURL = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-err-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outputURL); try? FileManager.default.removeItem(at: errorURL) }
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL)
        let errors = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        try output.close()
        try errors.close()
        let data = try Data(contentsOf: outputURL)
        let errorData = try Data(contentsOf: errorURL)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")): "
                          + String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
