import FerryCore
import Foundation
import KubeClient
import Sync

extension Controller {
    public func sync(_ name: String, request: SyncRequest) async throws -> SyncRun {
        try await locks.withLock(name) {
            let app = try self.load(name)
            let comparison: Comparison
            do { comparison = try await self.compare(app, revision: request.revision) } catch let failure as ComparisonFailure {
                throw ServiceError(.failed, "\(name): cannot sync: \(failure.message)")
            }
            return try await self.runSyncLocked(app, rendered: comparison.rendered, revision: comparison.revision,
                                                prune: request.prune, dryRun: request.dryRun,
                                                initiatedBy: request.initiatedBy, rollbackOf: nil).redacted
        }
    }

    public func rollback(_ name: String, to id: Int64, initiatedBy: String) async throws -> SyncRun {
        try await locks.withLock(name) {
            var app = try self.load(name)
            guard let target = try self.store.syncRun(id: id), target.app == name else {
                throw ServiceError.notFound("sync run \(id) of application '\(name)'")
            }
            guard target.phase == .succeeded else {
                throw ServiceError(.invalid, "sync run \(id) did not succeed; only successful runs can be rolled back to")
            }
            let objects: [KubeObject]
            do { objects = try Manifests.parse(target.manifests, file: "sync run \(id)") } catch {
                throw ServiceError(.failed, "sync run \(id): recorded manifests are unreadable: \(error)")
            }
            let run = try await self.runSyncLocked(app, rendered: objects, revision: target.revision, prune: true,
                                                   dryRun: false, initiatedBy: initiatedBy, rollbackOf: id)
            // Pin: automated sync leaves the rollback alone until Git moves past the revision it sees now.
            app = try self.load(name)
            let gitNow = app.status.sync.revision ?? target.revision
            app.status.pinned = ApplicationStatus.Pin(syncRunID: run.id, gitRevision: gitNow)
            try self.save(app)
            self.event(name, "Normal", "RolledBack", "re-applied sync run \(id) (\(self.short(target.revision))) as run \(run.id); automated sync paused until Git changes")
            return run.redacted
        }
    }

    /// Step 5: plan, apply wave by wave, prune, record the run; then refresh status. Caller holds the app's lock.
    func runSyncLocked(_ app: Application, rendered: [KubeObject], revision: String, prune: Bool, dryRun: Bool,
                       initiatedBy: String, rollbackOf: Int64?) async throws -> SyncRun {
        let options = syncOptions(app, prune: prune, dryRun: dryRun)
        // Only the prune candidates are read here; the caller's comparison already read and diffed the rest.
        let orphans: [KubeObject]
        let namespaced: [GroupVersionKind: Bool]
        do {
            orphans = try await findOrphans(app, desired: try await prepare(app, rendered))
            namespaced = try await namespacedKinds(for: rendered)
        } catch let failure as ComparisonFailure {
            throw ServiceError(.failed, "\(app.name): cannot sync: \(failure.message)")
        }
        let plan: SyncPlan
        do {
            plan = try SyncPlanner.plan(desired: rendered, live: orphans, options: options,
                                        isNamespaced: { namespaced[$0] ?? true })
        } catch {
            throw ServiceError(.invalid, "\(app.name): \(error)")
        }
        let manifests = YAML.encodeStream(plan.appliedObjects.map(\.value))
        var run = SyncRun(app: app.name, revision: revision, startedAt: now(), initiatedBy: initiatedBy,
                          rollbackOf: rollbackOf, manifests: manifests)
        if dryRun {
            let execution = await SyncExecutor(api: api).execute(plan, options: options)
            run.phase = execution.succeeded ? .succeeded : .failed
            run.message = execution.message
            run.resources = execution.results
            run.finishedAt = now()
            return run
        }
        // Record progress before the slow step.
        run.id = try store.insertSyncRun(run)
        try markOperation(app.name, OperationState(phase: .running, message: "syncing to \(short(revision))",
                                                   syncRunID: run.id, startedAt: run.startedAt))
        event(app.name, "Normal", "SyncStarted", "sync run \(run.id) to \(short(revision)) initiated by \(initiatedBy)")
        let execution = await SyncExecutor(api: api).execute(plan, options: options)
        run.phase = execution.succeeded ? .succeeded : .failed
        run.message = execution.message
        run.resources = execution.results
        run.finishedAt = now()
        try store.finishSyncRun(id: run.id, phase: run.phase, message: run.message, finishedAt: run.finishedAt!,
                                resources: run.resources)
        try markOperation(app.name, OperationState(phase: run.phase, message: run.message, syncRunID: run.id,
                                                   startedAt: run.startedAt, finishedAt: run.finishedAt))
        event(app.name, execution.succeeded ? "Normal" : "Warning", execution.succeeded ? "SyncSucceeded" : "SyncFailed",
              "sync run \(run.id): \(run.message)")
        // Step 6: publish the new status right away (always against Git, so a rollback shows OutOfSync).
        if var fresh = try store.application(named: app.name), let after = try? await compare(fresh) {
            apply(after, to: &fresh)
            try save(fresh)
        }
        schedule.dueSoon(app.name)
        return run
    }

    func markOperation(_ name: String, _ state: OperationState) throws {
        guard var app = try store.application(named: name) else { return }
        app.status.operationState = state
        try save(app)
    }

    /// Deletes every object the app manages (that still carries its tracking annotation), workloads first.
    func deleteManagedObjects(of app: Application) async throws {
        let live: [KubeObject]
        do { live = try await trackedLiveObjects(of: app, recentRuns: 5) } catch let failure as ComparisonFailure {
            throw ServiceError(.failed, "\(app.name): cannot delete its objects: \(failure.message)")
        }
        let ordered = live.sorted { KindOrder.rank($0.kind) > KindOrder.rank($1.kind) }
        for object in ordered {
            do {
                try await api.delete(object.gvk, namespace: object.namespace, name: object.name, propagation: .background)
                event(app.name, "Normal", "Deleted", "\(object.key) deleted")
            } catch {
                throw ServiceError(.failed, "\(object.key): delete failed: \(error)")
            }
        }
    }
}
