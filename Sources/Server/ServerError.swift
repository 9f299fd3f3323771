import Controller
import FerryCore
import Foundation
import Hummingbird

/// An error the server answers with: an HTTP status and a message, sent as `{"error": "<message>"}`.
public struct ServerError: Error, CustomStringConvertible, Sendable, HTTPResponseError {
    /// The HTTP status of the answer.
    public var status: HTTPResponse.Status
    /// A message naming what was wrong; never contains secrets.
    public var message: String

    /// Creates an error with a status and message.
    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status; self.message = message
    }

    public var description: String { "\(status.code) \(message)" }

    /// The JSON error body.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response.json(["error": message], status: status)
    }

    /// The credentials were missing or wrong.
    public static let unauthorized = ServerError(.unauthorized, "unauthorized")
    /// A dashboard POST failed the CSRF check.
    public static let forbidden = ServerError(.forbidden, "forbidden: missing or invalid CSRF token")
    /// The request body was larger than allowed.
    public static func tooLarge(limit: Int) -> ServerError {
        ServerError(.contentTooLarge, "request body is larger than \(limit) bytes")
    }
    /// A request field was invalid; the message names the field.
    public static func invalid(field: String, _ reason: String) -> ServerError {
        ServerError(.badRequest, "invalid \(field): \(reason)")
    }
    /// The web directory or a template could not be loaded.
    public static func webAssets(_ path: String, _ reason: String) -> ServerError {
        ServerError(.internalServerError, "cannot load dashboard assets from \(path): \(reason)")
    }

    /// Maps a service failure to its HTTP status, keeping the message.
    public init(_ error: ServiceError) {
        switch error.kind {
        case .notFound: self.init(.notFound, error.message)
        case .alreadyExists, .conflict: self.init(.conflict, error.message)
        case .invalid: self.init(.badRequest, error.message)
        case .failed: self.init(.internalServerError, error.message)
        }
    }

    /// Maps any error from a handler: server and service errors keep their meaning, others become 500.
    static func wrap(_ error: any Error) -> ServerError {
        switch error {
        case let e as ServerError: return e
        case let e as ServiceError: return ServerError(e)
        default: return ServerError(.internalServerError, "internal error (see server log)")
        }
    }
}
