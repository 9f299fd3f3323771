import FerryCore
import Foundation

extension KubeConfig {
    /// Parses kubeconfig YAML. `path` names the file in errors and anchors relative file paths.
    public static func parse(_ text: String, path: String) throws -> KubeConfig {
        let root = try YAML.parse(text, file: path)
        guard root.isNull || root.objectValue != nil else {
            throw KubeError.config("kubeconfig \(path): expected a mapping at the top level")
        }
        let base = (path as NSString).deletingLastPathComponent
        var config = KubeConfig()
        config.sources = [path]
        config.currentContext = root["current-context"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        for (name, body) in try entries(root, "clusters", "cluster", path) {
            config.clusters[name] = try cluster(body, name: name, base: base, path: path)
        }
        for (name, body) in try entries(root, "users", "user", path) {
            config.users[name] = try user(body, name: name, base: base, path: path)
        }
        for (name, body) in try entries(root, "contexts", "context", path) {
            config.contexts[name] = Context(cluster: body["cluster"]?.stringValue ?? "",
                                            user: body["user"]?.stringValue ?? "",
                                            namespace: body["namespace"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 })
        }
        return config
    }

    /// The `name` and inner body of each entry of a named list (`clusters`, `users`, `contexts`).
    private static func entries(_ root: Value, _ list: String, _ field: String, _ path: String) throws -> [(String, Value)] {
        guard let items = root[list], !items.isNull else { return [] }
        guard let array = items.arrayValue else { throw KubeError.config("kubeconfig \(path): \(list) must be a list") }
        return try array.enumerated().map { index, item in
            guard let name = item["name"]?.stringValue, !name.isEmpty else {
                throw KubeError.config("kubeconfig \(path): \(list)[\(index)] has no name")
            }
            return (name, item[field] ?? .emptyObject)
        }
    }

    private static func cluster(_ body: Value, name: String, base: String, path: String) throws -> Cluster {
        Cluster(server: body["server"]?.stringValue ?? "",
                certificateAuthority: file(body["certificate-authority"], base: base),
                certificateAuthorityData: try base64(body["certificate-authority-data"],
                                                     what: "cluster \(name) certificate-authority-data", path: path),
                insecureSkipTLSVerify: body["insecure-skip-tls-verify"]?.boolValue ?? false)
    }

    private static func user(_ body: Value, name: String, base: String, path: String) throws -> User {
        User(token: body["token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 },
             tokenFile: file(body["tokenFile"], base: base),
             clientCertificate: file(body["client-certificate"], base: base),
             clientCertificateData: try base64(body["client-certificate-data"],
                                               what: "user \(name) client-certificate-data", path: path),
             clientKey: file(body["client-key"], base: base),
             clientKeyData: try base64(body["client-key-data"], what: "user \(name) client-key-data", path: path),
             username: body["username"]?.stringValue, password: body["password"]?.stringValue,
             usesPlugin: body["exec"].map { !$0.isNull } ?? false || body["auth-provider"].map { !$0.isNull } ?? false)
    }

    /// A file path made absolute against the kubeconfig's directory.
    private static func file(_ value: Value?, base: String) -> String? {
        guard let path = value?.stringValue, !path.isEmpty else { return nil }
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/") { return (NSHomeDirectory() as NSString).appendingPathComponent(String(path.dropFirst(2))) }
        return (base as NSString).appendingPathComponent(path)
    }

    private static func base64(_ value: Value?, what: String, path: String) throws -> Data? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        let compact = text.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: compact) else {
            throw KubeError.config("kubeconfig \(path): \(what) is not valid base64")
        }
        return data
    }
}
