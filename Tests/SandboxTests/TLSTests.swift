import FerryCore
import Foundation
import KubeClient
import Testing
@testable import Sandbox

/// Starts an HTTPS sandbox in a fresh directory whose kubeconfig carries `credential`.
private func startTLSSandbox(_ credential: SandboxTLSOptions.Credential) async throws -> RunningSandbox {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-tls-\(UUID().uuidString)")
    let options = SandboxOptions(simulationDelay: .milliseconds(50), tls: SandboxTLSOptions(credential: credential))
    let cluster = try SandboxCluster(dataDirectory: dir, options: options)
    _ = try await cluster.start()
    return RunningSandbox(cluster: cluster, directory: dir, kubectl: Kubectl(kubeconfig: cluster.kubeconfigPath))
}

/// Writes a copy of the sandbox's kubeconfig whose user is `user`, and returns kubectl for it.
private func kubeconfigCopy(of sandbox: RunningSandbox, user: Value) throws -> Kubectl {
    var config = try YAML.parse(try String(contentsOf: sandbox.cluster.kubeconfigPath, encoding: .utf8))
    config["users"] = [["name": "sandbox", "user": user]]
    let url = sandbox.directory.appendingPathComponent("kubeconfig-\(UUID().uuidString)")
    try YAML.encode(config).write(to: url, atomically: true, encoding: .utf8)
    return Kubectl(kubeconfig: url)
}

extension KubectlTests {
    @Test func kubectlReachesAnHTTPSSandboxWithTheBearerToken() async throws {
        let sandbox = try await startTLSSandbox(.token)
        defer { Task { await sandbox.cluster.stop() } }
        let config = try String(contentsOf: sandbox.cluster.kubeconfigPath, encoding: .utf8)
        #expect(config.contains("server: https://127.0.0.1:"))
        #expect(config.contains("certificate-authority-data:"))
        #expect(config.contains("token:") && !config.contains("client-key-data"))
        let out = try await sandbox.kubectl.succeed(["get", "ns"])
        #expect(out.contains("kube-system"))
    }

    @Test func kubectlReachesAnHTTPSSandboxWithAClientCertificate() async throws {
        let sandbox = try await startTLSSandbox(.clientCertificate)
        defer { Task { await sandbox.cluster.stop() } }
        let config = try String(contentsOf: sandbox.cluster.kubeconfigPath, encoding: .utf8)
        #expect(config.contains("client-certificate-data:") && config.contains("client-key-data:"))
        #expect(!config.contains("token:"))
        let out = try await sandbox.kubectl.succeed(["get", "ns"])
        #expect(out.contains("kube-node-lease"))
        _ = try await sandbox.kubectl.succeed(["create", "configmap", "tls-cm", "--from-literal=a=1"])
        #expect(try await sandbox.kubectl.succeed(["get", "cm", "tls-cm", "-o", "jsonpath={.data.a}"]) == "1")
    }

    @Test func kubeconfigsStayValidAcrossARestart() async throws {
        let first = try await startTLSSandbox(.clientCertificate)
        let oldConfig = try YAML.parse(try String(contentsOf: first.cluster.kubeconfigPath, encoding: .utf8))
        try await first.kubectl.succeed(["create", "configmap", "kept"])
        await first.cluster.stop()
        let options = SandboxOptions(simulationDelay: .milliseconds(50), tls: SandboxTLSOptions(credential: .clientCertificate))
        let second = try SandboxCluster(dataDirectory: first.directory, options: options)
        _ = try await second.start()
        defer { Task { await second.stop() } }
        // The kubeconfig written before the restart, pointed at the new port, still verifies the server (same
        // CA) and still authenticates (its client certificate was signed by that CA).
        let newConfig = try YAML.parse(try String(contentsOf: second.kubeconfigPath, encoding: .utf8))
        func cluster(_ config: Value) -> Value? { config["clusters"]?.arrayValue?.first?["cluster"] }
        #expect(cluster(newConfig)?["certificate-authority-data"] == cluster(oldConfig)?["certificate-authority-data"])
        var moved = oldConfig
        moved["clusters"] = [["name": "sandbox", "cluster": [
            "server": cluster(newConfig)?["server"] ?? .null,
            "certificate-authority-data": cluster(oldConfig)?["certificate-authority-data"] ?? .null]]]
        let url = first.directory.appendingPathComponent("kubeconfig-before-restart")
        try YAML.encode(moved).write(to: url, atomically: true, encoding: .utf8)
        #expect(try await Kubectl(kubeconfig: url).succeed(["get", "configmap", "kept", "-o", "name"]) == "configmap/kept\n")
    }

    @Test func kubectlWithAWrongTokenIsUnauthorized() async throws {
        let sandbox = try await startTLSSandbox(.token)
        defer { Task { await sandbox.cluster.stop() } }
        let wrong = try kubeconfigCopy(of: sandbox, user: ["token": "not-the-token"])
        // A plain REST request decodes the 401 Status body.
        let raw = try await wrong.detached(["get", "--raw", "/api/v1/namespaces"])
        #expect(raw.status != 0)
        #expect(raw.stderr.contains("error: You must be logged in to the server (Unauthorized)"), "\(raw.stderr)")
        // Discovery meets the 401 first; client-go reports it in its generic words, not the Status message.
        let denied = try await wrong.detached(["get", "ns"])
        #expect(denied.status != 0)
        #expect(denied.stderr.contains("error: You must be logged in to the server ("), "\(denied.stderr)")
        #expect(!denied.stderr.contains("not-the-token"))
    }
}

