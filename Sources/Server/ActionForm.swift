import Foundation
import HTTPTypes
import Hummingbird

/// The fields dashboard action forms post (`application/x-www-form-urlencoded`).
struct ActionForm: Decodable {
    var csrf: String?
    var prune: String?
    var id: Int64?

    /// Decodes the form body; a malformed body is a 400 naming the form.
    static func decode(_ request: Request, limit: Int) async throws -> ActionForm {
        let data = try await request.bodyData(limit: limit)
        let text = String(decoding: data, as: UTF8.self)
        do {
            return try URLEncodedFormDecoder().decode(ActionForm.self, from: text)
        } catch {
            throw ServerError.invalid(field: "form", "cannot decode the form fields")
        }
    }
}

/// Refuses dashboard POSTs that may come from another site: the Origin (when sent) must be this host, and
/// the form must carry the CSRF token derived from the admin token.
struct CSRFCheck {
    let authority: TokenAuthority

    /// Throws `ServerError.forbidden` unless the request passes both checks.
    func verify(_ request: Request, token: String?) throws {
        guard sameOrigin(request), let token, authority.isCSRFToken(token) else { throw ServerError.forbidden }
    }

    private func sameOrigin(_ request: Request) -> Bool {
        if request.headers[HTTPField.Name("Sec-Fetch-Site")!] == "cross-site" { return false }
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }
}
