import FerryCore

/// kustomize's resource selector for replacements and vars: group, version, kind, name, namespace (empty
/// parts match anything; names compare exactly; namespaces by their effective value) plus optional label
/// and annotation selectors.
struct ResourceSelector: CustomStringConvertible {
    var group = "", version = "", kind = "", name = "", namespace = ""
    var labelSelector: LabelSelector?
    var annotationSelector: LabelSelector?

    init(_ value: Value, field: String, file: String, allowed: Set<String>? = nil) throws {
        guard case .object(let members) = value else {
            throw RenderError(file: file, message: "'\(field)' must be a mapping, found a \(value.typeName)")
        }
        if let allowed {
            for key in members.keys where !allowed.contains(key) {
                throw RenderError(file: file, message: "unknown field '\(field).\(key)'")
            }
        }
        func text(_ key: String) throws -> String {
            guard let v = value[key], !v.isNull else { return "" }
            guard let s = v.stringValue else {
                throw RenderError(file: file, message: "'\(field).\(key)' must be a string, found a \(v.typeName)")
            }
            return s
        }
        group = try text("group"); version = try text("version"); kind = try text("kind")
        name = try text("name"); namespace = try text("namespace")
        do {
            let labels = try text("labelSelector"), annotations = try text("annotationSelector")
            labelSelector = labels.isEmpty ? nil : try LabelSelector(labels)
            annotationSelector = annotations.isEmpty ? nil : try LabelSelector(annotations)
        } catch let error as LabelSelectorError {
            throw RenderError(file: file, message: "\(field): \(error.message)")
        }
    }

    var isEmptyID: Bool { group.isEmpty && version.isEmpty && kind.isEmpty && name.isEmpty && namespace.isEmpty }
    var hasLabelOrAnnotationSelector: Bool { labelSelector != nil || annotationSelector != nil }

    var description: String {
        var parts: [String] = []
        for (key, v) in [("group", group), ("version", version), ("kind", kind), ("name", name), ("namespace", namespace)] where !v.isEmpty {
            parts.append("\(key)=\(v)")
        }
        return parts.isEmpty ? "{}" : "{" + parts.joined(separator: ", ") + "}"
    }

    func selectsGVK(_ gvk: GroupVersionKind) -> Bool {
        (group.isEmpty || group == gvk.group) && (version.isEmpty || version == gvk.version)
            && (kind.isEmpty || kind == gvk.kind)
    }

    /// Whether the current identity or any earlier one is selected.
    func selectsAnyID(of resource: KResource) -> Bool {
        let gvk = KubeObject(resource.value).gvk
        guard selectsGVK(gvk) else { return false }
        return resource.allIDs.contains { id in
            (name.isEmpty || name == id.name) && (namespace.isEmpty || namespace == id.namespace)
        }
    }

    func matchesLabelsAndAnnotations(_ resource: KResource) -> Bool {
        func map(_ key: String) -> [String: String] {
            var out: [String: String] = [:]
            for (k, v) in resource.value[path: ["metadata", key]]?.objectValue ?? [:] {
                if let s = FieldPath.scalarText(v) { out[k] = s }
            }
            return out
        }
        if let labelSelector, !labelSelector.matches(map("labels")) { return false }
        if let annotationSelector, !annotationSelector.matches(map("annotations")) { return false }
        return true
    }
}
