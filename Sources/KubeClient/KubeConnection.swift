import Foundation

/// Everything needed to talk to one Kubernetes API server: where, how to trust it, who we are,
/// and the namespace used for namespaced objects that name none.
///
/// Built by `KubeConfig` or `InClusterConfig`. Its description never shows credentials.
public struct KubeConnection: Sendable, CustomStringConvertible {
    /// The API server's base URL, e.g. `https://10.0.0.1:6443` (may carry a path prefix).
    public var server: URL
    /// CA bundle, client certificate and verification settings.
    public var tls: TLSOptions
    /// Token, token file, basic auth, or none.
    public var auth: HTTPAuth
    /// Namespace for namespaced objects without one (`default` unless the context says otherwise).
    public var namespace: String

    /// Creates a connection description.
    public init(server: URL, tls: TLSOptions = TLSOptions(), auth: HTTPAuth = .none, namespace: String = "default") {
        self.server = server; self.tls = tls; self.auth = auth; self.namespace = namespace
    }

    /// Transport settings for this connection.
    public var transportSettings: TransportSettings { TransportSettings(tls: tls, auth: auth) }

    /// A redacted summary: server, namespace and the kind of credentials.
    public var description: String {
        "\(HTTPTransport.redacted(server)) (namespace \(namespace), auth: \(auth)\(tls.insecureSkipVerify ? ", insecure" : ""))"
    }
}
