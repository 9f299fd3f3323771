import Foundation
@testable import KubeClient

/// A real HTTP server (Python's http.server with HTTP/1.1 keep-alive) started for one test.
final class TestHTTPServer: @unchecked Sendable {
    let process: Process
    let port: Int
    let directory: URL
    let scheme: String

    /// Starts the fake server, optionally with TLS material from `tlsDirectory` (ca.crt, server.crt, server.key).
    init(tlsDirectory: URL? = nil) throws {
        directory = try TempDirectory.make()
        let script = directory.appendingPathComponent("fake_server.py")
        try FakeServerScript.source.write(to: script, atomically: true, encoding: .utf8)
        let portFile = directory.appendingPathComponent("port")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, portFile.path] + (tlsDirectory.map { [$0.path] } ?? [])
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        scheme = tlsDirectory == nil ? "http" : "https"
        // Poll for the port file the server writes once it is listening.
        let deadline = Date().addingTimeInterval(15)
        var found: Int?
        while found == nil && Date() < deadline && process.isRunning {
            found = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap { Int($0) }
            if found == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        guard let found else {
            kill(process.processIdentifier, SIGKILL)
            throw KubeError(code: 0, reason: "TestSetup", message: "fake server did not start")
        }
        port = found
    }

    func url(_ path: String, host: String = "127.0.0.1") -> URL {
        URL(string: "\(scheme)://\(host):\(port)\(path)")!
    }

    func stop() {
        // SIGKILL: the Swift test process blocks SIGTERM, and children inherit that mask.
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Fresh temporary directories.
enum TempDirectory {
    static func make() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kubeclient-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
