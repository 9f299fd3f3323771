import FerryCore
import Foundation

/// What the API server itself sets and checks on every write: identity, names, uid, generation, timestamps,
/// status preservation and per-kind defaults.
enum ObjectRules {
    /// RFC 3339 with seconds, as Kubernetes writes timestamps.
    static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false)
            .timeZone(separator: .omitted))
    }

    /// Checks `metadata.name` against the rule the resource uses; returns field errors.
    static func nameErrors(_ name: String, _ type: ResourceType) -> [(field: String, message: String)] {
        if name.isEmpty { return [("metadata.name", "Required value: name or generateName is required")] }
        if type.group == "rbac.authorization.k8s.io" {
            let bad = name == "." || name == ".." || name.contains("/") || name.contains("%")
            return bad ? [("metadata.name", "Invalid value: \"\(name)\": may not contain '/' or '%'")] : []
        }
        let labelOnly = ["namespaces", "services"].contains(type.name) && type.group.isEmpty
        if labelOnly ? isDNSLabel(name) : isDNSSubdomain(name) { return [] }
        let message = labelOnly
            ? "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must "
                + "start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for "
                + "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
            : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and "
                + "must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation "
                + "is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
        return [("metadata.name", "Invalid value: \"\(name)\": \(message)")]
    }

    /// Required fields of Pods and workloads that the real validation insists on (`Required value`).
    static func requiredFieldErrors(_ object: Value, _ type: ResourceType) -> [(field: String, message: String)] {
        var errors: [(field: String, message: String)] = []
        func missing(_ path: [String]) -> Bool {
            switch object[path: path] {
            case nil, .null?: return true
            case .array(let items)?: return items.isEmpty
            case .object(let members)?: return members.isEmpty
            default: return false
            }
        }
        if type.group.isEmpty, type.name == "pods", missing(["spec", "containers"]) {
            errors.append(("spec.containers", "Required value"))
        }
        if type.group == "apps", ["deployments", "replicasets", "statefulsets", "daemonsets"].contains(type.name) {
            if missing(["spec", "selector"]) { errors.append(("spec.selector", "Required value")) }
            if missing(["spec", "template", "spec", "containers"]) {
                errors.append(("spec.template.spec.containers", "Required value"))
            }
        }
        return errors
    }

    static func isDNSLabel(_ s: String) -> Bool {
        guard !s.isEmpty, s.count <= 63 else { return false }
        let chars = Array(s.utf8)
        let ok = chars.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        return ok && chars.first != 0x2D && chars.last != 0x2D
    }

    static func isDNSSubdomain(_ s: String) -> Bool {
        s.count <= 253 && s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isDNSLabel(String($0)) }
    }

    /// Server-set fields for a new object. `status` is dropped when the resource has a status subresource.
    static func prepareCreate(_ object: inout Value, _ type: ResourceType, namespace: String?) {
        object["apiVersion"] = .string(type.apiVersion)
        object["kind"] = .string(type.kind)
        if let namespace { object[path: ["metadata", "namespace"]] = .string(namespace) }
        else { object[path: ["metadata", "namespace"]] = nil }
        object[path: ["metadata", "uid"]] = .string(UUID().uuidString.lowercased())
        object[path: ["metadata", "creationTimestamp"]] = .string(timestamp())
        object[path: ["metadata", "generation"]] = tracksGeneration(type) ? 1 : nil
        object[path: ["metadata", "resourceVersion"]] = nil
        if type.hasStatus { object["status"] = nil }
        if type.name == "namespaces" && type.group.isEmpty {
            object[path: ["spec", "finalizers"]] = ["kubernetes"]
            object["status"] = ["phase": "Active"]
        }
        normalizeSecret(&object, type)
    }

    /// A Secret as the API server stores it: `stringData` is write-only — its entries are base64-encoded into
    /// `data`, overwriting keys of the same name, and the field itself is dropped; `type` defaults to `Opaque`.
    static func normalizeSecret(_ object: inout Value, _ type: ResourceType) {
        guard type.group.isEmpty, type.name == "secrets" else { return }
        if case .object(let strings)? = object["stringData"] {
            var data = object["data"]?.objectValue ?? [:]
            for (key, value) in strings {
                data[key] = .string(Data((value.stringValue ?? "").utf8).base64EncodedString())
            }
            object["data"] = .object(data)
        }
        object["stringData"] = nil
        if (object["type"]?.stringValue ?? "").isEmpty { object["type"] = "Opaque" }
    }

    /// Carries identity over from `old`, keeps status for main-resource writes, and bumps `generation`
    /// only when `spec` changed.
    static func prepareUpdate(_ object: inout Value, old: Value, _ type: ResourceType) {
        object["apiVersion"] = .string(type.apiVersion)
        object["kind"] = .string(type.kind)
        for field in ["namespace", "uid", "creationTimestamp", "generation", "deletionTimestamp"] {
            object[path: ["metadata", field]] = old[path: ["metadata", field]]
        }
        if type.hasStatus || (type.name == "namespaces" && type.group.isEmpty) { object["status"] = old["status"] }
        let oldSpec = old["spec"] ?? .null
        if tracksGeneration(type), !(object["spec"] ?? .null).semanticallyEquals(oldSpec) {
            object[path: ["metadata", "generation"]] = .int((old[path: ["metadata", "generation"]]?.intValue ?? 0) + 1)
        }
        normalizeSecret(&object, type)
    }

    /// Whether the server keeps `metadata.generation` for the resource: workloads and most API groups do;
    /// ConfigMaps, Secrets, Services, Namespaces and the other core kinds (but Pods and ReplicationControllers),
    /// RBAC, storage and coordination objects never get one.
    static func tracksGeneration(_ type: ResourceType) -> Bool {
        switch type.group {
        case "": return ["pods", "replicationcontrollers"].contains(type.name)
        case "rbac.authorization.k8s.io", "storage.k8s.io", "coordination.k8s.io", "events.k8s.io",
             "certificates.k8s.io", "node.k8s.io", "scheduling.k8s.io": return false
        default: return true
        }
    }

    /// A status-subresource write: everything but `status` comes from `old`.
    static func prepareStatusUpdate(_ object: Value, old: Value) -> Value {
        var result = old
        result["status"] = object["status"]
        return result
    }

    /// Per-kind defaults a real cluster fills in (Service cluster IP, ports, type).
    static func applyDefaults(_ object: inout Value, _ type: ResourceType, clusterIP: () throws -> String) rethrows {
        guard type.group.isEmpty, type.name == "services" else { return }
        let serviceType = object[path: ["spec", "type"]]?.stringValue ?? "ClusterIP"
        object[path: ["spec", "type"]] = .string(serviceType)
        if serviceType != "ExternalName" {
            if (object[path: ["spec", "clusterIP"]]?.stringValue ?? "").isEmpty {
                let ip = try clusterIP()
                object[path: ["spec", "clusterIP"]] = .string(ip)
                object[path: ["spec", "clusterIPs"]] = [.string(ip)]
            }
            if object[path: ["spec", "sessionAffinity"]] == nil { object[path: ["spec", "sessionAffinity"]] = "None" }
            if object[path: ["spec", "ipFamilies"]] == nil { object[path: ["spec", "ipFamilies"]] = ["IPv4"] }
            if object[path: ["spec", "ipFamilyPolicy"]] == nil { object[path: ["spec", "ipFamilyPolicy"]] = "SingleStack" }
            if object[path: ["spec", "internalTrafficPolicy"]] == nil { object[path: ["spec", "internalTrafficPolicy"]] = "Cluster" }
        }
        if let ports = object[path: ["spec", "ports"]]?.arrayValue {
            object[path: ["spec", "ports"]] = .array(ports.map { port in
                var p = port
                if p["protocol"] == nil { p["protocol"] = "TCP" }
                if p["targetPort"] == nil, let number = p["port"] { p["targetPort"] = number }
                return p
            })
        }
    }

    /// The cluster IP for the n-th allocation: 10.96.x.y, skipping .0 and the API server's 10.96.0.1.
    static func clusterIP(_ n: Int64) -> String {
        let offset = n + 9
        return "10.96.\((offset / 254) % 256).\(offset % 254 + 1)"
    }
}
