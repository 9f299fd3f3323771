import Foundation
@testable import KubeClient

/// A throwaway CA with a server certificate for 127.0.0.1 and a client certificate, made with the openssl CLI.
struct TestCertificates {
    let directory: URL

    init() throws {
        directory = try TempDirectory.make()
        let steps: [[String]] = [
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test-ca",
             "-keyout", "ca.key", "-out", "ca.crt"],
            ["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key", "-out", "server.csr"],
            ["x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "1",
             "-extfile", "san.ext", "-out", "server.crt"],
            ["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=ferry-client", "-keyout", "client.key", "-out", "client.csr"],
            ["x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "1",
             "-out", "client.crt"],
        ]
        try "subjectAltName=IP:127.0.0.1\n".write(to: directory.appendingPathComponent("san.ext"), atomically: true, encoding: .utf8)
        for arguments in steps { try run(arguments) }
    }

    func pem(_ name: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name)) }

    private func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw KubeError(code: 0, reason: "TestSetup", message: "openssl \(arguments.first ?? "") failed")
        }
    }
}
