import FerryCore
import Foundation

/// Builds API server URLs for resource types, collections and objects.
struct ResourcePath: Sendable {
    /// The server URL without a trailing slash (keeps any path prefix).
    let base: String

    init(server: URL) {
        var text = server.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        base = text
    }

    /// `/api/v1` or `/apis/<group>/<version>`.
    static func groupVersionPath(group: String, version: String) -> String {
        group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
    }

    /// The collection path: `…/namespaces/<ns>/<plural>` or `…/<plural>` (cluster-scoped or all namespaces).
    func collection(_ resource: APIResource, namespace: String?) -> String {
        var path = Self.groupVersionPath(group: resource.gvk.group, version: resource.gvk.version)
        if resource.namespaced, let namespace, !namespace.isEmpty { path += "/namespaces/\(Self.segment(namespace))" }
        return path + "/\(resource.name)"
    }

    /// The object path.
    func object(_ resource: APIResource, namespace: String, name: String) -> String {
        collection(resource, namespace: namespace) + "/\(Self.segment(name))"
    }

    /// A full URL from a path and query parameters (values percent-encoded).
    func url(_ path: String, query: [(String, String)] = []) throws -> URL {
        var text = base + path
        if !query.isEmpty {
            text += "?" + query.map { "\(Self.queryPart($0.0))=\(Self.queryPart($0.1))" }.joined(separator: "&")
        }
        guard let url = URL(string: text) else {
            throw KubeError(code: 0, reason: "InvalidRequest", message: "cannot form a URL for \(path)")
        }
        return url
    }

    private static let unreserved = CharacterSet(charactersIn:
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    private static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved.union(CharacterSet(charactersIn: ":@"))) ?? text
    }

    private static func queryPart(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
