import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import Server

/// A FerryServer on an ephemeral 127.0.0.1 port with a fake service, plus a small HTTP client.
struct TestServer {
    static let token = "s3cret-admin-token"

    let service: FakeApplicationService
    let port: Int

    /// Starts a server, runs `body` against it, then cancels the server.
    static func with(_ service: FakeApplicationService = FakeApplicationService(),
                     _ body: (TestServer) async throws -> Void) async throws {
        let options = ServerOptions(host: "127.0.0.1", port: 0, webDirectory: webDirectory, adminToken: token)
        let server = FerryServer(service: service, options: options, logger: Logger(label: "ferry.test"))
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task {
            defer { continuation.finish() }
            try await server.run { port in continuation.yield(port) }
        }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            _ = try await task.value
            throw TestFailure("server stopped before binding a port")
        }
        try await body(TestServer(service: service, port: port))
        task.cancel()
        _ = try? await task.value
    }

    /// The repository's `web/` folder.
    static var webDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("web", isDirectory: true)
    }

    /// Makes one request; never follows redirects nor stores cookies.
    func request(_ method: String, _ path: String, token: String? = TestServer.token,
                 headers: [String: String] = [:], body: Data? = nil) async throws -> HTTPResult {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { throw TestFailure("bad path \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieStorage = nil
        let session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw TestFailure("not an HTTP response") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            fields[String(describing: name).lowercased()] = String(describing: value)
        }
        return HTTPResult(status: http.statusCode, headers: fields, body: data)
    }

    /// A JSON request.
    func json(_ method: String, _ path: String, _ body: String, token: String? = TestServer.token) async throws -> HTTPResult {
        try await request(method, path, token: token, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
    }

    /// A dashboard form POST with the session cookie (no bearer token).
    func form(_ path: String, _ fields: [String: String], cookie: String?,
              headers: [String: String] = [:]) async throws -> HTTPResult {
        var all = headers
        all["Content-Type"] = "application/x-www-form-urlencoded"
        if let cookie { all["Cookie"] = "ferry_token=\(cookie)" }
        let body = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&")
        return try await request("POST", path, token: nil, headers: all, body: Data(body.utf8))
    }

    /// Logs in through the form and returns the session cookie value.
    func login() async throws -> String {
        let result = try await form("/login", ["token": TestServer.token], cookie: nil)
        guard let value = result.cookie(named: "ferry_token") else { throw TestFailure("login set no cookie") }
        return value
    }
}

/// What came back.
struct HTTPResult {
    var status: Int
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The value of cookie `name` from Set-Cookie, if set.
    func cookie(named name: String) -> String? {
        guard let header = headers["set-cookie"] else { return nil }
        for part in header.split(separator: ",") {
            let pair = part.split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
            if pair.hasPrefix("\(name)=") { return String(pair.dropFirst(name.count + 1)) }
        }
        return nil
    }
}

/// A plain test failure with a message.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Stops URLSession from following redirects so tests see the 303 itself.
final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
