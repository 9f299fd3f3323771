import FerryCore
import Foundation

extension APIServer {
    /// GET one object (or its status/scale view).
    func get(_ target: Target, _ request: APIRequest) throws -> APIResponse {
        let name = target.name ?? ""
        guard var object = try store.get(target.key(name)) else { throw APIError.notFound(target.type, name) }
        object["apiVersion"] = .string(target.type.apiVersion)
        if target.subresource == "scale" { return .json(Scale.view(of: object, target.type)) }
        if target.subresource == nil, Table.isRequested(request.headers["accept"]) {
            let rv = object[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
            return .json(Table.render([object], target.type, resourceVersion: rv))
        }
        return .json(object)
    }

    /// GET one object without content negotiation.
    func get(_ target: Target, _ name: String? = nil) throws -> APIResponse {
        let name = name ?? target.name ?? ""
        guard var object = try store.get(target.key(name)) else { throw APIError.notFound(target.type, name) }
        object["apiVersion"] = .string(target.type.apiVersion)
        if target.subresource == "scale" { return .json(Scale.view(of: object, target.type)) }
        return .json(object)
    }

    /// GET a collection, filtered by `labelSelector` and `fieldSelector`.
    func list(_ target: Target, _ request: APIRequest) throws -> APIResponse {
        let (items, resourceVersion) = try matchingObjects(target, request)
        if Table.isRequested(request.headers["accept"]) {
            return .json(Table.render(items, target.type, resourceVersion: String(resourceVersion)))
        }
        return .json(["kind": .string(target.type.kind + "List"), "apiVersion": .string(target.type.apiVersion),
                      "metadata": ["resourceVersion": .string(String(resourceVersion))],
                      "items": .array(items)])
    }

    /// The stored objects a collection request selects.
    func matchingObjects(_ target: Target, _ request: APIRequest) throws -> (items: [Value], resourceVersion: Int64) {
        let selector = try request.query["labelSelector"].map { try LabelSelector($0) }
        let fields = try FieldSelector(request.query["fieldSelector"] ?? "")
        let (items, rv) = try store.list(group: target.type.group, resource: target.type.name,
                                         namespace: target.type.namespaced ? target.namespace : nil)
        let selected = items.filter { item in
            (selector?.matches(KubeObject(item).labels) ?? true) && fields.matches(item)
        }.map { item -> Value in
            var copy = item
            copy["apiVersion"] = .string(target.type.apiVersion)
            return copy
        }
        return (selected, rv)
    }
}

/// A `fieldSelector` supporting `metadata.name` and `metadata.namespace` with `=`, `==`, `!=`.
struct FieldSelector: Sendable {
    var requirements: [(path: [String], value: String, equal: Bool)] = []

    init(_ text: String) throws {
        for part in text.split(separator: ",") {
            let raw = String(part)
            let equal = !raw.contains("!=")
            let pieces = raw.components(separatedBy: equal ? (raw.contains("==") ? "==" : "=") : "!=")
            guard pieces.count == 2 else { throw APIError.badRequest("invalid field selector \"\(raw)\"") }
            requirements.append((pieces[0].split(separator: ".").map(String.init), pieces[1], equal))
        }
    }

    func matches(_ object: Value) -> Bool {
        requirements.allSatisfy { requirement in
            let actual = object[path: requirement.path]?.stringValue ?? ""
            return (actual == requirement.value) == requirement.equal
        }
    }
}
