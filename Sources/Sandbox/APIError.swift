import FerryCore

/// A request failure answered as a `metav1.Status` with the reason and code a real API server uses.
struct APIError: Error, Sendable {
    var code: Int
    var reason: String
    var message: String
    var details: Value = .null

    /// The `Status` object sent to the client.
    var status: Value {
        var s: Value = ["kind": "Status", "apiVersion": "v1", "metadata": .emptyObject, "status": "Failure",
                        "message": .string(message)]
        // An unknown reason (errors apiserver did not type) is omitted, as `omitempty` drops it.
        if !reason.isEmpty { s["reason"] = .string(reason) }
        if !details.isNull { s["details"] = details }
        s["code"] = .int(Int64(code))
        return s
    }

    static func details(_ type: ResourceType, _ name: String) -> Value {
        var d: Value = ["name": .string(name)]
        if !type.group.isEmpty { d["group"] = .string(type.group) }
        d["kind"] = .string(type.name)
        return d
    }

    static func notFound(_ type: ResourceType, _ name: String) -> APIError {
        APIError(code: 404, reason: "NotFound", message: "\(type.qualifiedName) \"\(name)\" not found",
                 details: details(type, name))
    }

    static func namespaceNotFound(_ name: String) -> APIError {
        APIError(code: 404, reason: "NotFound", message: "namespaces \"\(name)\" not found",
                 details: ["name": .string(name), "kind": "namespaces"])
    }

    static func alreadyExists(_ type: ResourceType, _ name: String) -> APIError {
        APIError(code: 409, reason: "AlreadyExists", message: "\(type.qualifiedName) \"\(name)\" already exists",
                 details: details(type, name))
    }

    static func conflict(_ type: ResourceType, _ name: String) -> APIError {
        APIError(code: 409, reason: "Conflict",
                 message: "Operation cannot be fulfilled on \(type.qualifiedName) \"\(name)\": the object has been "
                     + "modified; please apply your changes to the latest version and try again",
                 details: details(type, name))
    }

    /// 422 Invalid with one cause per field.
    static func invalid(_ type: ResourceType, _ name: String, _ causes: [(field: String, message: String)]) -> APIError {
        let kind = type.group.isEmpty ? type.kind : "\(type.kind).\(type.group)"
        // One error reads plainly; several are bracketed, as apimachinery aggregates field errors.
        let joined = causes.map { "\($0.field): \($0.message)" }.joined(separator: ", ")
        let text = causes.count == 1 ? joined : "[\(joined)]"
        var d = details(type, name)
        d["kind"] = .string(type.kind)
        d["causes"] = .array(causes.map { ["reason": .string(causeReason($0.message)), "message": .string($0.message),
                                           "field": .string($0.field)] })
        return APIError(code: 422, reason: "Invalid", message: "\(kind) \"\(name)\" is invalid: \(text)", details: d)
    }

    /// The `StatusCause` reason of a field error message (`Required value` → `FieldValueRequired`, …).
    static func causeReason(_ message: String) -> String {
        if message.hasPrefix("Required value") { return "FieldValueRequired" }
        if message.hasPrefix("Unsupported value") { return "FieldValueNotSupported" }
        if message.hasPrefix("Forbidden") { return "FieldValueForbidden" }
        return "FieldValueInvalid"
    }

    /// 504 for a read at a resourceVersion the store has not reached, as apiserver's storage layer answers it.
    static func tooLargeResourceVersion(_ requested: Int64, current: Int64) -> APIError {
        APIError(code: 504, reason: "Timeout", message: "Timeout: Too large resource version: \(requested), current: \(current)",
                 details: ["causes": [["reason": "ResourceVersionTooLarge", "message": "Too large resource version"]],
                           "retryAfterSeconds": 1])
    }

    static func badRequest(_ message: String) -> APIError {
        APIError(code: 400, reason: "BadRequest", message: message)
    }

    static func methodNotAllowed(_ method: String, _ path: String) -> APIError {
        APIError(code: 405, reason: "MethodNotAllowed",
                 message: "the server does not allow this method on the requested resource (\(method) \(path))")
    }

    static func unsupportedMediaType(_ contentType: String) -> APIError {
        APIError(code: 415, reason: "UnsupportedMediaType",
                 message: "the body of the request was in an unknown format - accepted media types include: "
                     + "application/json, application/yaml (got \(contentType))")
    }

    static func pathNotFound(_ path: String) -> APIError {
        APIError(code: 404, reason: "NotFound", message: "the server could not find the requested resource (\(path))",
                 details: ["causes": [["reason": "UnexpectedServerResponse", "message": "404 page not found"]]])
    }

    static func internalError(_ message: String) -> APIError {
        APIError(code: 500, reason: "InternalError", message: "Internal error occurred: \(message)")
    }
}
