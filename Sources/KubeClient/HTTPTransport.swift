import Foundation

/// Settings shared by every request an `HTTPTransport` sends.
public struct TransportSettings: Sendable {
    /// TLS trust and client certificate.
    public var tls: TLSOptions
    /// Credentials added to every request.
    public var auth: HTTPAuth
    /// Largest response body accepted (larger ones fail with `ResponseTooLarge`).
    public var maxResponseBytes: Int
    /// Seconds allowed to establish a connection.
    public var connectTimeout: Double
    /// Idle handles (and their connections) kept for reuse.
    public var maxIdleHandles: Int
    /// The `User-Agent` header.
    public var userAgent: String

    /// Creates settings with sensible defaults (64 MiB bodies, 10 s connect timeout, 8 idle handles).
    public init(tls: TLSOptions = TLSOptions(), auth: HTTPAuth = .none, maxResponseBytes: Int = 64 << 20,
                connectTimeout: Double = 10, maxIdleHandles: Int = 8, userAgent: String = "ferry") {
        self.tls = tls; self.auth = auth; self.maxResponseBytes = maxResponseBytes
        self.connectTimeout = connectTimeout; self.maxIdleHandles = maxIdleHandles; self.userAgent = userAgent
    }
}

/// A small HTTP client over libcurl.
///
/// Transfers run on a dedicated dispatch queue (never on Swift's cooperative pool) and reuse pooled curl
/// handles, so repeated requests to one server reuse their connections. Transport failures surface as
/// `KubeError` with code 0 and curl's message; the message names the method and URL but never credentials.
public final class HTTPTransport: Sendable {
    /// The settings every request uses.
    public let settings: TransportSettings
    private let idle = Locked<[CurlEasy]>([])
    private let tokenCache = Locked<(token: String, readAt: Date)?>(nil)
    /// A queue for one blocking transfer. Serial queues are "overcommit" in libdispatch: each gets a thread of
    /// its own even when the worker pool is busy. A shared concurrent queue would draw from the same small pool
    /// that runs Swift concurrency on Linux, so blocked transfers could starve the tasks (an in-process sandbox
    /// server, for one) they are waiting for: 20 concurrent GETs took 19 s that way instead of 0.04 s.
    private static func transferQueue() -> DispatchQueue { DispatchQueue(label: "dev.ferry.curl.transfer") }

    /// Creates a transport; no connection is opened until the first request.
    public init(settings: TransportSettings = TransportSettings()) { self.settings = settings }

    /// Sends a request and returns the complete response (any status). Cancelling the task aborts the transfer.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let authorization = try authorizationHeader()
        let sink = ResponseSink(limit: settings.maxResponseBytes)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                Self.transferQueue().async {
                    continuation.resume(with: Result {
                        let connects = try self.run(request, authorization: authorization, sink: sink)
                        return HTTPResponse(status: sink.status, headers: sink.headers, body: sink.body,
                                            newConnections: connects)
                    })
                }
            }
        } onCancel: {
            sink.cancel()
        }
    }

    /// Streams a 2xx response body line by line (for watches). A non-2xx status ends the stream with a
    /// `KubeError` carrying the status and body; ending the iteration aborts the transfer.
    public func lines(_ request: HTTPRequest) -> AsyncThrowingStream<Data, Error> {
        AsyncThrowingStream { continuation in
            let sink = ResponseSink(limit: settings.maxResponseBytes) { continuation.yield($0) }
            continuation.onTermination = { _ in sink.cancel() }
            Self.transferQueue().async {
                do {
                    _ = try self.run(request, authorization: try self.authorizationHeader(), sink: sink)
                    sink.flush()
                    if (200..<300).contains(sink.status) { continuation.finish(); return }
                    continuation.finish(throwing: KubeError(code: sink.status, reason: "HTTPError",
                        message: "\(request.method) \(Self.redacted(request.url)): \(String(decoding: sink.body.prefix(4096), as: UTF8.self))"))
                } catch {
                    continuation.finish(throwing: error)
                }
            }
        }
    }

    /// Runs a transfer on the current (dispatch) thread with a pooled handle.
    private func run(_ request: HTTPRequest, authorization: String?, sink: ResponseSink) throws -> Int {
        let easy = try idle.withLock { $0.popLast() } ?? CurlEasy()
        defer {
            idle.withLock { handles in
                if handles.count < settings.maxIdleHandles { handles.append(easy) }
            }
        }
        return try easy.perform(request, settings: settings, authorization: authorization, sink: sink)
    }

    /// The `Authorization` header value for the configured credentials.
    private func authorizationHeader() throws -> String? {
        switch settings.auth {
        case .none: return nil
        case .bearer(let token): return "Bearer \(token)"
        case .basic(let user, let password): return "Basic \(Data("\(user):\(password)".utf8).base64EncodedString())"
        case .bearerTokenFile(let path): return "Bearer \(try token(fromFile: path))"
        }
    }

    /// Reads a token file, re-reading it at most once a minute (kubelet rotates service-account tokens).
    private func token(fromFile path: String) throws -> String {
        if let cached = tokenCache.withLock({ $0 }), Date().timeIntervalSince(cached.readAt) < 60 {
            return cached.token
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KubeError(code: 0, reason: "TokenUnreadable", message: "cannot read bearer token file \(path)")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        tokenCache.withLock { $0 = (token, Date()) }
        return token
    }

    /// The URL as safe to print: user info removed.
    static func redacted(_ url: URL) -> String {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false),
              parts.user != nil || parts.password != nil else { return url.absoluteString }
        parts.user = nil; parts.password = nil
        return parts.string ?? url.absoluteString
    }
}
