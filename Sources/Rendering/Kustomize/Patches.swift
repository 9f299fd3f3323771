import FerryCore
import Patch

/// kustomize's patch transformers: `patchesStrategicMerge` and `patches` run first (in that order, before
/// namespace, prefixes and labels); `patchesJson6902` runs after annotations. Patch files load relative to
/// the kustomization and never from outside its directory.
enum Patches {
    /// `patchesStrategicMerge`, then `patches`.
    static func run(_ k: Kustomization, builder: Builder, resources: inout [KResource]) throws {
        for entry in try PatchEntry.strategicMerge(k, builder: builder) + PatchEntry.patches(k, builder: builder) {
            try apply(entry, k: k, resources: &resources)
        }
    }

    /// The legacy `patchesJson6902`.
    static func runJSON6902(_ k: Kustomization, builder: Builder, resources: inout [KResource]) throws {
        for entry in try PatchEntry.json6902(k, builder: builder) {
            try apply(entry, k: k, resources: &resources)
        }
    }

    static func apply(_ entry: PatchEntry, k: Kustomization, resources: inout [KResource]) throws {
        switch entry.body {
        case .strategic(let documents):
            if let target = entry.target {
                guard let document = documents.first else { return }
                for i in resources.indices where target.selects(resources[i]) {
                    var patch = document
                    patch["apiVersion"] = resources[i].value["apiVersion"]
                    try strategic(patch, entry: entry, k: k, resource: &resources[i])
                }
            } else {
                for document in documents {
                    let i = try PatchIdentity(document).uniqueMatch(in: resources, entry: entry, k: k)
                    try strategic(document, entry: entry, k: k, resource: &resources[i])
                }
            }
            resources.removeAll { $0.value.isNull }
        case .json6902(let operations):
            guard let target = entry.target else { return }
            for i in resources.indices where target.selects(resources[i]) {
                try json6902(operations, entry: entry, k: k, resource: &resources[i])
            }
        }
    }

    /// Applies one strategic-merge document; a deleted resource becomes `.null` (removed by the caller).
    /// Kind and name change only when the entry's options allow it; the namespace never does.
    static func strategic(_ patch: Value, entry: PatchEntry, k: Kustomization, resource: inout KResource) throws {
        let old = resource.value
        let merged: Value?
        do { merged = try PatchMerge.apply(patch, to: old, schemas: k.openAPI) } catch let error as PatchError {
            throw failure(error, entry: entry, k: k, resource: resource)
        }
        guard var value = merged else { resource.value = .null; return }
        if !entry.allowKindChange { value["kind"] = old["kind"] }
        if !entry.allowNameChange { value[path: ["metadata", "name"]] = old[path: ["metadata", "name"]] }
        value[path: ["metadata", "namespace"]] = old[path: ["metadata", "namespace"]]
        if entry.allowNameChange || entry.allowKindChange { resource.storePreviousID() }
        resource.value = value
        if !resource.name.isEmpty, resource.names.last != resource.name { resource.names.append(resource.name) }
    }

    static func json6902(_ operations: Value, entry: PatchEntry, k: Kustomization, resource: inout KResource) throws {
        let patched: Value
        do { patched = try JSONPatch.apply(operations, to: resource.value) } catch let error as PatchError {
            throw failure(error, entry: entry, k: k, resource: resource)
        }
        // kustomize records the identity before a `patches` JSON patch (not before a legacy one), so a
        // patch that renames keeps the old name addressable.
        if !entry.isLegacy { resource.storePreviousID() }
        resource.value = patched
        rewriteAnnotations(&resource.value)
        if !resource.name.isEmpty, resource.names.last != resource.name { resource.names.append(resource.name) }
    }

    /// kustomize writes the annotations back after a JSON patch (to keep its internal ones): values become
    /// strings, and an empty or non-mapping `annotations` disappears.
    static func rewriteAnnotations(_ value: inout Value) {
        guard let annotations = value[path: ["metadata", "annotations"]] else { return }
        guard case .object(var members) = annotations, !members.isEmpty else {
            value[path: ["metadata", "annotations"]] = nil
            return
        }
        for (key, v) in members {
            switch v {
            case .int(let i): members[key] = .string(String(i))
            case .bool(let b): members[key] = .string(b ? "true" : "false")
            case .double(let d): members[key] = .string(YAML.formatFloat(d))
            case .null: members[key] = .string("")
            default: continue
            }
        }
        value[path: ["metadata", "annotations"]] = .object(members)
    }

    static func failure(_ error: PatchError, entry: PatchEntry, k: Kustomization, resource: KResource) -> RenderError {
        RenderError(file: k.file, message: "\(entry.source): patching \(resource.kind) '\(resource.name)' failed: \(error.message)")
    }
}
