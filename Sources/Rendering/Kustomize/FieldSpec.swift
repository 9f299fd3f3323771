import FerryCore

/// Where a kustomize transformer writes in objects of a given kind (kustomize's `FieldSpec`):
/// a slash path (`[]` marks a list to walk), an optional group/version/kind filter, and whether
/// missing fields are created.
struct FieldSpec: Sendable {
    var group: String?
    var version: String?
    var kind: String?
    var path: [String]
    var create: Bool

    init(_ path: String, kind: String? = nil, group: String? = nil, version: String? = nil, create: Bool) {
        self.path = FieldSpec.split(path)
        self.kind = kind; self.group = group; self.version = version; self.create = create
    }

    /// Reads one `fieldSpecs` entry (`path`, `group`, `version`, `kind`, `create`) of a configuration file.
    init(_ value: Value, file: String, field: String) throws {
        guard case .object(let members) = value else {
            throw RenderError(file: file, message: "'\(field)' entries must be mappings, found a \(value.typeName)")
        }
        for key in members.keys where !["path", "group", "version", "kind", "create", "apiVersion"].contains(key) {
            throw RenderError(file: file, message: "unknown field '\(field).\(key)' (expected path, group, version, kind, create)")
        }
        guard let path = value["path"]?.stringValue, !path.isEmpty else {
            throw RenderError(file: file, message: "every '\(field)' entry needs a 'path'")
        }
        func text(_ key: String) -> String? { value[key]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        self.init(path, kind: text("kind"), group: text("group"), version: text("version"),
                  create: value["create"]?.boolValue ?? false)
        if let apiVersion = text("apiVersion") {
            let parts = apiVersion.split(separator: "/", maxSplits: 1).map(String.init)
            if parts.count == 2 { group = parts[0]; version = parts[1] } else { version = apiVersion }
        }
    }

    /// Splits a field-spec path on `/`, keeping `\/` (an escaped slash, as in annotation keys) and slashes
    /// inside `[...]` within one segment.
    static func split(_ path: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0, escaped = false
        for c in path {
            if escaped { current.append(c); escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "[": depth += 1; current.append(c)
            case "]": depth = max(0, depth - 1); current.append(c)
            case "/" where depth == 0: parts.append(current); current = ""
            default: current.append(c)
            }
        }
        parts.append(current)
        return parts.filter { !$0.isEmpty }
    }

    /// Same selector and path (kustomize refuses two such specs that disagree on `create`).
    func sameTarget(_ other: FieldSpec) -> Bool {
        group == other.group && version == other.version && kind == other.kind && path == other.path
    }

    /// The path as written in configuration files.
    var pathText: String { path.map { $0.replacingOccurrences(of: "/", with: "\\/") }.joined(separator: "/") }

    func applies(to object: Value) -> Bool {
        if let kind, kind != object["kind"]?.stringValue { return false }
        return applies(to: KubeObject(object).gvk)
    }

    func applies(to gvk: GroupVersionKind) -> Bool {
        if let kind, kind != gvk.kind { return false }
        if let group, group != gvk.group { return false }
        if let version, version != gvk.version { return false }
        return true
    }

    /// Applies `update` to every field the spec selects in `object` (creating it as `.null` first when allowed).
    func apply(to object: inout Value, _ update: (Value?) throws -> Value?) rethrows {
        guard applies(to: object) else { return }
        try FieldSpec.visit(&object, path[...], create: create, update)
    }

    private static func visit(_ node: inout Value, _ path: ArraySlice<String>, create: Bool,
                              _ update: (Value?) throws -> Value?) rethrows {
        guard let head = path.first else { return }
        let isList = head.hasSuffix("[]")
        let key = isList ? String(head.dropLast(2)) : head
        let rest = path.dropFirst()
        if case .array(var items) = node {
            for i in items.indices { try visit(&items[i], path, create: create, update) }
            node = .array(items)
            return
        }
        guard case .object = node else { return }
        if rest.isEmpty {
            let current = node[key]
            if current == nil && !create { return }
            if let next = try update(current) { node[key] = next }
            return
        }
        var child: Value
        if let existing = node[key], !existing.isNull {
            child = existing
        } else {
            guard create, !isList else { return }
            child = .emptyObject
        }
        if isList, case .array(var items) = child {
            for i in items.indices { try visit(&items[i], rest, create: create, update) }
            child = .array(items)
        } else {
            try visit(&child, rest, create: create, update)
        }
        node[key] = child
    }
}

/// kustomize's default field specs (api/internal/konfig/builtinpluginconsts).
enum DefaultFieldSpecs {
    static let metadataLabels: [FieldSpec] = [
        FieldSpec("metadata/labels", create: true),
        FieldSpec("spec/template/metadata/labels", kind: "ReplicationController", version: "v1", create: true),
        FieldSpec("spec/template/metadata/labels", kind: "Deployment", create: true),
        FieldSpec("spec/template/metadata/labels", kind: "ReplicaSet", create: true),
        FieldSpec("spec/template/metadata/labels", kind: "DaemonSet", create: true),
        FieldSpec("spec/template/metadata/labels", kind: "StatefulSet", group: "apps", create: true),
        FieldSpec("spec/template/metadata/labels", kind: "Job", group: "batch", create: true),
        FieldSpec("spec/jobTemplate/metadata/labels", kind: "CronJob", group: "batch", create: true),
        FieldSpec("spec/jobTemplate/spec/template/metadata/labels", kind: "CronJob", group: "batch", create: true),
    ]

