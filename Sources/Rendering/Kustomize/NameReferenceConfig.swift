/// kustomize's default `nameReference` configuration (api/internal/konfig/builtinpluginconsts): which
/// fields of which kinds name a ConfigMap, Secret, Service, ServiceAccount, … so that renaming the target
/// (prefix, suffix, content hash, namespace) rewrites the reference. Built from tables rather than listed
/// line by line; the set of (target, referrer kind, path) triples is kustomize's.
enum NameReferenceConfig {
    private typealias Spec = (kind: String, group: String?, version: String?, path: String)

    /// Where a pod spec sits in each kind that embeds one.
    private static let podSpecHosts: [(kind: String, version: String?, prefix: String)] = [
        ("Pod", "v1", "spec"), ("PodTemplate", nil, "template/spec"),
        ("Deployment", nil, "spec/template/spec"), ("ReplicaSet", nil, "spec/template/spec"),
        ("DaemonSet", nil, "spec/template/spec"), ("StatefulSet", nil, "spec/template/spec"),
        ("Job", nil, "spec/template/spec"), ("CronJob", nil, "spec/jobTemplate/spec/template/spec"),
    ]

    /// Workload kinds whose pod spec references ServiceAccounts, PVCs and PriorityClasses.
    private static let workloadHosts: [(kind: String, prefix: String)] = [
        ("Pod", "spec"), ("StatefulSet", "spec/template/spec"), ("Deployment", "spec/template/spec"),
        ("ReplicationController", "spec/template/spec"), ("CronJob", "spec/jobTemplate/spec/template/spec"),
        ("Job", "spec/template/spec"), ("DaemonSet", "spec/template/spec"),
    ]

    private static func inPodSpecs(_ paths: [String]) -> [Spec] {
        podSpecHosts.flatMap { host in paths.map { (host.kind, nil, host.version, "\(host.prefix)/\($0)") } }
    }

    private static func inWorkloads(_ path: String) -> [Spec] {
        workloadHosts.map { ($0.kind, nil, nil, "\($0.prefix)/\(path)") }
    }

    private static let rbacGroup = "rbac.authorization.k8s.io"
    private static let admissionGroup = "admissionregistration.k8s.io"

    private static let configMapSpecs: [Spec] = inPodSpecs([
        "volumes/configMap/name", "containers/env/valueFrom/configMapKeyRef/name",
        "initContainers/env/valueFrom/configMapKeyRef/name", "containers/envFrom/configMapRef/name",
        "initContainers/envFrom/configMapRef/name", "volumes/projected/sources/configMap/name",
    ]) + [
        ("Node", nil, nil, "spec/configSource/configMap"),
        ("Role", nil, nil, "rules/resourceNames"), ("ClusterRole", nil, nil, "rules/resourceNames"),
        ("Ingress", nil, nil, "metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap"),
    ]

    private static let secretSpecs: [Spec] = inPodSpecs([
        "volumes/secret/secretName", "containers/env/valueFrom/secretKeyRef/name",
        "initContainers/env/valueFrom/secretKeyRef/name", "containers/envFrom/secretRef/name",
        "initContainers/envFrom/secretRef/name", "imagePullSecrets/name", "volumes/projected/sources/secret/name",
    ]) + [
        ("Ingress", nil, nil, "spec/tls/secretName"),
        ("Ingress", nil, nil, "metadata/annotations/ingress.kubernetes.io\\/auth-secret"),
        ("Ingress", nil, nil, "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret"),
        ("Ingress", nil, nil, "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret"),
        ("ServiceAccount", nil, nil, "imagePullSecrets/name"),
        ("StorageClass", nil, nil, "parameters/secretName"), ("StorageClass", nil, nil, "parameters/adminSecretName"),
        ("StorageClass", nil, nil, "parameters/userSecretName"), ("StorageClass", nil, nil, "parameters/secretRef"),
        ("Role", nil, nil, "rules/resourceNames"), ("ClusterRole", nil, nil, "rules/resourceNames"),
        ("Service", "serving.knative.dev", "v1", "spec/template/spec/containers/env/valueFrom/secretKeyRef/name"),
        ("PersistentVolume", nil, nil, "spec/azureFile/secretName"),
    ]

    private static let serviceSpecs: [Spec] = [
        ("StatefulSet", "apps", nil, "spec/serviceName"),
        ("Ingress", nil, nil, "spec/rules/http/paths/backend/serviceName"),
        ("Ingress", nil, nil, "spec/backend/serviceName"),
        ("Ingress", nil, nil, "spec/rules/http/paths/backend/service/name"),
        ("Ingress", nil, nil, "spec/defaultBackend/service/name"),
        ("APIService", "apiregistration.k8s.io", nil, "spec/service/name"),
        ("ValidatingWebhookConfiguration", admissionGroup, nil, "webhooks/clientConfig/service"),
        ("MutatingWebhookConfiguration", admissionGroup, nil, "webhooks/clientConfig/service"),
    ]

