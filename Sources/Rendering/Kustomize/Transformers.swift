import FerryCore

/// kustomize's builtin transformers, run in its fixed order after resources and generators.
enum Transformers {
    static func run(_ k: Kustomization, resources: inout [KResource]) throws {
        try Patches.run(k, resources: &resources)
        if let namespace = try k.string("namespace"), !namespace.isEmpty {
            for i in resources.indices { setNamespace(namespace, on: &resources[i]) }
        }
        let prefix = try k.string("namePrefix") ?? ""
        let suffix = try k.string("nameSuffix") ?? ""
        if !prefix.isEmpty || !suffix.isEmpty {
            for i in resources.indices where !skipsPrefix(resources[i]) {
                if !prefix.isEmpty { resources[i].rename(prefix + resources[i].name) }
                if !suffix.isEmpty { resources[i].rename(resources[i].name + suffix) }
            }
        }
        try labels(k, resources: &resources)
        let annotations = try k.stringMap(k.raw["commonAnnotations"], field: "commonAnnotations")
        if !annotations.isEmpty {
            for i in resources.indices { merge(annotations, specs: DefaultFieldSpecs.commonAnnotations, into: &resources[i].value) }
        }
        try Patches.runJSON6902(k, resources: &resources)
        try replicas(k, resources: &resources)
        try Images.run(k, resources: &resources)
    }

    static func setNamespace(_ namespace: String, on resource: inout KResource) {
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
        let specs = [
            FieldSpec("spec/service/namespace", kind: "APIService", group: "apiregistration.k8s.io", create: true),
            FieldSpec("spec/conversion/webhook/clientConfig/service/namespace", kind: "CustomResourceDefinition",
                      group: "apiextensions.k8s.io", create: false),
        ]
        for spec in specs { spec.apply(to: &resource.value) { _ in .string(namespace) } }
    }

    static func skipsPrefix(_ resource: KResource) -> Bool {
        let gvk = KubeObject(resource.value).gvk
        return gvk.kind == "CustomResourceDefinition" || gvk.kind == "Namespace"
            || (gvk.kind == "APIService" && gvk.group == "apiregistration.k8s.io")
    }

    static func labels(_ k: Kustomization, resources: inout [KResource]) throws {
        let common = try k.stringMap(k.raw["commonLabels"], field: "commonLabels")
        if !common.isEmpty {
            for i in resources.indices { merge(common, specs: DefaultFieldSpecs.commonLabels, into: &resources[i].value) }
        }
        for entry in try k.list("labels") {
            if let fields = entry["fields"], !fields.isNull {
                throw RenderError(file: k.file, message: "kustomization field 'labels.fields' is not supported yet")
            }
            let pairs = try k.stringMap(entry["pairs"], field: "labels.pairs")
            let specs: [FieldSpec]
            if entry["includeSelectors"]?.boolValue == true {
                specs = DefaultFieldSpecs.commonLabels
            } else if entry["includeTemplates"]?.boolValue == true {
                specs = DefaultFieldSpecs.metadataLabels
            } else {
                specs = [FieldSpec("metadata/labels", create: true)]
            }
            for i in resources.indices { merge(pairs, specs: specs, into: &resources[i].value) }
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
                for spec in DefaultFieldSpecs.replicas where spec.applies(to: resources[i].value) {
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
