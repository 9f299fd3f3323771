import Diff
import FerryCore
import Foundation
import GitSource
import Health
import KubeClient
import Rendering
import Sync

/// The result of comparing Git with the cluster for one application.
struct Comparison: Sendable {
    var revision: String
    /// Objects as Ferry would apply them (namespace defaulted, tracking annotation added).
    var desired: [KubeObject]
    /// The rendered objects before preparation (what a sync re-plans from).
    var rendered: [KubeObject]
    /// Live objects carrying this app's tracking annotation that Git no longer has.
    var orphans: [KubeObject]
    var resources: [ResourceStatus]
    var appDiff: AppDiff
    var sync: SyncStatus
    var health: Health
}

/// A reason the comparison could not be made; becomes a condition on the app.
struct ComparisonFailure: Error, CustomStringConvertible {
    var type: String
    var message: String
    var description: String { message }
}

extension Controller {
    /// Steps 1–4 of the reconcile loop: resolve, render, read live state, diff and assess health.
    func compare(_ app: Application, revision override: String? = nil) async throws -> Comparison {
        // 1. Resolve the target revision with a cheap remote check (fetches only when it moved).
        let clock = ContinuousClock()
        let started = clock.now
        let revision = try await resolve(app, override ?? app.spec.source.targetRevision)
        let resolved = clock.now
        // 2. Render the app's path at that commit.
        let rendered = try await render(app, commit: revision)
        let renderedAt = clock.now
        let comparison = try await compare(app, rendered: rendered, revision: revision)
        logger.debug("compared", metadata: [
            "app": "\(app.name)", "revision": "\(short(revision))",
            "resolve": "\(resolved - started)", "render": "\(renderedAt - resolved)", "live+diff": "\(clock.now - renderedAt)",
        ])
        return comparison
    }

    /// Steps 3–4 for a given set of rendered objects (also used for rollback manifests).
    func compare(_ app: Application, rendered: [KubeObject], revision: String) async throws -> Comparison {
        let desired = try await prepare(app, rendered)
        // 3. Read live state for every tracked resource.
        var resources: [ResourceStatus] = []
        var diffs: [AppDiff.ResourceDiff] = []
        var healths: [HealthStatus] = []
        for object in desired {
            let live = try await liveObject(object.key, gvk: object.gvk)
            // 4. Diff desired against live; assess health.
            let result = Differ.diff(desired: object, live: live, options: DiffOptions())
            let health: Health? = live.map { HealthAssessor.health(of: $0) } ?? Health(.missing)
            if let health { healths.append(health.status) }
            resources.append(ResourceStatus(key: object.key, version: object.gvk.version, status: result.status, health: health))
            diffs.append(AppDiff.ResourceDiff(key: object.key, status: result.status, diff: result.unifiedDiff))
        }
        let orphans = try await findOrphans(app, desired: desired)
        for orphan in orphans {
            resources.append(ResourceStatus(key: orphan.key, version: orphan.gvk.version, status: .outOfSync,
                                            health: HealthAssessor.health(of: orphan)))
            let removal = Differ.diff(desired: nil, live: orphan, options: DiffOptions())
            diffs.append(AppDiff.ResourceDiff(key: orphan.key, status: .outOfSync, diff: removal.unifiedDiff))
        }
        let outOfSync = resources.contains { $0.status != .synced }
        let health = Health(HealthAssessor.aggregate(healths))
        let appDiff = AppDiff(revision: revision, outOfSync: outOfSync, resources: diffs.filter { $0.status != .synced })
        return Comparison(revision: revision, desired: desired, rendered: rendered, orphans: orphans,
                          resources: resources, appDiff: appDiff, sync: outOfSync ? .outOfSync : .synced, health: health)
    }

    func resolve(_ app: Application, _ revision: String) async throws -> String {
        do { return try await git.resolve(repoURL: app.spec.source.repoURL, revision: revision) } catch {
            throw ComparisonFailure(type: Condition.gitError, message: "\(error)")
        }
    }