    private static let scaleTargets: [Spec] = [("HorizontalPodAutoscaler", nil, nil, "spec/scaleTargetRef/name")]

    private static func reference(_ kind: String, group: String? = nil, version: String? = nil, _ specs: [Spec]) -> NameBackReference {
        NameBackReference(kind: kind, group: group, version: version, referrers: specs.map {
            FieldSpec($0.path, kind: $0.kind, group: $0.group, version: $0.version, create: false)
        })
    }

    /// The default table, in kustomize's order.
    static let defaults: [NameBackReference] = [
        reference("Deployment", scaleTargets), reference("ReplicationController", scaleTargets),
        reference("ReplicaSet", scaleTargets), reference("StatefulSet", scaleTargets),
        reference("ConfigMap", version: "v1", configMapSpecs),
        reference("Secret", version: "v1", secretSpecs),
        reference("Service", version: "v1", serviceSpecs),
        reference("Role", group: rbacGroup, [("RoleBinding", rbacGroup, nil, "roleRef/name")]),
        reference("ClusterRole", group: rbacGroup, [("RoleBinding", rbacGroup, nil, "roleRef/name"),
                                                    ("ClusterRoleBinding", rbacGroup, nil, "roleRef/name")]),
        reference("ServiceAccount", version: "v1", [("RoleBinding", rbacGroup, nil, "subjects"),
                                                    ("ClusterRoleBinding", rbacGroup, nil, "subjects")]
                  + inWorkloads("serviceAccountName")),
        reference("PersistentVolumeClaim", version: "v1", inWorkloads("volumes/persistentVolumeClaim/claimName")),
        reference("PersistentVolume", version: "v1", [("PersistentVolumeClaim", nil, nil, "spec/volumeName"),
                                                      ("ClusterRole", nil, nil, "rules/resourceNames")]),
        reference("StorageClass", group: "storage.k8s.io", version: "v1", [
            ("PersistentVolume", nil, nil, "spec/storageClassName"),
            ("PersistentVolumeClaim", nil, nil, "spec/storageClassName"),
            ("StatefulSet", nil, nil, "spec/volumeClaimTemplates/spec/storageClassName"),
        ]),
        reference("PriorityClass", group: "scheduling.k8s.io", version: "v1", inWorkloads("priorityClassName")),
        // kustomize spells this group "networking.k8s.io/v1", so no IngressClass ever matches; kept as is.
        reference("IngressClass", group: "networking.k8s.io/v1", version: "v1", [("Ingress", nil, nil, "spec/ingressClassName")]),
        reference("ValidatingAdmissionPolicy", group: admissionGroup, [
            ("ValidatingAdmissionPolicyBinding", admissionGroup, nil, "spec/policyName"),
        ]),
    ]
}

/// kustomize's default `varReference` field specs: where `$(VAR)` is expanded.
enum VarReferenceSpecs {
    private static let containerFields = ["args", "command", "env/value", "volumeMounts/mountPath"]

    private static func workload(_ kind: String, _ prefix: String, volumes: String) -> [FieldSpec] {
        ["containers", "initContainers"].flatMap { c in containerFields.map { "\(prefix)/\(c)/\($0)" } }
            .map { FieldSpec($0, kind: kind, create: false) } + [FieldSpec(volumes, kind: kind, create: false)]
    }

    static let defaults: [FieldSpec] = {
        var specs = workload("CronJob", "spec/jobTemplate/spec/template/spec", volumes: "spec/jobTemplate/spec/template/volumes/nfs/server")
        specs += workload("DaemonSet", "spec/template/spec", volumes: "spec/template/spec/volumes/nfs/server")
        specs += workload("Deployment", "spec/template/spec", volumes: "spec/template/spec/volumes/nfs/server")
        specs.append(FieldSpec("spec/template/metadata/annotations", kind: "Deployment", create: false))
        specs += ["spec/rules/host", "spec/tls/hosts", "spec/tls/secretName"].map { FieldSpec($0, kind: "Ingress", create: false) }
        specs += workload("Job", "spec/template/spec", volumes: "spec/template/spec/volumes/nfs/server")
        specs += workload("Pod", "spec", volumes: "spec/volumes/nfs/server")
        specs += workload("ReplicaSet", "spec/template/spec", volumes: "spec/template/spec/volumes/nfs/server")
        specs += ["spec/ports/port", "spec/ports/targetPort"].map { FieldSpec($0, kind: "Service", create: false) }
        specs += workload("StatefulSet", "spec/template/spec", volumes: "spec/volumeClaimTemplates/spec/nfs/server")
        specs.append(FieldSpec("spec/nfs/server", kind: "PersistentVolume", create: false))
        specs += [FieldSpec("metadata/labels", create: false), FieldSpec("metadata/annotations", create: false)]
        return specs
    }()
}
