// # Sync — how Ferry applies an application
//
// A sync turns the rendered manifests of an application (the *desired* state, from Git) into live objects.
// It happens in two steps: `SyncPlanner.plan` computes a printable `SyncPlan` without touching the cluster,
// then `SyncExecutor.execute` walks that plan against the Kubernetes API.
//
// ## What the planner does to each object
// - A namespaced object without `metadata.namespace` goes to the application's destination namespace
//   (`default` when the application names none). A cluster-scoped object loses any namespace it carries.
// - Ferry adds its tracking annotation `ferry.dev/tracking-id: <app>:<group>/<kind>:<namespace>/<name>` and the
//   label `app.kubernetes.io/instance: <app>`. Only objects whose annotation names this app *and* this object
//   are ever pruned: copies, other apps' objects and untracked objects are left alone.
// - With the `CreateNamespace` option, the destination Namespace is applied before anything else (unless the
//   manifests contain it). It gets no tracking annotation, so Ferry never prunes it.
//
// ## Phases
// Every object runs in one phase: `PreSync`, then `Sync`, then `PostSync`. Plain manifests run in `Sync`.
// An object annotated `argocd.argoproj.io/hook: PreSync` (or `Sync`, `PostSync`, `SyncFail`, or a comma
// separated list such as `PreSync,PostSync`) is a *hook* and runs in that phase. `SyncFail` hooks run only
// when the sync failed. `Skip` means "never apply this object". Hooks are applied like any other object (with
// server-side apply, so they need a `metadata.name`); Ferry does not yet wait for hook Jobs to complete, nor
// honour `hook-delete-policy`. Hooks are never pruned.
//
// ## Waves
// Inside a phase, objects run in waves: `argocd.argoproj.io/sync-wave: "-1"` runs before the default wave `0`,
// which runs before `"5"`. A wave runs only when every object of the previous wave was applied; after a failure
// the remaining waves are reported as `skipped`. Inside a wave, objects go in kind order (Namespace,
// NetworkPolicy, … ServiceAccount, Secret, ConfigMap, … CustomResourceDefinition, … Service, … Deployment, …
// Ingress, APIService, then custom resources), then by name.
//
//     apiVersion: batch/v1
//     kind: Job
//     metadata:
//       name: migrate-db
//       annotations:
//         argocd.argoproj.io/hook: PreSync
//         argocd.argoproj.io/sync-wave: "-1"
//
// ## Prune
// Live objects tracked by this app that are no longer in Git are *orphans*. With `prune` on, they are deleted
// last (after `PostSync`), in reverse kind order (Deployments before their ConfigMaps, Namespaces last), with
// background propagation. With `prune` off they are reported as `skipped: requires pruning`. An orphan
// annotated `argocd.argoproj.io/sync-options: Prune=false` is never deleted.
//
// ## Results
// Each object ends with one kubectl-like result: `Deployment/prod/web created`, `configured`, `unchanged`,
// `deleted`, `skipped` or `failed` (the message names the object and the server's reason). With `dryRun`,
// applies are server dry-runs and nothing is deleted; objects whose CRD or Namespace the same sync would
// create cannot be validated yet and are reported `skipped`.

import FerryCore

/// How one sync runs: which app, where, and with which switches (Argo CD's sync options).
public struct SyncOptions: Sendable {
    /// Delete tracked live objects that are no longer desired.
    public var prune: Bool
    /// Validate with the server (dry-run apply) without changing anything.
    public var dryRun: Bool
    /// Apply the destination Namespace first (Argo CD's `CreateNamespace=true`).
    public var createNamespace: Bool
    /// Namespace for namespaced objects that name none (`default` when empty).
    public var destinationNamespace: String
    /// The application's name, written into the tracking annotation.
    public var appName: String
    /// Field manager for server-side apply.
    public var fieldManager: String
    /// Longest wait for one apply or delete call; nil waits as long as the client does.
    public var applyTimeout: Duration?

    /// Options with Argo CD's defaults: no prune, no dry run, no namespace creation.
    public init(appName: String, destinationNamespace: String = "", prune: Bool = false, dryRun: Bool = false,
                createNamespace: Bool = false, fieldManager: String = WellKnown.fieldManager,
                applyTimeout: Duration? = nil) {
        self.appName = appName; self.destinationNamespace = destinationNamespace; self.prune = prune
        self.dryRun = dryRun; self.createNamespace = createNamespace; self.fieldManager = fieldManager
        self.applyTimeout = applyTimeout
    }

    /// The namespace given to namespaced objects that have none.
    public var effectiveNamespace: String { destinationNamespace.isEmpty ? "default" : destinationNamespace }
}
