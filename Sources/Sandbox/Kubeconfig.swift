import FerryCore
import Foundation

/// The kubeconfig a sandbox writes so kubectl (and Ferry) can reach it.
enum Kubeconfig {
    /// What the kubeconfig's cluster and user carry.
    struct Credentials {
        /// The bearer token (written unless TLS mode chose the client certificate).
        var token: String
        /// The generated TLS material when serving HTTPS.
        var certificates: SandboxCertificates?
        /// The HTTPS settings, choosing the user's credential.
        var tls: SandboxTLSOptions?
    }

    /// A config with one cluster, user and context, all named `sandbox`, namespace `default`.
    static func document(server: String, credentials: Credentials) -> Value {
        var cluster: Value = ["server": .string(server)]
        var user: Value = ["token": .string(credentials.token)]
        if let certificates = credentials.certificates {
            cluster["certificate-authority-data"] = .string(base64(certificates.caPEM))
            if credentials.tls?.credential == .clientCertificate {
                user = ["client-certificate-data": .string(base64(certificates.clientCertificatePEM)),
                        "client-key-data": .string(base64(certificates.clientKeyPEM))]
            }
        }
        return ["apiVersion": "v1", "kind": "Config",
                "clusters": [["name": "sandbox", "cluster": cluster]],
                "users": [["name": "sandbox", "user": user]],
                "contexts": [["name": "sandbox", "context": ["cluster": "sandbox", "user": "sandbox", "namespace": "default"]]],
                "current-context": "sandbox", "preferences": .emptyObject]
    }

    /// Writes the config (readable only by the owner: it holds the token or client key).
    static func write(to url: URL, server: String, credentials: Credentials) throws {
        let text = YAML.encode(document(server: server, credentials: credentials))
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        } catch {
            throw SandboxError("cannot write kubeconfig \(url.path): \(error.localizedDescription)")
        }
    }

    private static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
}
