import FerryCore

extension InMemoryKubeAPI {
    /// Common built-in kinds with their plural names and scope, as a real cluster's discovery reports them.
    public static let builtinResources: [APIResource] = {
        let verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
        func r(_ group: String, _ version: String, _ kind: String, _ plural: String, _ namespaced: Bool,
               _ short: [String] = []) -> APIResource {
            APIResource(gvk: GroupVersionKind(group: group, version: version, kind: kind), name: plural,
                        namespaced: namespaced, verbs: verbs, shortNames: short)
        }
        return [
            r("", "v1", "Namespace", "namespaces", false, ["ns"]),
            r("", "v1", "ConfigMap", "configmaps", true, ["cm"]),
            r("", "v1", "Secret", "secrets", true),
            r("", "v1", "Service", "services", true, ["svc"]),
            r("", "v1", "ServiceAccount", "serviceaccounts", true, ["sa"]),
            r("", "v1", "Pod", "pods", true, ["po"]),
            r("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, ["pvc"]),
            r("", "v1", "PersistentVolume", "persistentvolumes", false, ["pv"]),
            r("", "v1", "Node", "nodes", false, ["no"]),
            r("", "v1", "Endpoints", "endpoints", true, ["ep"]),
            r("", "v1", "Event", "events", true, ["ev"]),
            r("", "v1", "ResourceQuota", "resourcequotas", true, ["quota"]),
            r("", "v1", "LimitRange", "limitranges", true, ["limits"]),
            r("apps", "v1", "Deployment", "deployments", true, ["deploy"]),
            r("apps", "v1", "StatefulSet", "statefulsets", true, ["sts"]),
            r("apps", "v1", "DaemonSet", "daemonsets", true, ["ds"]),
            r("apps", "v1", "ReplicaSet", "replicasets", true, ["rs"]),
            r("batch", "v1", "Job", "jobs", true),
            r("batch", "v1", "CronJob", "cronjobs", true, ["cj"]),
            r("networking.k8s.io", "v1", "Ingress", "ingresses", true, ["ing"]),
            r("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, ["netpol"]),
            r("rbac.authorization.k8s.io", "v1", "Role", "roles", true),
            r("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true),
            r("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false),
            r("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false),
            r("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false, ["crd", "crds"]),
            r("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, ["pdb"]),
            r("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, ["hpa"]),
            r("coordination.k8s.io", "v1", "Lease", "leases", true),
            r("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, ["sc"]),
        ]
    }()
}