    static let volumeClaimTemplateLabels: [FieldSpec] = [
        FieldSpec("spec/volumeClaimTemplates[]/metadata/labels", kind: "StatefulSet", group: "apps", create: true),
    ]

    static let commonLabels: [FieldSpec] = {
        var specs = [
            FieldSpec("spec/selector", kind: "Service", version: "v1", create: true),
            FieldSpec("spec/selector", kind: "ReplicationController", version: "v1", create: true),
            FieldSpec("spec/selector/matchLabels", kind: "Deployment", create: true),
        ]
        specs += affinity(kind: "Deployment")
        specs += [
            FieldSpec("spec/selector/matchLabels", kind: "ReplicaSet", create: true),
            FieldSpec("spec/selector/matchLabels", kind: "DaemonSet", create: true),
            FieldSpec("spec/selector/matchLabels", kind: "StatefulSet", group: "apps", create: true),
        ]
        specs += affinity(kind: "StatefulSet")
        specs += [
            FieldSpec("spec/selector/matchLabels", kind: "Job", group: "batch", create: false),
            FieldSpec("spec/jobTemplate/spec/selector/matchLabels", kind: "CronJob", group: "batch", create: false),
            FieldSpec("spec/selector/matchLabels", kind: "PodDisruptionBudget", group: "policy", create: false),
            FieldSpec("spec/podSelector/matchLabels", kind: "NetworkPolicy", group: "networking.k8s.io", create: false),
            FieldSpec("spec/ingress/from/podSelector/matchLabels", kind: "NetworkPolicy", group: "networking.k8s.io", create: false),
            FieldSpec("spec/egress/to/podSelector/matchLabels", kind: "NetworkPolicy", group: "networking.k8s.io", create: false),
        ]
        return specs + metadataLabels + volumeClaimTemplateLabels
    }()

    private static func affinity(kind: String) -> [FieldSpec] {
        let base = "spec/template/spec/affinity/"
        return [
            base + "podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
            base + "podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
            base + "podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
            base + "podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
            "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels",
        ].map { FieldSpec($0, kind: kind, group: "apps", create: false) }
    }

    static let commonAnnotations: [FieldSpec] = [
        FieldSpec("metadata/annotations", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "ReplicationController", version: "v1", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "Deployment", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "ReplicaSet", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "DaemonSet", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "StatefulSet", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "Job", group: "batch", create: true),
        FieldSpec("spec/jobTemplate/metadata/annotations", kind: "CronJob", group: "batch", create: true),
        FieldSpec("spec/jobTemplate/spec/template/metadata/annotations", kind: "CronJob", group: "batch", create: true),
    ]

    static let replicas: [FieldSpec] = ["Deployment", "ReplicationController", "ReplicaSet", "StatefulSet"]
        .map { FieldSpec("spec/replicas", kind: $0, create: true) }

    /// Kinds kustomize treats as cluster-scoped (no `metadata.namespace`).
    static let clusterScopedKinds: Set<String> = [
        "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
        "StorageClass", "PriorityClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
        "APIService", "Node", "CSIDriver", "CSINode", "IngressClass", "RuntimeClass", "PodSecurityPolicy",
        "VolumeAttachment", "CertificateSigningRequest", "ComponentStatus", "FlowSchema",
        "PriorityLevelConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
        "ClusterTrustBundle", "SelfSubjectReview", "TokenReview", "SelfSubjectAccessReview",
        "SelfSubjectRulesReview", "SubjectAccessReview",
    ]
}
