// # Health
//
// How healthy a live Kubernetes object is, kind by kind, following Argo CD's built-in rules
// (gitops-engine `pkg/health`), and how an application's health is the worst of its resources'.
//
// | Kind | Healthy | Progressing | Degraded | Suspended |
// |---|---|---|---|---|
// | Deployment | rollout complete | generation not observed, replicas updating/terminating/unavailable | `ProgressDeadlineExceeded` | `spec.paused` |
// | StatefulSet, DaemonSet, ReplicaSet | rollout complete | pods not yet updated or ready | ReplicaSet `ReplicaFailure` | |
// | Pod | Running and ready, Succeeded | Pending; Running but not ready | `CrashLoopBackOff`, `ImagePullBackOff`, `Err*`; Failed | |
// | Job | `Complete` | running | `Failed` | `Suspended` |
// | Service (LoadBalancer), Ingress | has a load-balancer ingress | waiting for one | | |
// | PersistentVolumeClaim | `Bound` | `Pending` | `Lost` | |
// | HorizontalPodAutoscaler, APIService | conditions say so | otherwise | failing conditions | |
//
// Kinds without a rule (ConfigMap, Secret, Namespace, RBAC, CRDs, …) have no health and do not count.
// An object being deleted is Progressing ("Pending deletion"). A desired object missing from the
// cluster is Missing.
