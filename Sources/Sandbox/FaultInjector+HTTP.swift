import FerryCore
import Foundation
import Hummingbird
import NIOCore

extension FaultInjector {
    /// The admin path: `GET` shows, `POST` replaces and `DELETE` clears the fault settings.
    static let adminPath = "/sandbox/faults"

    /// Serves the admin endpoint, or applies latency/500/429 faults to resource requests before `next`.
    /// Discovery, health and the admin endpoint itself are never faulted, so clients can still find the API.
    func respond(_ request: Request, token: String, next: (Request) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path == Self.adminPath { return try await admin(request, token: token) }
        guard case .resource = RequestPath(path) else { return try await next(request) }
        let decision = decide()
        if decision.latency > .zero { try await Task.sleep(for: decision.latency) }
        guard let error = Self.error(for: decision.outcome) else { return try await next(request) }
        var headers = HTTPFields()
        if case .tooManyRequests(let seconds) = decision.outcome { headers[.retryAfter] = String(seconds) }
        return Self.json(error.status, status: error.code, headers: headers)
    }

    private func admin(_ request: Request, token: String) async throws -> Response {
        if let authorization = request.headers[.authorization], authorization != "Bearer \(token)" {
            let error = APIError(code: 401, reason: "Unauthorized", message: "Unauthorized")
            return Self.json(error.status, status: 401)
        }
        switch request.method {
        case .get:
            break
        case .post, .put:
            let body = try await request.body.collect(upTo: 1 << 20)
            do {
                update(try FaultSettings(json: try JSON.parse(Data(buffer: body))))
            } catch let error as APIError {
                return Self.json(error.status, status: error.code)
            } catch {
                let failure = APIError.badRequest("invalid JSON body: \(error)")
                return Self.json(failure.status, status: 400)
            }
        case .delete:
            update(FaultSettings())
        default:
            let error = APIError.methodNotAllowed(request.method.rawValue, Self.adminPath)
            return Self.json(error.status, status: error.code)
        }
        return Self.json(settings.json, status: 200)
    }

    private static func json(_ value: Value, status: Int, headers: HTTPFields = HTTPFields()) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: HTTPResponse.Status(code: status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(data: Data(JSON.encode(value).utf8))))
    }
}
