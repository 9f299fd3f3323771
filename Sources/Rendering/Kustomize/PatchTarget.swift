import FerryCore
import Foundation

/// A kustomize patch `target` (kustomize's `types.Selector`): group, version, kind, name and namespace
/// are regular expressions anchored at both ends; the label and annotation selectors use Kubernetes
/// selector syntax. Empty fields match everything.
struct PatchTarget {
    static let fields: Set<String> = ["group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"]

    var group: NSRegularExpression?
    var version: NSRegularExpression?
    var kind: NSRegularExpression?
    var name: NSRegularExpression?
    var namespace: NSRegularExpression?
    var labels: LabelSelector?
    var annotations: LabelSelector?

    /// Parses a `target` mapping; `field` names it in errors (`patches[0].target`).
    init(_ value: Value, field: String, file: String) throws {
        guard case .object(let members) = value else {
            throw RenderError(file: file, message: "'\(field)' must be a mapping, found a \(value.typeName)")
        }
        for key in members.keys where !Self.fields.contains(key) {
            throw RenderError(file: file, message: "unknown field '\(field).\(key)' (expected one of \(Self.fields.sorted().joined(separator: ", ")))")
        }
        func string(_ key: String) throws -> String? {
            guard let v = members[key], !v.isNull else { return nil }
            guard let s = v.stringValue else {
                throw RenderError(file: file, message: "'\(field).\(key)' must be a string, found a \(v.typeName)")
            }
            return s.isEmpty ? nil : s
        }
        func regex(_ key: String) throws -> NSRegularExpression? {
            guard let pattern = try string(key) else { return nil }
            do { return try NSRegularExpression(pattern: "^(?:\(pattern))$") } catch {
                throw RenderError(file: file, message: "'\(field).\(key)': invalid regular expression '\(pattern)'")
            }
        }
        func selector(_ key: String) throws -> LabelSelector? {
            guard let text = try string(key) else { return nil }
            do { return try LabelSelector(text) } catch {
                throw RenderError(file: file, message: "'\(field).\(key)': \(error)")
            }
        }
        group = try regex("group"); version = try regex("version"); kind = try regex("kind")
        name = try regex("name"); namespace = try regex("namespace")
        labels = try selector("labelSelector"); annotations = try selector("annotationSelector")
    }

    static func matches(_ regex: NSRegularExpression?, _ text: String) -> Bool {
        guard let regex else { return true }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Whether `resource` is selected: its original or current name and namespace, its current
    /// group/version/kind, labels and annotations (kustomize's `resWrangler.Select`).
    func selects(_ resource: KResource) -> Bool {
        let gvk = KubeObject(resource.value).gvk
        guard Self.matches(namespace, resource.originalNamespace) || Self.matches(namespace, resource.effectiveNamespace) else {
            return false
        }
        let original = resource.previousIDs.first?.name ?? resource.name
        guard Self.matches(name, original) || Self.matches(name, resource.name) else { return false }
        guard Self.matches(group, gvk.group), Self.matches(version, gvk.version), Self.matches(kind, gvk.kind) else {
            return false
        }
        if let labels, !labels.matches(Self.stringMap(resource.value[path: ["metadata", "labels"]])) { return false }
        if let annotations, !annotations.matches(Self.stringMap(resource.value[path: ["metadata", "annotations"]])) {
            return false
        }
        return true
    }

    /// kustomize's effective namespace: cluster-scoped kinds have none, an empty one means "default".
    static func effectiveNamespace(_ namespace: String, kind: String) -> String {
        if DefaultFieldSpecs.clusterScopedKinds.contains(kind) { return "" }
        return namespace.isEmpty ? "default" : namespace
    }

    static func stringMap(_ value: Value?) -> [String: String] {
        guard case .object(let members) = value else { return [:] }
        var out: [String: String] = [:]
        for (key, v) in members { if let s = v.stringValue { out[key] = s } }
        return out
    }
}
