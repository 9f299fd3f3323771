import Foundation
import Hummingbird
import Logging

/// Lets public routes through and requires the admin token everywhere else.
///
/// Public: `/healthz`, `/login`, `/static/…`, `/favicon.ico`. API calls without valid credentials get 401
/// `{"error":"unauthorized"}`; dashboard pages redirect to `/login`.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = FerryRequestContext
    /// The session cookie's name.
    static let cookieName = "ferry_token"

    let authority: TokenAuthority

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if Self.isPublic(path) { return try await next(request, context) }
        guard authenticated(request) else {
            context.logger.debug("rejected unauthenticated request", metadata: ["path": "\(path)"])
            if path.hasPrefix("/api/") { throw ServerError.unauthorized }
            return .seeOther("/login")
        }
        var context = context
        context.identity = TokenAuthority.identity
        return try await next(request, context)
    }

    /// True when the request carries the admin token as a bearer token or a valid session cookie.
    func authenticated(_ request: Request) -> Bool {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return authority.isAdminToken(String(parts[1]).trimmingCharacters(in: .whitespaces))
            }
            return false
        }
        if let cookie = request.cookies[Self.cookieName] {
            return authority.isSession(cookie.value)
        }
        return false
    }

    static func isPublic(_ path: String) -> Bool {
        path == "/healthz" || path == "/login" || path == "/favicon.ico" || path.hasPrefix("/static/")
    }
}
