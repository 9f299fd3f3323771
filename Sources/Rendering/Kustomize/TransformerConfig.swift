import FerryCore

/// The field specs kustomize's builtin transformers use (its `TransformerConfig`): the defaults, merged
/// with `configurations` files, CRD references and whatever bases brought along.
struct TransformerConfig: Sendable {
    var namePrefix: [FieldSpec] = []
    var nameSuffix: [FieldSpec] = []
    var namespace: [FieldSpec] = []
    var commonLabels: [FieldSpec] = []
    var templateLabels: [FieldSpec] = []
    var labels: [FieldSpec] = []
    var commonAnnotations: [FieldSpec] = []
    var images: [FieldSpec] = []
    var replicas: [FieldSpec] = []
    var varReference: [FieldSpec] = []
    var nameReference: [NameBackReference] = []
    /// True for an unmodified copy of `defaults` (merging two of those is a no-op, skipped for speed).
    var isDefault = false

    /// The keys a configuration file may hold, with the list each one feeds.
    static var specKeys: [(String, WritableKeyPath<TransformerConfig, [FieldSpec]>)] { [
        ("namePrefix", \.namePrefix), ("nameSuffix", \.nameSuffix), ("namespace", \.namespace),
        ("commonLabels", \.commonLabels), ("templateLabels", \.templateLabels), ("labels", \.labels),
        ("commonAnnotations", \.commonAnnotations), ("images", \.images), ("replicas", \.replicas),
        ("varReference", \.varReference),
    ] }

    /// kustomize's built-in configuration.
    static let defaults: TransformerConfig = {
        var config = TransformerConfig()
        config.namePrefix = [FieldSpec("metadata/name", create: false)]
        config.nameSuffix = [FieldSpec("metadata/name", create: false)]
        config.namespace = [
            FieldSpec("metadata/name", kind: "Namespace", create: true),
            FieldSpec("spec/service/namespace", kind: "APIService", group: "apiregistration.k8s.io", create: true),
            FieldSpec("spec/conversion/webhook/clientConfig/service/namespace", kind: "CustomResourceDefinition",
                      group: "apiextensions.k8s.io", create: false),
        ]
        config.commonLabels = DefaultFieldSpecs.commonLabels
        config.templateLabels = DefaultFieldSpecs.metadataLabels
        config.commonAnnotations = DefaultFieldSpecs.commonAnnotations
        config.images = ["spec/containers[]/image", "spec/initContainers[]/image",
                         "spec/template/spec/containers[]/image", "spec/template/spec/initContainers[]/image"]
            .map { FieldSpec($0, create: true) }
        config.replicas = DefaultFieldSpecs.replicas
        config.varReference = VarReferenceSpecs.defaults
        config.nameReference = NameReferenceConfig.defaults
        config.isDefault = true
        return config
    }()

    /// Reads a `configurations` file.
    init(parsing value: Value, file: String) throws {
        guard case .object(let members) = value else {
            if value.isNull { return }
            throw RenderError(file: file, message: "a transformer configuration must be a mapping, found a \(value.typeName)")
        }
        for (key, entries) in members {
            if key == "nameReference" {
                nameReference = try (entries.arrayValue ?? []).enumerated().map {
                    try NameBackReference($0.element, file: file, field: "nameReference[\($0.offset)]")
                }
                continue
            }
            guard let keyPath = Self.specKeys.first(where: { $0.0 == key })?.1 else {
                throw RenderError(file: file, message: "unknown transformer configuration field '\(key)' (expected nameReference, varReference, namePrefix, nameSuffix, namespace, commonLabels, templateLabels, labels, commonAnnotations, images or replicas)")
            }
            guard let items = entries.arrayValue else {
                if entries.isNull { continue }
                throw RenderError(file: file, message: "'\(key)' must be a list of field specs, found a \(entries.typeName)")
            }
            self[keyPath: keyPath] = try items.map { try FieldSpec($0, file: file, field: key) }
        }
    }

    init() {}

    /// Adds `other`'s specs (kustomize refuses two specs for the same field that disagree on `create`).
    mutating func merge(_ other: TransformerConfig, file: String) throws {
        // Every accumulator that receives merges starts from the defaults, so merging them again adds nothing.
        if other.isDefault || other.isEmpty { return }
        isDefault = false
        for (_, keyPath) in Self.specKeys {
            self[keyPath: keyPath] = try Self.merge(self[keyPath: keyPath], other[keyPath: keyPath], file: file)
        }
        for reference in other.nameReference {
            if let i = nameReference.firstIndex(where: { $0.sameTarget(reference) }) {
                nameReference[i].referrers = try Self.merge(nameReference[i].referrers, reference.referrers, file: file)
            } else {
                nameReference.append(reference)
            }
        }
    }

    var isEmpty: Bool {
        nameReference.isEmpty && Self.specKeys.allSatisfy { self[keyPath: $0.1].isEmpty }
    }

    static func merge(_ a: [FieldSpec], _ b: [FieldSpec], file: String) throws -> [FieldSpec] {
        var out = a
        for spec in b {
            if let existing = out.first(where: { $0.sameTarget(spec) }) {
                if existing.create != spec.create {
                    throw RenderError(file: file, message: "conflicting field specs for path '\(spec.pathText)' (create: \(existing.create) and \(spec.create))")
                }
                continue
            }
            out.append(spec)
        }
        return out
    }
}

/// One `nameReference` entry: objects of a kind (the referral target) and the fields of other objects
/// that hold their names.
struct NameBackReference: Sendable {
    var group: String?
    var version: String?
    var kind: String
    var referrers: [FieldSpec]

    init(kind: String, group: String? = nil, version: String? = nil, referrers: [FieldSpec]) {
        self.kind = kind; self.group = group; self.version = version; self.referrers = referrers
    }

    init(_ value: Value, file: String, field: String) throws {
        guard let kind = value["kind"]?.stringValue, !kind.isEmpty else {
            throw RenderError(file: file, message: "every '\(field)' entry needs a 'kind'")
        }
        for key in value.objectValue?.keys ?? [] where !["kind", "group", "version", "fieldSpecs", "apiVersion"].contains(key) {
            throw RenderError(file: file, message: "unknown field '\(field).\(key)' (expected kind, group, version, fieldSpecs)")
        }
        let specs = try (value["fieldSpecs"]?.arrayValue ?? []).map { try FieldSpec($0, file: file, field: "\(field).fieldSpecs") }
        func text(_ key: String) -> String? { value[key]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        self.init(kind: kind, group: text("group"), version: text("version"), referrers: specs)
    }

    func sameTarget(_ other: NameBackReference) -> Bool {
        kind == other.kind && group == other.group && version == other.version
    }

    /// Whether an object of this group/version/kind is a possible referral target (empty parts match anything).
    func selects(_ gvk: GroupVersionKind) -> Bool {
        kind == gvk.kind && (group.map { $0 == gvk.group } ?? true) && (version.map { $0 == gvk.version } ?? true)
    }
}
