import FerryCore
import Foundation
import Store

extension Controller {
    /// One pass of the reconcile loop for one application (see DESIGN.md, "The reconcile loop").
    func reconcile(_ name: String, allowAutoSync: Bool) async throws {
        try await locks.withLock(name) { try await self.reconcileLocked(name, allowAutoSync: allowAutoSync) }
    }

    func reconcileLocked(_ name: String, allowAutoSync: Bool) async throws {
        guard var app = try store.application(named: name) else { return }
        let comparison: Comparison
        do {
            // Steps 1–4: resolve, render, read live state, diff and health.
            comparison = try await compare(app)
        } catch let failure as ComparisonFailure {
            try recordFailure(&app, failure)
            return
        }
        // Step 6 (first half): publish status.
        apply(comparison, to: &app)
        if let pin = app.status.pinned, pin.gitRevision != comparison.revision {
            app.status.pinned = nil
            event(name, "Normal", "Unpinned", "Git moved to \(short(comparison.revision)); automated sync resumes")
        }
        try save(app)
        schedule.reconciled(name, progressing: comparison.health.status == .progressing || comparison.sync == .outOfSync,
                            interval: options.pollInterval, jitter: options.jitter)
        // Step 5: automated sync when out of sync (or drifted, with self-heal).
        guard allowAutoSync, let reason = try autoSyncReason(app, comparison) else { return }
        logger.info("automated sync", metadata: ["app": "\(name)", "reason": "\(reason)"])
        _ = try await runSyncLocked(app, rendered: comparison.rendered, revision: comparison.revision,
                                    prune: app.spec.autoPrune, dryRun: false,
                                    initiatedBy: Controller.automatedInitiator, rollbackOf: nil)
    }

    /// Why an automated sync should run now, or nil.
    func autoSyncReason(_ app: Application, _ comparison: Comparison) throws -> String? {
        guard app.spec.isAutomated, comparison.sync == .outOfSync else { return nil }
        if let pin = app.status.pinned, pin.gitRevision == comparison.revision { return nil }
        guard let last = try store.syncRuns(app: app.name, limit: 1).first, last.revision == comparison.revision else {
            return "new revision \(short(comparison.revision))"
        }
        // Already synced this revision once: only self-heal may sync it again, and not too often.
        guard app.spec.selfHeal, last.phase != .running else { return nil }
        let since = now().timeIntervalSince(last.finishedAt ?? last.startedAt)
        let backoff = Double(options.selfHealBackoff.components.seconds)
        return since >= backoff ? "self-heal: live state drifted from \(short(comparison.revision))" : nil
    }

    func apply(_ comparison: Comparison, to app: inout Application) {
        app.status.sync = ApplicationStatus.SyncInfo(status: comparison.sync, revision: comparison.revision)
        app.status.health = comparison.health
        app.status.resources = comparison.resources
        app.status.conditions = []
        app.status.reconciledAt = now()
    }

    func recordFailure(_ app: inout Application, _ failure: ComparisonFailure) throws {
        let changed = app.status.conditions.first?.message != failure.message
        app.status.conditions = [Condition(type: failure.type, message: failure.message)]
        app.status.sync.status = .unknown
        app.status.reconciledAt = now()
        try save(app)
        schedule.reconciled(app.name, progressing: false, interval: options.pollInterval, jitter: options.jitter)
        if changed { event(app.name, "Warning", failure.type, failure.message) }
    }

    /// Saves status; an app deleted meanwhile is not an error.
    func save(_ app: Application) throws {
        do { try store.updateApplication(app) } catch let error as StoreError where error.code == .notFound { return }
    }

    func short(_ sha: String) -> String { String(sha.prefix(7)) }
}
