import FerryCore

/// The ordered steps of one sync, plus what the sync deliberately leaves alone. Printable, one line per task.
public struct SyncPlan: Sendable, CustomStringConvertible {
    /// Tasks in execution order: namespace creation, PreSync/Sync/PostSync applies by wave, prunes, SyncFail hooks.
    public var tasks: [SyncTask]
    /// Objects the sync will not touch, with the reason (e.g. `requires pruning`), reported as `skipped`.
    public var skipped: [ResourceResult]

    /// A plan.
    public init(tasks: [SyncTask], skipped: [ResourceResult] = []) { self.tasks = tasks; self.skipped = skipped }

    /// The keys of every object the plan applies (hooks included, namespace creation included).
    public var appliedKeys: [ResourceKey] { tasks.filter { !$0.isPrune }.map(\.key) }

    /// The keys of every object the plan deletes.
    public var prunedKeys: [ResourceKey] { tasks.filter(\.isPrune).map(\.key) }

    /// One line per task, then one line per skipped object; `nothing to do` when empty.
    public var description: String {
        let lines = tasks.map(\.description) + skipped.map { "skip      \($0.key): \($0.message)" }
        return lines.isEmpty ? "nothing to do" : lines.joined(separator: "\n")
    }
}
