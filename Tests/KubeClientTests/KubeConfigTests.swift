import Foundation
import Testing
@testable import KubeClient

@Suite("Kubeconfig parsing")
struct KubeConfigTests {
    static let sample = """
    apiVersion: v1
    kind: Config
    current-context: dev
    clusters:
    - name: dev-cluster
      cluster:
        server: https://dev.example.com:6443
        certificate-authority-data: \(Data("DEV-CA".utf8).base64EncodedString())
    - name: prod-cluster
      cluster:
        server: https://prod.example.com/k8s/clusters/c-1
        certificate-authority: certs/ca.pem
    - name: lab-cluster
      cluster:
        server: https://lab.example.com
        insecure-skip-tls-verify: true
    users:
    - name: dev-user
      user:
        token: dev-token
    - name: prod-user
      user:
        client-certificate: certs/client.pem
        client-key: /abs/missing/client.key
    - name: file-user
      user:
        tokenFile: token.txt
    - name: cert-user
      user:
        client-certificate-data: \(Data("CERT".utf8).base64EncodedString())
        client-key-data: \(Data("KEY".utf8).base64EncodedString())
    - name: basic-user
      user:
        username: admin
        password: pw
    contexts:
    - name: dev
      context: {cluster: dev-cluster, user: dev-user, namespace: team-a}
    - name: prod
      context: {cluster: prod-cluster, user: prod-user}
    - name: lab
      context: {cluster: lab-cluster, user: file-user}
    - name: lab-cert
      context: {cluster: lab-cluster, user: cert-user}
    - name: lab-basic
      context: {cluster: lab-cluster, user: basic-user}
    - name: dangling
      context: {cluster: nowhere, user: dev-user}
    """

    /// Writes the sample kubeconfig (and the files it names) into a fresh directory.
    static func writeSample() throws -> URL {
        let dir = try TempDirectory.make()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("certs"), withIntermediateDirectories: true)
        try "PROD-CA".write(to: dir.appendingPathComponent("certs/ca.pem"), atomically: true, encoding: .utf8)
        try "PROD-CERT".write(to: dir.appendingPathComponent("certs/client.pem"), atomically: true, encoding: .utf8)
        try "lab-token\n".write(to: dir.appendingPathComponent("token.txt"), atomically: true, encoding: .utf8)
        let path = dir.appendingPathComponent("config")
        try sample.write(to: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func currentContextSelectsClusterUserAndNamespace() throws {
        let path = try Self.writeSample()
        let connection = try KubeConfig.load(path: path.path).connection()
        #expect(connection.server.absoluteString == "https://dev.example.com:6443")
        #expect(connection.tls.caPEM == Data("DEV-CA".utf8))
        #expect(connection.auth == .bearer("dev-token"))
        #expect(connection.namespace == "team-a")
        #expect(!connection.description.contains("dev-token"))
    }

    @Test func namedContextReadsFilesRelativeToTheKubeconfig() throws {
        let path = try Self.writeSample()
        let config = try KubeConfig.load(path: path.path)
        #expect(config.clusters["prod-cluster"]?.certificateAuthority == path.deletingLastPathComponent().appendingPathComponent("certs/ca.pem").path)
        // The client key path is absolute and missing: the error names the user and the file.
        #expect(throws: KubeError.config("cannot read client-key of user \"prod-user\": /abs/missing/client.key")) {
            _ = try config.connection(context: "prod")
        }
    }

    @Test func inlineDataAndPathPrefixedServers() throws {
        var config = try KubeConfig.load(path: try Self.writeSample().path)
        let cert = try config.connection(context: "lab-cert")
        #expect(cert.tls.clientCertificatePEM == Data("CERT".utf8))
        #expect(cert.tls.clientKeyPEM == Data("KEY".utf8))
        #expect(cert.auth == .none)
        #expect(cert.namespace == "default")
        config.users["prod-user"]?.clientKey = nil
        config.users["prod-user"]?.clientKeyData = Data("K".utf8)
        let prod = try config.connection(context: "prod")
        #expect(prod.server.absoluteString == "https://prod.example.com/k8s/clusters/c-1")
        #expect(prod.tls.caPEM == Data("PROD-CA".utf8))
        #expect(prod.tls.clientCertificatePEM == Data("PROD-CERT".utf8))
    }

