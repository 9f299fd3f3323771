import FerryCore

/// Assesses the health of live objects and of whole applications.
public enum HealthAssessor {
    /// The finalizer Argo CD puts on hook resources; such objects being deleted keep their own health.
    public static let hookFinalizer = "argocd.argoproj.io/hook-finalizer"

    /// Health of one live object, or `nil` for kinds that have no health rule (they do not count).
    public static func health(of object: KubeObject) -> Health? {
        guard let rule = rule(for: object.gvk) else { return nil }
        if isBeingDeleted(object) { return Health(.progressing, "Pending deletion") }
        return rule(ObjectFields(object))
    }

    /// Health of a resource the application wants: `.missing` when it is not in the cluster, otherwise the
    /// live object's health (`nil` when its kind has no health rule).
    public static func health(desired: KubeObject?, live: KubeObject?) -> Health? {
        guard let live else { return desired == nil ? nil : Health(.missing) }
        return health(of: live)
    }

    /// App health: the worst of the resources' healths (worst = max); no resources → `.healthy`.
    public static func aggregate(_ healths: [HealthStatus]) -> HealthStatus {
        healths.max() ?? .healthy
    }

    /// App health from per-resource healths, skipping resources with no health.
    public static func aggregate(_ healths: [Health?]) -> HealthStatus {
        aggregate(healths.compactMap { $0?.status })
    }

    /// True when the kind has a health rule.
    public static func hasHealthRule(_ gvk: GroupVersionKind) -> Bool { rule(for: gvk) != nil }

    private static func isBeingDeleted(_ object: KubeObject) -> Bool {
        guard object.value[path: ["metadata", "deletionTimestamp"]].map({ !$0.isNull }) == true else { return false }
        let finalizers = object.value[path: ["metadata", "finalizers"]]?.arrayValue ?? []
        return !finalizers.contains(.string(hookFinalizer))
    }

    private static func rule(for gvk: GroupVersionKind) -> ((ObjectFields) -> Health)? {
        switch (gvk.group, gvk.kind) {
        case ("apps", "Deployment"): DeploymentHealth.assess
        case ("apps", "StatefulSet"): StatefulSetHealth.assess
        case ("apps", "DaemonSet"): DaemonSetHealth.assess
        case ("apps", "ReplicaSet"): ReplicaSetHealth.assess
        case ("", "Pod"): PodHealth.assess
        case ("", "Service"): ServiceHealth.assess
        case ("", "PersistentVolumeClaim"): PersistentVolumeClaimHealth.assess
        case ("batch", "Job"): JobHealth.assess
        case ("networking.k8s.io", "Ingress"), ("extensions", "Ingress"): IngressHealth.assess
        case ("autoscaling", "HorizontalPodAutoscaler"): HorizontalPodAutoscalerHealth.assess
        case ("apiregistration.k8s.io", "APIService"): APIServiceHealth.assess
        default: nil
        }
    }
}
