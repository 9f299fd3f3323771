import FerryCore
import Foundation
import Hummingbird
import NIOCore
import NIOSSL

/// The request context of the sandbox server: Hummingbird's basics plus the connection, so an HTTPS sandbox can
/// see whether the client presented a (CA-verified) certificate.
struct SandboxRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    var coreContext: CoreRequestContextStorage
    /// The connection the request arrived on.
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// Authentication of an HTTPS sandbox: a request passes with the bearer token or with a client certificate that
/// the TLS handshake verified against the sandbox CA. Like kube-apiserver's defaults, `/healthz`, `/livez`,
/// `/readyz` and `/version` stay open; anything else unauthenticated gets `401` with a Status `Unauthorized`.
struct SandboxAuthenticator: Sendable {
    /// The bearer token that authenticates.
    let token: String

    /// Paths (and their sub-paths) served without credentials.
    static let openPaths = ["/healthz", "/livez", "/readyz", "/version"]

    /// Whether `path` is served to anyone.
    static func isOpen(_ path: String) -> Bool {
        openPaths.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// Whether the request is authenticated: open path, right token, or a verified client certificate.
    func authenticates(path: String, authorization: String?, channel: any Channel) async -> Bool {
        if Self.isOpen(path) || authorization == "Bearer \(token)" { return true }
        // optionalVerification: a certificate the client presents is only accepted when it chains to the CA.
        let certificate = try? await channel.nioSSL_peerCertificate().get()
        return certificate != nil
    }

    /// The `401` a real API server sends for an unauthenticated request.
    static func unauthorized() -> Response {
        let status = APIError(code: 401, reason: "Unauthorized", message: "Unauthorized").status
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .unauthorized, headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(data: Data(JSON.encode(status).utf8))))
    }
}

extension SandboxCertificates {
    /// The server's TLS settings: serve the generated certificate, request (but not require) a client
    /// certificate, and accept only client certificates signed by the sandbox CA.
    func serverConfiguration() throws -> TLSConfiguration {
        do {
            let certificate = try NIOSSLCertificate(bytes: Array(serverCertificatePEM.utf8), format: .pem)
            let key = try NIOSSLPrivateKey(bytes: Array(serverKeyPEM.utf8), format: .pem)
            let ca = try NIOSSLCertificate(bytes: Array(caPEM.utf8), format: .pem)
            var configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
            configuration.trustRoots = .certificates([ca])
            configuration.certificateVerification = .optionalVerification
            return configuration
        } catch {
            throw SandboxError("cannot load the generated TLS certificates: \(error)")
        }
    }
}