    @Test func tokenFileInsecureFlagAndBasicAuth() throws {
        let path = try Self.writeSample()
        let config = try KubeConfig.load(path: path.path)
        let lab = try config.connection(context: "lab")
        #expect(lab.tls.insecureSkipVerify)
        #expect(lab.auth == .bearerTokenFile(path.deletingLastPathComponent().appendingPathComponent("token.txt").path))
        #expect(try config.connection(context: "lab-basic").auth == .basic(username: "admin", password: "pw"))
        #expect(try !#require(config.users["basic-user"]).description.contains("pw"))
    }

    @Test func missingContextClusterAndFileErrorsNameThem() throws {
        let config = try KubeConfig.load(path: try Self.writeSample().path)
        #expect(throws: KubeError.self) { _ = try config.connection(context: "nope") }
        do { _ = try config.connection(context: "nope") } catch let error as KubeError {
            #expect(error.message.hasPrefix("context \"nope\" not found in kubeconfig"))
            #expect(error.message.contains("dev, lab"))
        }
        do { _ = try config.connection(context: "dangling") } catch let error as KubeError {
            #expect(error.message.hasPrefix("cluster \"nowhere\" of context \"dangling\" not found"))
        }
        #expect(throws: KubeError.config("cannot read kubeconfig /no/such/kubeconfig")) {
            _ = try KubeConfig.load(path: "/no/such/kubeconfig")
        }
    }

    @Test func invalidBase64AndExecPluginsAreReported() throws {
        let bad = """
        clusters:
        - name: c
          cluster: {server: "https://x", certificate-authority-data: "%%%"}
        """
        #expect(throws: KubeError.config("kubeconfig mem: cluster c certificate-authority-data is not valid base64")) {
            _ = try KubeConfig.parse(bad, path: "mem")
        }
        let exec = """
        current-context: c
        clusters: [{name: c, cluster: {server: "https://x"}}]
        users: [{name: u, user: {exec: {command: aws}}}]
        contexts: [{name: c, context: {cluster: c, user: u}}]
        """
        #expect(throws: KubeError.self) { _ = try KubeConfig.parse(exec, path: "mem").connection() }
    }

    @Test func kubeconfigListMergesWithFirstFileWinning() throws {
        let first = try Self.writeSample()
        let dir = try TempDirectory.make()
        let second = dir.appendingPathComponent("other")
        try """
        current-context: other
        clusters: [{name: dev-cluster, cluster: {server: "https://shadowed"}}, {name: o, cluster: {server: "https://other"}}]
        contexts: [{name: other, context: {cluster: o}}]
        """.write(to: second, atomically: true, encoding: .utf8)
        let merged = try KubeConfig.loadDefault(environment: ["KUBECONFIG": "\(first.path):\(second.path)"])
        #expect(merged.currentContext == "dev")
        #expect(merged.clusters["dev-cluster"]?.server == "https://dev.example.com:6443")
        #expect(try merged.connection(context: "other").server.absoluteString == "https://other")
    }
}

@Suite("In-cluster configuration")
struct InClusterConfigTests {
    @Test func readsServiceAccountFilesAndEnvironment() throws {
        let dir = try TempDirectory.make()
        try "sa-token".write(to: dir.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        try "CA".write(to: dir.appendingPathComponent("ca.crt"), atomically: true, encoding: .utf8)
        try "ferry-system\n".write(to: dir.appendingPathComponent("namespace"), atomically: true, encoding: .utf8)
        let env = ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"]
        #expect(InClusterConfig.isAvailable(environment: env))
        let connection = try InClusterConfig.load(environment: env, directory: dir.path)
        #expect(connection.server.absoluteString == "https://10.96.0.1:443")
        #expect(connection.tls.caPEM == Data("CA".utf8))
        #expect(connection.auth == .bearerTokenFile(dir.appendingPathComponent("token").path))
        #expect(connection.namespace == "ferry-system")
    }

    @Test func missingEnvironmentOrTokenIsAClearError() throws {
        #expect(!InClusterConfig.isAvailable(environment: [:]))
        #expect(throws: KubeError.self) { _ = try InClusterConfig.load(environment: [:], directory: "/nonexistent") }
        let env = ["KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "443"]
        #expect(throws: KubeError.config("in-cluster config: cannot read service-account token /nonexistent/token")) {
            _ = try InClusterConfig.load(environment: env, directory: "/nonexistent")
        }
    }
}