/// `curl` against an HTTPS sandbox trusting its CA: (HTTP status, body). No credentials are sent. Runs curl on
/// a dispatch queue so waiting for it never blocks the cooperative threads the sandbox serves from.
private func anonymousGet(_ sandbox: RunningSandbox, _ path: String) async throws -> (Int, String) {
    let arguments = try curlArguments(sandbox, path)
    return try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try runCurl(arguments) })
        }
    }
}

private func runCurl(_ arguments: [String]) throws -> (Int, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
}

private func curlArguments(_ sandbox: RunningSandbox, _ path: String) throws -> [String] {
    let config = try YAML.parse(try String(contentsOf: sandbox.cluster.kubeconfigPath, encoding: .utf8))
    guard case .array(let clusters) = config["clusters"], let cluster = clusters.first?["cluster"],
          let server = cluster["server"]?.stringValue, let caData = cluster["certificate-authority-data"]?.stringValue,
          let ca = Data(base64Encoded: caData) else { throw SandboxError("kubeconfig lacks server or CA data") }
    let caFile = sandbox.directory.appendingPathComponent("ca.crt")
    try ca.write(to: caFile)
    return ["curl", "-sS", "--max-time", "20", "--cacert", caFile.path, "-w", "\n%{http_code}", server + path]
}

/// What an HTTPS sandbox serves without credentials.
@Suite struct TLSAnonymousTests {
    @Test func anonymousRequestsGet401StatusExceptHealthAndVersion() async throws {
        let sandbox = try await startTLSSandbox(.token)
        defer { Task { await sandbox.cluster.stop() } }
        let (code, body) = try await anonymousGet(sandbox, "/api/v1/namespaces")
        #expect(code == 401)
        let status = try JSON.parse(Data(body.utf8))
        #expect(status["kind"] == "Status" && status["reason"] == "Unauthorized" && status["code"] == 401)
        #expect(try await anonymousGet(sandbox, "/apis").0 == 401)
        #expect(try await anonymousGet(sandbox, "/sandbox/faults").0 == 401)
        #expect(try await anonymousGet(sandbox, "/healthz") == (200, "ok"))
        #expect(try await anonymousGet(sandbox, "/readyz").0 == 200)
        #expect(try await anonymousGet(sandbox, "/version").1.contains("gitVersion"))
    }
}

/// Ferry's own client over HTTPS, configured from the kubeconfig the sandbox writes.
@Suite struct TLSClientTests {
    static let namespace = GroupVersionKind(group: "", version: "v1", kind: "Namespace")

    @Test(arguments: SandboxTLSOptions.Credential.allCases)
    func kubeClientConnectsOverHTTPS(credential: SandboxTLSOptions.Credential) async throws {
        let sandbox = try await startTLSSandbox(credential)
        do {
            let connection = try KubeConfig.load(path: sandbox.cluster.kubeconfigPath.path).connection()
            #expect(connection.server.scheme == "https")
            #expect(connection.tls.caPEM.map { String(decoding: $0, as: UTF8.self).contains("BEGIN CERTIFICATE") } == true)
            #expect((connection.tls.clientCertificatePEM != nil) == (credential == .clientCertificate))
            let names = try await HTTPKubeAPI(connection: connection).list(Self.namespace, namespace: nil, labelSelector: nil)
                .map(\.name)
            #expect(names.contains("default") && names.contains("kube-public"))
        } catch {
            await sandbox.cluster.stop()
            throw error
        }
        await sandbox.cluster.stop()
    }

    @Test func kubeClientWithAWrongTokenGets401() async throws {
        let sandbox = try await startTLSSandbox(.token)
        do {
            var connection = try KubeConfig.load(path: sandbox.cluster.kubeconfigPath.path).connection()
            connection.auth = .bearer("not-the-token")
            await #expect(throws: KubeError.self) {
                _ = try await HTTPKubeAPI(connection: connection).list(Self.namespace, namespace: nil, labelSelector: nil)
            }
            do {
                _ = try await HTTPKubeAPI(connection: connection).list(Self.namespace, namespace: nil, labelSelector: nil)
            } catch let error as KubeError {
                #expect(error.code == 401 && error.reason == "Unauthorized")
                #expect(!error.description.contains("not-the-token"))
            }
        } catch {
            await sandbox.cluster.stop()
            throw error
        }
        await sandbox.cluster.stop()
    }

    @Test func aClientCertificateFromAnotherCAIsRefused() async throws {
        let sandbox = try await startTLSSandbox(.clientCertificate)
        do {
            var connection = try KubeConfig.load(path: sandbox.cluster.kubeconfigPath.path).connection()
            let foreign = try SandboxCertificates.generate(host: "127.0.0.1", authority: try SandboxAuthority.create())
            connection.tls.clientCertificatePEM = Data(foreign.clientCertificatePEM.utf8)
            connection.tls.clientKeyPEM = Data(foreign.clientKeyPEM.utf8)
            await #expect(throws: KubeError.self) {
                _ = try await HTTPKubeAPI(connection: connection).list(Self.namespace, namespace: nil, labelSelector: nil)
            }
        } catch {
            await sandbox.cluster.stop()
            throw error
        }
        await sandbox.cluster.stop()
    }

    @Test func plainHTTPStaysTheDefault() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let config = try String(contentsOf: sandbox.cluster.kubeconfigPath, encoding: .utf8)
        #expect(config.contains("server: http://127.0.0.1:") && !config.contains("certificate-authority-data"))
    }
}
