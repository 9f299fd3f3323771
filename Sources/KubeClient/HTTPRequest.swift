import Foundation

/// One outbound HTTP request.
public struct HTTPRequest: Sendable {
    /// HTTP method, e.g. `GET`, `PATCH`.
    public var method: String
    /// Absolute URL (never carrying credentials: use `HTTPAuth`).
    public var url: URL
    /// Request headers, sent in order.
    public var headers: [(name: String, value: String)]
    /// Request body, if any.
    public var body: Data?
    /// Whole-transfer timeout in seconds (nil = none; use for watches).
    public var timeout: Double?

    /// Creates a request; `timeout` defaults to 30 seconds.
    public init(method: String = "GET", url: URL, headers: [(name: String, value: String)] = [],
                body: Data? = nil, timeout: Double? = 30) {
        self.method = method; self.url = url; self.headers = headers; self.body = body; self.timeout = timeout
    }
}

/// A complete HTTP response.
public struct HTTPResponse: Sendable {
    /// HTTP status code.
    public var status: Int
    /// Response headers in arrival order (names as sent by the server).
    public var headers: [(name: String, value: String)]
    /// Response body.
    public var body: Data
    /// Number of new connections curl opened for this transfer (0 means a pooled connection was reused).
    public var newConnections: Int

    /// Creates a response value.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data(), newConnections: Int = 0) {
        self.status = status; self.headers = headers; self.body = body; self.newConnections = newConnections
    }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The body as UTF-8 text (lossy).
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// TLS material and verification settings for a server.
public struct TLSOptions: Sendable, Hashable {
    /// PEM bundle of CA certificates to trust (nil = the system store).
    public var caPEM: Data?
    /// PEM client certificate for mutual TLS.
    public var clientCertificatePEM: Data?
    /// PEM private key for the client certificate.
    public var clientKeyPEM: Data?
    /// Skip server certificate and host name verification (insecure).
    public var insecureSkipVerify: Bool

    /// Creates TLS options; all empty means "verify against the system store".
    public init(caPEM: Data? = nil, clientCertificatePEM: Data? = nil, clientKeyPEM: Data? = nil,
                insecureSkipVerify: Bool = false) {
        self.caPEM = caPEM; self.clientCertificatePEM = clientCertificatePEM
        self.clientKeyPEM = clientKeyPEM; self.insecureSkipVerify = insecureSkipVerify
    }
}

/// How requests authenticate. Descriptions never reveal the secret.
public enum HTTPAuth: Sendable, Hashable, CustomStringConvertible {
    /// No credentials.
    case none
    /// `Authorization: Bearer <token>`.
    case bearer(String)
    /// A bearer token read from a file and re-read periodically (service-account tokens rotate).
    case bearerTokenFile(String)
    /// HTTP basic authentication.
    case basic(username: String, password: String)

    /// A redacted description.
    public var description: String {
        switch self {
        case .none: "none"
        case .bearer: "bearer token"
        case .bearerTokenFile(let path): "bearer token from \(path)"
        case .basic(let user, _): "basic auth as \(user)"
        }
    }
}
