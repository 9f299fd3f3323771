import Foundation
import HTTPTypes
import Hummingbird

/// `/login` (a form posting the admin token, answered with the session cookie) and `/logout`.
struct LoginRoutes: Sendable {
    let templates: DashboardTemplates
    let authority: TokenAuthority
    let maxBodySize: Int

    func register(on router: Router<FerryRequestContext>) {
        router.get("login") { _, _ in loginPage(error: nil) }
        router.post("login") { req, _ in try await login(req) }
        router.post("logout") { req, _ in try await logout(req) }
    }

    private func loginPage(error: String?, status: HTTPResponse.Status = .ok) -> Response {
        .html(templates.render("login", LoginPage(error: error)), status: status)
    }

    private func login(_ request: Request) async throws -> Response {
        let form: LoginForm
        do {
            let data = try await request.bodyData(limit: maxBodySize)
            form = try URLEncodedFormDecoder().decode(LoginForm.self, from: String(decoding: data, as: UTF8.self))
        } catch {
            return loginPage(error: "The login form could not be read.", status: .badRequest)
        }
        guard let token = form.token, authority.isAdminToken(token) else {
            return loginPage(error: "That token is not valid.", status: .unauthorized)
        }
        var response = Response.seeOther("/")
        response.setCookie(Cookie(name: AuthMiddleware.cookieName, value: authority.sessionValue, path: "/",
                                  secure: Self.isHTTPS(request), httpOnly: true, sameSite: .strict))
        return response
    }

    private func logout(_ request: Request) async throws -> Response {
        let form = try? await ActionForm.decode(request, limit: maxBodySize)
        do {
            try CSRFCheck(authority: authority).verify(request, token: form?.csrf)
        } catch {
            return .html(templates.render("error", ErrorPage(title: "Error 403", status: 403, reason: "Forbidden",
                                                             message: ServerError.forbidden.message)),
                         status: .forbidden)
        }
        var response = Response.seeOther("/login")
        response.setCookie(Cookie(name: AuthMiddleware.cookieName, value: "", maxAge: 0, path: "/",
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    /// True when a TLS-terminating proxy says the browser used HTTPS.
    private static func isHTTPS(_ request: Request) -> Bool {
        request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }
}

/// The login form's fields.
struct LoginForm: Decodable {
    var token: String?
}

/// The view behind `login.mustache`.
struct LoginPage {
    var title = "Sign in"
    var error: String?
}
