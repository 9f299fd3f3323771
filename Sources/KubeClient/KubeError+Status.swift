import FerryCore

extension KubeError {
    /// The error for a failed API call, from the server's `metav1.Status` body when there is one.
    ///
    /// `subject` names the object or collection (`Deployment/prod/web`) and `verb` the action (`apply`), giving
    /// messages like `Deployment/prod/web: apply failed: <server message> (Invalid, HTTP 422)`.
    static func fromResponse(_ response: HTTPResponse, subject: String, verb: String) -> KubeError {
        let status = try? JSON.parse(response.body)
        let isStatus = status?["kind"]?.stringValue == "Status"
        let reason = (isStatus ? status?["reason"]?.stringValue : nil).flatMap { $0.isEmpty ? nil : $0 }
            ?? defaultReason(response.status)
        var detail = (isStatus ? status?["message"]?.stringValue : nil) ?? ""
        if detail.isEmpty {
            let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
            detail = text.isEmpty ? defaultMessage(response.status) : String(text.prefix(512))
        }
        return KubeError(code: response.status, reason: reason, message: "\(subject): \(verb) failed: \(detail)")
    }

    /// True for failures worth retrying: transport errors, throttling and server errors.
    var isTransient: Bool {
        (code == 0 && reason == "TransportError") || code == 429 || (500...599).contains(code)
    }

    private static func defaultReason(_ code: Int) -> String {
        switch code {
        case 400: "BadRequest"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 405: "MethodNotAllowed"
        case 409: "Conflict"
        case 410: "Expired"
        case 415: "UnsupportedMediaType"
        case 422: "Invalid"
        case 429: "TooManyRequests"
        case 503: "ServiceUnavailable"
        case 504: "Timeout"
        case 500...599: "InternalError"
        default: "Unknown"
        }
    }

    private static func defaultMessage(_ code: Int) -> String {
        switch code {
        case 401: "the server rejected the credentials (check the token or client certificate)"
        case 403: "the credentials are not allowed to do this (check RBAC)"
        case 404: "not found"
        case 409: "conflict with the object's current state"
        case 422: "the object is invalid"
        case 429: "the server is throttling requests"
        case 500...599: "the server failed (HTTP \(code))"
        default: "unexpected HTTP \(code)"
        }
    }
}
