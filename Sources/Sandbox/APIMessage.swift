import FerryCore
import Foundation

/// One HTTP request, independent of the HTTP server library.
struct APIRequest: Sendable {
    var method: String
    var path: String
    /// Decoded query parameters (last value wins).
    var query: [String: String] = [:]
    /// Header fields with lower-cased names.
    var headers: [String: String] = [:]
    var body: Data = Data()

    /// The media type of the body without parameters, lower-cased.
    var contentType: String {
        let raw = headers["content-type"] ?? "application/json"
        return raw.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? raw
    }

    /// Decodes the body as JSON or YAML into a `Value`.
    func decodedBody() throws -> Value {
        switch contentType {
        case "application/json", "application/merge-patch+json", "application/json-patch+json",
             "application/strategic-merge-patch+json", "":
            do { return try JSON.parse(body) } catch { throw APIError.badRequest("invalid JSON body: \(error)") }
        case "application/yaml", "application/apply-patch+yaml", "text/yaml", "application/x-yaml":
            do { return try YAML.parse(String(decoding: body, as: UTF8.self), file: "request body") } catch {
                throw APIError.badRequest("invalid YAML body: \(error)")
            }
        case "application/vnd.kubernetes.protobuf":
            return try Protobuf.decode(body)
        default:
            throw APIError.unsupportedMediaType(contentType)
        }
    }

    /// Parses `a=b&c=d` with percent-decoding.
    static func parseQuery(_ query: String?) -> [String: String] {
        guard let query, !query.isEmpty else { return [:] }
        var out: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            guard let key = parts.first else { continue }
            out[key] = parts.count > 1 ? parts[1] : ""
        }
        return out
    }
}

/// One HTTP response, independent of the HTTP server library.
struct APIResponse: Sendable {
    var status: Int
    var contentType = "application/json"
    var body: Data
    /// For watches: chunks streamed after the headers, instead of `body`.
    var stream: AsyncStream<Data>? = nil
    /// Texts sent as `Warning: 299 - "…"` headers (e.g. unknown fields under `fieldValidation=Warn`).
    var warnings: [String] = []

    /// A JSON response.
    static func json(_ value: Value, status: Int = 200) -> APIResponse {
        APIResponse(status: status, body: Data(JSON.encode(value).utf8))
    }

    /// A `Status` error response.
    static func error(_ error: APIError) -> APIResponse { json(error.status, status: error.code) }
}
