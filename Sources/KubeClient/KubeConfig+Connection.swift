import Foundation

extension KubeConfig {
    /// Builds the connection for a named context, or for `current-context` when `context` is nil.
    public func connection(context contextName: String? = nil) throws -> KubeConnection {
        let where_ = sources.isEmpty ? "kubeconfig" : "kubeconfig \(sources.joined(separator: ":"))"
        guard let name = contextName ?? currentContext else {
            throw KubeError.config("\(where_) has no current-context; choose one of: \(contextNames.joined(separator: ", "))")
        }
        guard let context = contexts[name] else {
            throw KubeError.config("context \"\(name)\" not found in \(where_) (have: \(contextNames.joined(separator: ", ")))")
        }
        guard let cluster = clusters[context.cluster] else {
            throw KubeError.config("cluster \"\(context.cluster)\" of context \"\(name)\" not found in \(where_)")
        }
        guard let server = URL(string: cluster.server), server.scheme == "https" || server.scheme == "http",
              server.host != nil else {
            throw KubeError.config("cluster \"\(context.cluster)\" has no valid server URL in \(where_)")
        }
        var tls = TLSOptions(insecureSkipVerify: cluster.insecureSkipTLSVerify)
        tls.caPEM = try cluster.certificateAuthorityData ?? cluster.certificateAuthority.map { try read($0, "certificate-authority of cluster \"\(context.cluster)\"") }
        var auth = HTTPAuth.none
        if !context.user.isEmpty {
            guard let user = users[context.user] else {
                throw KubeError.config("user \"\(context.user)\" of context \"\(name)\" not found in \(where_)")
            }
            try apply(user, named: context.user, tls: &tls, auth: &auth)
        }
        return KubeConnection(server: server, tls: tls, auth: auth, namespace: context.namespace ?? "default")
    }

    private func apply(_ user: User, named name: String, tls: inout TLSOptions, auth: inout HTTPAuth) throws {
        tls.clientCertificatePEM = try user.clientCertificateData
            ?? user.clientCertificate.map { try read($0, "client-certificate of user \"\(name)\"") }
        tls.clientKeyPEM = try user.clientKeyData ?? user.clientKey.map { try read($0, "client-key of user \"\(name)\"") }
        if (tls.clientCertificatePEM == nil) != (tls.clientKeyPEM == nil) {
            throw KubeError.config("user \"\(name)\" needs both a client certificate and a client key")
        }
        if let token = user.token {
            auth = .bearer(token)
        } else if let file = user.tokenFile {
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw KubeError.config("cannot read tokenFile \(file) of user \"\(name)\"")
            }
            auth = .bearerTokenFile(file)
        } else if let username = user.username {
            auth = .basic(username: username, password: user.password ?? "")
        } else if user.usesPlugin && tls.clientCertificatePEM == nil {
            throw KubeError.config("user \"\(name)\" uses an exec/auth-provider plugin, which Ferry does not support; use a token or client certificate")
        }
    }

    private func read(_ path: String, _ what: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KubeError.config("cannot read \(what): \(path)")
        }
        return data
    }
}
