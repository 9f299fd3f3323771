/// Every annotation and label key Ferry reads or writes, in one place.
public enum WellKnown {
    /// Names the application that manages an object: `<app>:<group>/<kind>:<namespace>/<name>`.
    public static let trackingAnnotation = "ferry.dev/tracking-id"
    /// The label Ferry adds to objects it manages, with the app name as value.
    public static let instanceLabel = "app.kubernetes.io/instance"
    /// Field manager Ferry uses for server-side apply.
    public static let fieldManager = "ferry"
    /// Argo CD's sync-wave annotation (an integer, default 0).
    public static let syncWave = "argocd.argoproj.io/sync-wave"
    /// Argo CD's hook annotation (PreSync, Sync, PostSync, SyncFail).
    public static let hook = "argocd.argoproj.io/hook"
    /// Argo CD's per-resource sync options (e.g. `Prune=false`).
    public static let syncOptions = "argocd.argoproj.io/sync-options"
    /// kubectl's client-side apply record; ignored by diffs.
    public static let lastApplied = "kubectl.kubernetes.io/last-applied-configuration"
    /// Sandbox: makes a workload fail (`crashloop`, `progress-deadline`, `fail`).
    public static let sandboxSimulate = "sandbox.ferry.dev/simulate"
}
