import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A server process started by a test on a free loopback port and stopped at the end (tests only).
final class LocalServer {
    let process: Process
    let port: UInt16

    /// Starts `executable` with the arguments `arguments(port)` and waits until the port accepts connections.
    init(_ executable: String, arguments: (UInt16) -> [String], in directory: URL,
         environment: [String: String] = [:]) throws {
        port = try LocalServer.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments(port)
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilListening(deadline: Date().addingTimeInterval(15))
    }

    /// Stops the server process. SIGKILL, because children spawned from the test process may inherit
    /// a signal mask that blocks SIGTERM.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    private func waitUntilListening(deadline: Date) throws {
        while Date() < deadline {
            if LocalServer.canConnect(port) { return }
            guard process.isRunning else { throw Command.Failure(description: "server exited early") }
            usleep(20_000) // polling a real process with a deadline
        }
        stop()
        throw Command.Failure(description: "server on port \(port) did not start in time")
    }

    /// A port the kernel considers free: bind port 0, read the port back, release it.
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Command.Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Command.Failure(description: "bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    static func canConnect(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
