import FerryCore
import Foundation
import GoTemplate

/// One YAML document of a rendered template, as Helm's release manifest holds it.
public struct HelmManifest: Sendable {
    /// The template it came from (`chart/templates/x.yaml`), printed as `# Source:`.
    public var source: String
    /// The document text, trimmed.
    public var content: String
    /// The parsed document (nil when it holds only comments, or when only the head was read).
    public var value: Value?
    /// `kind`, used for ordering.
    public var kind: String
    /// Set when the document is a Helm hook.
    public var hook: HelmHook?
}

/// Splits rendered templates into documents and orders them as Helm's `SortManifests` with `InstallOrder`.
enum ManifestSorter {
    /// Helm's install order of kinds; unknown kinds come last, sorted by kind.
    static let installOrder = [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
        "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
        "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
        "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
        "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
        "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    ]
    static let rank: [String: Int] = Dictionary(uniqueKeysWithValues: installOrder.enumerated().map { ($1, $0) })

    /// Helm's `SplitManifests` for v1/v2 charts: leading whitespace trimmed, documents split at the separator
    /// `(?:^|\s*\n)---\s*`, empty pieces dropped, each document's leading whitespace trimmed (trailing kept).
    static func split(_ text: String) -> [String] {
        TextScan.splitDocuments(String(TextScan.trimmedLeading(text)))
            .filter { !$0.isEmpty }.map { String(TextScan.trimmedLeading($0)) }
    }

    /// What ordering and hook detection read of a document: the rest is parsed and checked, not built.
    static let head = YAML.Selection.keys([
        "kind": .all, "metadata": .keys(["annotations": .all]),
    ])

    /// Documents of every template (in path order), then ordered by kind; hooks separately. With `values`
    /// false, documents are checked whole but only their heads are built, and `HelmManifest.value` is nil.
    static func sort(_ rendered: [(name: String, text: String)], values: Bool = true) throws -> (manifests: [HelmManifest], hooks: [HelmManifest]) {
        var manifests: [HelmManifest] = []
        var hooks: [HelmManifest] = []
        var docs: [(name: String, doc: String)] = []
        for (name, text) in rendered.sorted(by: { $0.name < $1.name })
        where !TextScan.trimmed(text).isEmpty {
            for doc in split(text) { docs.append((name, doc)) }
        }
        let parsed = try parse(docs, selecting: values ? .all : head)
        for ((name, doc), value) in zip(docs, parsed) {
            let object = value.objectValue != nil ? KubeObject(value) : nil
            var manifest = HelmManifest(source: name, content: doc, value: value.isNull || !values ? nil : value,
                                        kind: object?.kind ?? "", hook: nil)
            if let object, let hook = HelmHook(object) {
                guard hook.isKnown else { continue }
                manifest.hook = hook
                hooks.append(manifest)
            } else {
                manifests.append(manifest)
            }
        }
        return (stableSort(manifests), stableSort(hooks))
    }

    /// Parses every document, all in one YAML stream when that gives one value per document (the common
    /// case, and much faster than one parser per document); otherwise, or on an error, one by one so the
    /// error names its template and line.
    static func parse(_ docs: [(name: String, doc: String)], selecting selection: YAML.Selection = .all) throws -> [Value] {
        // A few streams per core, parsed in parallel (more than one per core, so the cores finish together).
        let size = max(16, (docs.count + 7) / 8)
        let chunks = stride(from: 0, to: docs.count, by: size).map {
            Array(docs[$0..<min(docs.count, $0 + size)].map(\.doc))
        }
        let parsed = ParallelMap.results(chunks) { chunk in
            let all = try YAML.parseAll(chunk.joined(separator: "\n---\n"), file: "", selecting: selection)
            guard all.count == chunk.count else { throw CancellationError() }
            return all.map(\.value)
        }
        if let values = try? parsed.flatMap({ try $0.get() }) { return values }
        return try docs.map { name, doc in
            do { return try YAML.parse(doc, file: name) } catch let error as DocumentError {
                throw RenderError(file: "", message: "YAML parse error on \(name): error converting YAML to JSON: "
                                  + goYAMLMessage(error))
            }
        }
    }

    /// libyaml's contexts, which go-yaml leaves out of its messages.
    static let yamlContexts = [
        "while parsing a block collection", "while parsing a block mapping", "while parsing a flow sequence",
        "while parsing a flow mapping", "while parsing a node", "while parsing a tag", "while scanning a simple key",
        "while scanning a block scalar", "while scanning a quoted scalar", "while scanning a plain scalar",
        "while scanning an anchor", "while scanning an alias", "while scanning a tag", "while scanning a directive",
        "while scanning a %TAG directive", "while scanning a %YAML directive", "while scanning for the next token",
    ]

    /// go-yaml's wording of a parse error: `yaml: line N: problem`, where N is 0-based for parser errors and
    /// 1-based for scanner errors (as go-yaml counts them).
    static func goYAMLMessage(_ error: DocumentError) -> String {
        var message = error.message
        var line = error.line
        if let context = yamlContexts.first(where: { message.hasPrefix($0 + " ") }) {
            message = String(message.dropFirst(context.count + 1))
            if context.hasPrefix("while parsing") { line -= 1 }
        }
        return line > 0 ? "yaml: line \(line): \(message)" : "yaml: \(message)"
    }

    /// Items by install rank, then unknown kinds by name, each group in its original order. Ranks are looked
    /// up once per item, and indices are sorted rather than the (large) manifests themselves.
    static func stableSort(_ items: [HelmManifest]) -> [HelmManifest] {
        let ranks = items.map { rank[$0.kind] }
        return items.indices.sorted { a, b in
            switch (ranks[a], ranks[b]) {
            case let (x?, y?): return x != y ? x < y : a < b
            case (nil, nil): return items[a].kind != items[b].kind ? items[a].kind < items[b].kind : a < b
            case (_?, nil): return true
            case (nil, _?): return false
            }
        }.map { items[$0] }
    }
}
