import FerryCore

/// kustomize's builtin transformers, run in its fixed order after resources and generators.
enum Transformers {
    static func run(_ k: Kustomization, builder: Builder, resources: inout [KResource]) throws {
        try Patches.run(k, builder: builder, resources: &resources)
        if let namespace = try k.string("namespace"), !namespace.isEmpty {
            for i in resources.indices { setNamespace(namespace, specs: k.config.namespace, on: &resources[i]) }
        }
        try NameAffixes.run(k, resources: &resources)
        try labels(k, resources: &resources)
        let annotations = try k.stringMap(k.raw["commonAnnotations"], field: "commonAnnotations")
        if !annotations.isEmpty {
            for i in resources.indices { merge(annotations, specs: k.config.commonAnnotations, into: &resources[i].value) }
        }
        try Patches.runJSON6902(k, builder: builder, resources: &resources)
        try replicas(k, resources: &resources)
        try Images.run(k, resources: &resources)
    }

    static func setNamespace(_ namespace: String, specs: [FieldSpec], on resource: inout KResource) {
        resource.storePreviousID()
        let gvk = KubeObject(resource.value).gvk
        if gvk.kind == "Namespace" {
            if resource.apiVersion == "v1" { resource.rename(namespace) }
            return
        }
        if !DefaultFieldSpecs.clusterScopedKinds.contains(gvk.kind) {
            resource.value[path: ["metadata", "namespace"]] = .string(namespace)
        }
        if gvk.kind == "RoleBinding" || gvk.kind == "ClusterRoleBinding",
           case .array(var subjects) = resource.value["subjects"] {
            for i in subjects.indices where subjects[i]["name"]?.stringValue == "default" {
                subjects[i]["namespace"] = .string(namespace)
            }
            resource.value["subjects"] = .array(subjects)
        }
        // metadata/name of a Namespace is handled above (only for core v1 Namespaces, as kustomize does).
        for spec in specs where !(spec.kind == "Namespace" && spec.path == ["metadata", "name"]) {
            spec.apply(to: &resource.value) { _ in .string(namespace) }
        }
    }

    static func skipsPrefix(_ resource: KResource) -> Bool {
        let gvk = KubeObject(resource.value).gvk
        return gvk.kind == "CustomResourceDefinition" || gvk.kind == "Namespace"
            || (gvk.kind == "APIService" && gvk.group == "apiregistration.k8s.io")
    }

    /// `labels` entries first, then `commonLabels`, as kustomize configures its label transformers.
    static func labels(_ k: Kustomization, resources: inout [KResource]) throws {
        for (index, entry) in try k.list("labels").enumerated() {
            for key in entry.objectValue?.keys ?? [] where !["pairs", "includeSelectors", "includeTemplates", "fields"].contains(key) {
                throw RenderError(file: k.file, message: "unknown field 'labels[\(index)].\(key)' (expected pairs, includeSelectors, includeTemplates, fields)")
            }
            let pairs = try k.stringMap(entry["pairs"], field: "labels.pairs")
            var specs = try (entry["fields"]?.arrayValue ?? []).map { try FieldSpec($0, file: k.file, field: "labels[\(index)].fields") }
            specs = try TransformerConfig.merge(specs, k.config.labels, file: k.file)
            if entry["includeSelectors"]?.boolValue == true {
                specs = try TransformerConfig.merge(specs, k.config.commonLabels, file: k.file)
            } else {
                if entry["includeTemplates"]?.boolValue == true {
                    specs = try TransformerConfig.merge(specs, k.config.templateLabels, file: k.file)
                }
                specs = try TransformerConfig.merge(specs, [FieldSpec("metadata/labels", create: true)], file: k.file)
            }
            for i in resources.indices { merge(pairs, specs: specs, into: &resources[i].value) }
        }
        let common = try k.stringMap(k.raw["commonLabels"], field: "commonLabels")
        if !common.isEmpty {
            for i in resources.indices { merge(common, specs: k.config.commonLabels, into: &resources[i].value) }
        }
    }

    /// Sets each pair in the maps the specs select (creating them where the spec allows).
    static func merge(_ pairs: [(String, String)], specs: [FieldSpec], into value: inout Value) {
        for spec in specs {
            spec.apply(to: &value) { current in
                var map: Value = current.flatMap { if case .object = $0 { return $0 } else { return nil } } ?? .emptyObject
                for (key, v) in pairs { map[key] = .string(v) }
                return map
            }
        }
    }

    static func replicas(_ k: Kustomization, resources: inout [KResource]) throws {
        for entry in try k.list("replicas") {
            guard let name = entry["name"]?.stringValue, let count = entry["count"]?.intValue else {
                throw RenderError(file: k.file, message: "each 'replicas' entry needs a string 'name' and an integer 'count'")
            }
            var matched = false
            for i in resources.indices where resources[i].names.contains(name) {
                for spec in k.config.replicas where spec.applies(to: resources[i].value) {
                    matched = true
                    spec.apply(to: &resources[i].value) { _ in .int(count) }
                }
            }
            if !matched {
                throw RenderError(file: k.file, message: "replicas: no Deployment, ReplicationController, ReplicaSet or StatefulSet named '\(name)'")
            }
        }
    }
}
