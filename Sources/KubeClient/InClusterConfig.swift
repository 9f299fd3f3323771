import Foundation

/// Configuration for a process running in a Pod: the API server from `KUBERNETES_SERVICE_HOST`/`_PORT`
/// and the service-account token, CA and namespace mounted under
/// `/var/run/secrets/kubernetes.io/serviceaccount`.
public enum InClusterConfig {
    /// Where Kubernetes mounts the service-account files.
    public static let defaultDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// True when the service environment variables are set (we are probably in a Pod).
    public static func isAvailable(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        environment["KUBERNETES_SERVICE_HOST"].map { !$0.isEmpty } ?? false
            && environment["KUBERNETES_SERVICE_PORT"].map { !$0.isEmpty } ?? false
    }

    /// Builds the connection. The token is re-read from its file periodically because kubelet rotates it.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment,
                            directory: String = defaultDirectory) throws -> KubeConnection {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
              let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty else {
            throw KubeError.config("in-cluster config needs KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT")
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host  // IPv6 literal
        guard let server = URL(string: "https://\(hostPart):\(port)") else {
            throw KubeError.config("in-cluster config: invalid server address \(host):\(port)")
        }
        let tokenPath = (directory as NSString).appendingPathComponent("token")
        guard FileManager.default.isReadableFile(atPath: tokenPath) else {
            throw KubeError.config("in-cluster config: cannot read service-account token \(tokenPath)")
        }
        let caPath = (directory as NSString).appendingPathComponent("ca.crt")
        guard let ca = FileManager.default.contents(atPath: caPath) else {
            throw KubeError.config("in-cluster config: cannot read CA certificate \(caPath)")
        }
        let namespacePath = (directory as NSString).appendingPathComponent("namespace")
        let namespace = FileManager.default.contents(atPath: namespacePath)
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        return KubeConnection(server: server, tls: TLSOptions(caPEM: ca), auth: .bearerTokenFile(tokenPath),
                              namespace: namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default")
    }
}

extension KubeError {
    /// A kubeconfig or in-cluster configuration problem (code 0, reason `ConfigError`). The message names
    /// the file, context, cluster or user — never a credential.
    public static func config(_ message: String) -> KubeError {
        KubeError(code: 0, reason: "ConfigError", message: message)
    }
}
