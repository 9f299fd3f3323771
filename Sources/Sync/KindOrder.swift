/// The order in which kinds are applied inside one wave: Helm's and Argo CD's install order, so that
/// namespaces, policies, identities and configuration exist before the workloads that use them.
/// Custom resources (kinds not in the list) come after every known kind, hence after their CRDs.
public enum KindOrder {
    /// Known kinds, first applied first.
    public static let kinds: [String] = [
        "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget",
        "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass", "PersistentVolume",
        "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
        "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
        "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
        "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
    ]

    private static let index: [String: Int] = Dictionary(
        kinds.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

    /// The rank of a kind: its position in `kinds`, or `kinds.count` for unknown kinds.
    public static func rank(_ kind: String) -> Int { index[kind] ?? kinds.count }
}
