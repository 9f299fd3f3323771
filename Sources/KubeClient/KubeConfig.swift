import FerryCore
import Foundation

/// A parsed kubeconfig: clusters, users, contexts and the current context.
///
/// Relative file paths (`certificate-authority`, `client-certificate`, `client-key`, `tokenFile`) are resolved
/// against the directory of the kubeconfig that names them, as kubectl does. Files are read when a
/// connection is built, so errors name the file that is missing.
public struct KubeConfig: Sendable {
    /// A `clusters[].cluster` entry.
    public struct Cluster: Sendable, Equatable {
        public var server: String
        public var certificateAuthority: String?
        public var certificateAuthorityData: Data?
        public var insecureSkipTLSVerify: Bool
    }

    /// A `users[].user` entry. Its description names only which credentials are present.
    public struct User: Sendable, Equatable, CustomStringConvertible {
        public var token: String?
        public var tokenFile: String?
        public var clientCertificate: String?
        public var clientCertificateData: Data?
        public var clientKey: String?
        public var clientKeyData: Data?
        public var username: String?
        public var password: String?
        /// True when the user relies on an `exec` plugin or `auth-provider` (not supported).
        public var usesPlugin: Bool

        /// Which kinds of credentials are set, without their values.
        public var description: String {
            let kinds: [(String, Bool)] = [("token", token != nil), ("tokenFile", tokenFile != nil),
                ("client certificate", clientCertificate != nil || clientCertificateData != nil),
                ("basic auth", username != nil), ("plugin", usesPlugin)]
            return "User(" + kinds.filter(\.1).map(\.0).joined(separator: ", ") + ")"
        }
    }

    /// A `contexts[].context` entry.
    public struct Context: Sendable, Equatable {
        public var cluster: String
        public var user: String
        public var namespace: String?
    }

    /// Clusters by name.
    public var clusters: [String: Cluster] = [:]
    /// Users by name.
    public var users: [String: User] = [:]
    /// Contexts by name.
    public var contexts: [String: Context] = [:]
    /// The `current-context`, if set.
    public var currentContext: String?
    /// The files this configuration was read from (for error messages).
    public var sources: [String] = []

    /// An empty configuration.
    public init() {}

    /// Reads one kubeconfig file.
    public static func load(path: String) throws -> KubeConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KubeError.config("cannot read kubeconfig \(path)")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Reads the files named by `KUBECONFIG` (colon-separated, merged with the first file winning each name),
    /// or `~/.kube/config` when it is unset.
    public static func loadDefault(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> KubeConfig {
        let paths = defaultPaths(environment: environment)
        var merged = KubeConfig()
        var loadedAny = false
        for path in paths where FileManager.default.fileExists(atPath: path) {
            merged.merge(try load(path: path))
            loadedAny = true
        }
        guard loadedAny else { throw KubeError.config("no kubeconfig found (looked at \(paths.joined(separator: ", ")))") }
        return merged
    }

    /// The kubeconfig paths kubectl would consult.
    public static func defaultPaths(environment: [String: String]) -> [String] {
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            return list.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return [(home as NSString).appendingPathComponent(".kube/config")]
    }

    /// Adds entries from `other` whose names are not already present (kubectl's merge rule).
    public mutating func merge(_ other: KubeConfig) {
        clusters.merge(other.clusters) { mine, _ in mine }
        users.merge(other.users) { mine, _ in mine }
        contexts.merge(other.contexts) { mine, _ in mine }
        if currentContext == nil { currentContext = other.currentContext }
        sources += other.sources
    }

    /// Context names, sorted.
    public var contextNames: [String] { contexts.keys.sorted() }
}
