import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Bridges Hummingbird requests to the transport-neutral `APIServer`, and checks the bearer token.
struct HTTPAdapter: Sendable {
    let server: APIServer
    let token: String
    /// Largest request body accepted.
    static let maxBodyBytes = 32 << 20

    func respond(_ request: Request) async throws -> Response {
        var request = request
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        if let authorization = headers["authorization"], authorization != "Bearer \(token)" {
            return encode(.error(APIError(code: 401, reason: "Unauthorized", message: "Unauthorized")))
        }
        let body = try await request.collectBody(upTo: Self.maxBodyBytes)
        let apiRequest = APIRequest(method: request.method.rawValue, path: request.uri.path,
                                    query: APIRequest.parseQuery(request.uri.query), headers: headers,
                                    body: Data(buffer: body))
        return encode(await server.handle(apiRequest))
    }

    private func encode(_ response: APIResponse) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = response.contentType
        headers[.cacheControl] = "no-cache, private"
        for text in response.warnings {
            guard let warning = HTTPField.Name("Warning") else { break }
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            headers.append(HTTPField(name: warning, value: "299 - \"\(escaped)\""))
        }
        let status = HTTPResponse.Status(code: response.status)
        if let stream = response.stream {
            headers[.transferEncoding] = "chunked"
            return Response(status: status, headers: headers, body: ResponseBody { writer in
                for await chunk in stream { try await writer.write(ByteBuffer(data: chunk)) }
                try await writer.finish(nil)
            })
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(data: response.body)))
    }
}
