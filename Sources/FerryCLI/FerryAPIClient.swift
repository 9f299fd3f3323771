import Controller
import FerryCore
import Foundation
import KubeClient

/// A client for the Ferry REST API (`/api/v1`), over the libcurl `HTTPTransport`.
///
/// Server errors become `CLIError` carrying the server's `{"error": …}` message; an unreachable server
/// becomes `CLIError.unreachable` with a hint to start `ferry serve`.
public struct FerryAPIClient: Sendable {
    /// Where requests go and with which token.
    public let settings: ClientSettings
    private let transport: HTTPTransport
    /// Whole-request timeout for ordinary calls, in seconds.
    private let timeout: Double
    /// Whole-request timeout for sync and rollback, which wait for the run to finish.
    private let operationTimeout: Double = 1800

    /// Creates a client; nothing is sent until the first call.
    public init(settings: ClientSettings, timeout: Double = 60) {
        self.settings = settings
        self.timeout = timeout
        let auth: HTTPAuth = settings.token.map { .bearer($0) } ?? .none
        self.transport = HTTPTransport(settings: TransportSettings(auth: auth, userAgent: "ferry-cli/\(FerryVersion.client)"))
    }

    /// The server's version string (`GET /api/v1/version`).
    public func version() async throws -> String {
        let body = try await send("GET", "/api/v1/version")
        guard let version = (try? JSON.parse(body))?["version"]?.stringValue else {
            throw CLIError.badResponse("GET /api/v1/version", detail: "no \"version\" field")
        }
        return version
    }

    /// All applications (`GET /api/v1/applications`).
    public func listApplications() async throws -> [Application] {
        try await decode(ItemList<Application>.self, "GET", "/api/v1/applications").items
    }

    /// One application by name.
    public func application(_ name: String) async throws -> Application {
        try await decode(Application.self, "GET", appPath(name))
    }

    /// Registers an application; returns it as the server stored it.
    public func create(_ app: Application) async throws -> Application {
        try await decode(Application.self, "POST", "/api/v1/applications", body: try encode(app))
    }

    /// Deletes an application; with `cascade`, the server first deletes the objects it manages.
    public func delete(_ name: String, cascade: Bool) async throws {
        _ = try await send("DELETE", appPath(name) + "?cascade=\(cascade)")
    }

    /// Re-reads Git and the cluster now; returns the refreshed application.
    public func refresh(_ name: String) async throws -> Application {
        try await decode(Application.self, "POST", appPath(name) + "/refresh")
    }

    /// Runs a sync and returns the finished run.
    public func sync(_ name: String, prune: Bool, dryRun: Bool, revision: String?) async throws -> SyncRun {
        let body = try encode(SyncBody(prune: prune, dryRun: dryRun, revision: revision))
        return try await decode(SyncRun.self, "POST", appPath(name) + "/sync", body: body, timeout: operationTimeout)
    }

    /// Re-applies the manifests of sync run `id` as a new run.
    public func rollback(_ name: String, id: Int64) async throws -> SyncRun {
        let body = try encode(["id": id])
        return try await decode(SyncRun.self, "POST", appPath(name) + "/rollback", body: body, timeout: operationTimeout)
    }

    /// Sync runs, newest first.
    public func history(_ name: String) async throws -> [SyncRun] {
        try await decode(ItemList<SyncRun>.self, "GET", appPath(name) + "/history").items
    }

    /// The diff between Git and the cluster, and its unified text (the server's `text`, else the
    /// concatenated per-resource diffs).
    public func diff(_ name: String) async throws -> (diff: AppDiff, text: String) {
        let path = appPath(name) + "/diff"
        let body = try await send("GET", path)
        let diff = try decodeBody(AppDiff.self, body, request: "GET \(path)")
        let text = (try? JSON.parse(body))?["text"]?.stringValue ?? diff.text
        return (diff, text)
    }

    // MARK: - Plumbing

    private struct ItemList<T: Decodable>: Decodable { var items: [T] }

    private struct SyncBody: Encodable {
        var prune: Bool
        var dryRun: Bool
        var revision: String?
    }

    private func appPath(_ name: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return "/api/v1/applications/" + (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name)
    }

    private func encode<T: Encodable>(_ value: T) throws -> Data {
        do { return try APICoding.encoder().encode(value) } catch {
            throw CLIError("cannot encode request body: \(error)")
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ method: String, _ path: String, body: Data? = nil,
                                      timeout: Double? = nil) async throws -> T {
        let data = try await send(method, path, body: body, timeout: timeout)
        return try decodeBody(type, data, request: "\(method) \(path)")
    }

    private func decodeBody<T: Decodable>(_ type: T.Type, _ data: Data, request: String) throws -> T {
        do { return try APICoding.decoder().decode(type, from: data) } catch {
            throw CLIError.badResponse(request, detail: String(describing: error))
        }
    }

    /// Sends one request and returns the body of a 2xx answer; everything else becomes a `CLIError`.
    private func send(_ method: String, _ path: String, body: Data? = nil, timeout: Double? = nil) async throws -> Data {
        guard let url = URL(string: baseURL + path) else {
            throw CLIError("invalid request URL for \(settings.displayServer)\(path)")
        }
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        let request = HTTPRequest(method: method, url: url, headers: headers, body: body, timeout: timeout ?? self.timeout)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch let error as KubeError {
            throw CLIError.unreachable(settings.displayServer, detail: Self.transportDetail(error))
        }
        guard (200..<300).contains(response.status) else {
            throw CLIError.server(status: response.status, message: Self.errorMessage(response),
                                  request: "\(method) \(path)")
        }
        return response.body
    }

    private var baseURL: String {
        var text = settings.server.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// curl's reason without the request line the transport prefixes it with.
    static func transportDetail(_ error: KubeError) -> String {
        let message = error.message
        if let range = message.range(of: ": ") { return String(message[range.upperBound...]) }
        return message
    }

    /// The server's `{"error": …}` message, else the status and (short) body text.
    static func errorMessage(_ response: HTTPResponse) -> String {
        if let message = (try? JSON.parse(response.body))?["error"]?.stringValue, !message.isEmpty { return message }
        let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "HTTP \(response.status)" : "HTTP \(response.status): \(text.prefix(500))"
    }
}