    func render(_ app: Application, commit: String) async throws -> [KubeObject] {
        let path = app.spec.source.path
        do {
            let repoURL = app.spec.source.repoURL
            let display = path == "." ? "" : path
            let tree = try await git.tree(repoURL: repoURL, commit: commit, path: path)
            guard Renderer.detect(tree) == .kustomize, !display.isEmpty else {
                var options = RenderOptions(displayPath: display, kustomize: app.spec.source.kustomize)
                // Argo CD's Helm settings; the release is named after the app, in its destination namespace.
                options.helm = HelmOptions(source: app.spec.source.helm, appName: app.name,
                                           namespace: app.spec.destination.namespace)
                return try Renderer.render(tree: tree, options: options).objects
            }
            // An overlay may use bases elsewhere in the repository (`../base`): render from the whole tree.
            let whole = try await git.tree(repoURL: repoURL, commit: commit, path: "")
            // File names in errors are then relative to the repository root, as the tree is.
            let options = RenderOptions(displayPath: "", directory: display, kustomize: app.spec.source.kustomize)
            return try Renderer.render(tree: whole, options: options).objects
        } catch let error as GitError {
            throw ComparisonFailure(type: Condition.gitError, message: "\(error)")
        } catch {
            throw ComparisonFailure(type: Condition.comparisonError, message: "\(error)")
        }
    }

    /// Desired objects as a sync would apply them: the planner's preparation without pruning.
    func prepare(_ app: Application, _ rendered: [KubeObject]) async throws -> [KubeObject] {
        let namespaced = try await namespacedKinds(for: rendered)
        do {
            let plan = try SyncPlanner.plan(desired: rendered, live: [], options: syncOptions(app, prune: false, dryRun: false),
                                            isNamespaced: { namespaced[$0] ?? true })
            return plan.appliedObjects
        } catch {
            throw ComparisonFailure(type: Condition.comparisonError, message: "\(error)")
        }
    }

    /// Scope of each kind in `objects`, from discovery. An unknown kind is a comparison error naming the object.
    func namespacedKinds(for objects: [KubeObject]) async throws -> [GroupVersionKind: Bool] {
        var out: [GroupVersionKind: Bool] = [:]
        for object in objects where out[object.gvk] == nil {
            do { out[object.gvk] = try await api.resource(for: object.gvk).namespaced } catch let error as KubeError {
                // A CRD applied in the same sync may define the kind; treat it as namespaced until discovery knows it.
                if error.code == 404, objects.contains(where: { $0.kind == "CustomResourceDefinition" }) {
                    out[object.gvk] = true
                } else {
                    throw ComparisonFailure(type: Condition.comparisonError, message: "\(object.key): \(error)")
                }
            }
        }
        return out
    }

    func liveObject(_ key: ResourceKey, gvk: GroupVersionKind) async throws -> KubeObject? {
        do { return try await api.get(gvk, namespace: key.namespace, name: key.name) } catch let error as KubeError {
            if error.code == 404 { return nil }
            throw ComparisonFailure(type: Condition.comparisonError, message: "\(key): \(error)")
        }
    }

    /// Objects this app applied before (known from status and history) that still carry its tracking
    /// annotation but are no longer desired.
    func findOrphans(_ app: Application, desired: [KubeObject]) async throws -> [KubeObject] {
        // The latest run covers objects applied after the last status was saved (e.g. a crash mid-sync).
        try await trackedLiveObjects(of: app, recentRuns: 1, excluding: Set(desired.map(\.key)))
    }

    /// Live objects that carry this app's tracking annotation, among those named in its status and in its
    /// `recentRuns` latest sync runs. A read failure other than 404 is an error: silently missing an object
    /// would leave it behind.
    func trackedLiveObjects(of app: Application, recentRuns: Int, excluding: Set<ResourceKey> = []) async throws -> [KubeObject] {
        var known: [ResourceKey: GroupVersionKind] = [:]
        for r in app.status.resources { known[r.key] = GroupVersionKind(group: r.group, version: r.version, kind: r.kind) }
        for run in try store.syncRuns(app: app.name, limit: recentRuns) {
            for object in (try? Manifests.parse(run.manifests, file: "sync run \(run.id)")) ?? [] { known[object.key] = object.gvk }
        }
        var tracked: [KubeObject] = []
        for (key, gvk) in known.sorted(by: { $0.key < $1.key }) where !excluding.contains(key) {
            guard let live = try await liveObject(key, gvk: gvk), TrackingID.app(of: live) == app.name else { continue }
            tracked.append(live)
        }
        return tracked
    }

    func syncOptions(_ app: Application, prune: Bool, dryRun: Bool) -> SyncOptions {
        SyncOptions(appName: app.name, destinationNamespace: app.spec.destination.namespace,
                    prune: prune, dryRun: dryRun, createNamespace: app.spec.createNamespace)
    }
}
