import FerryCore
import Foundation

/// The kubeconfig a sandbox writes so kubectl (and Ferry) can reach it.
enum Kubeconfig {
    /// A config with one cluster, user and context, all named `sandbox`, namespace `default`.
    static func document(server: String, token: String) -> Value {
        ["apiVersion": "v1", "kind": "Config",
         "clusters": [["name": "sandbox", "cluster": ["server": .string(server)]]],
         "users": [["name": "sandbox", "user": ["token": .string(token)]]],
         "contexts": [["name": "sandbox", "context": ["cluster": "sandbox", "user": "sandbox", "namespace": "default"]]],
         "current-context": "sandbox", "preferences": .emptyObject]
    }

    /// Writes the config (readable only by the owner: it holds the token).
    static func write(to url: URL, server: String, token: String) throws {
        let text = YAML.encode(document(server: server, token: token))
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        } catch {
            throw SandboxError("cannot write kubeconfig \(url.path): \(error.localizedDescription)")
        }
    }
}
