import FerryCore

/// The outcome of executing a plan: one kubectl-like result per resource, and an overall verdict.
public struct SyncExecution: Sendable, CustomStringConvertible {
    /// Per-resource results, in execution order; planned skips come last.
    public var results: [ResourceResult]
    /// True when no task failed.
    public var succeeded: Bool
    /// A one-line summary, e.g. `successfully synced: 2 created, 1 unchanged` or the first failure.
    public var message: String

    /// An execution outcome; the message is derived from the results.
    public init(results: [ResourceResult], dryRun: Bool = false) {
        self.results = results
        let failures = results.filter { $0.action == .failed }
        succeeded = failures.isEmpty
        let prefix = dryRun ? "dry run: " : ""
        if let first = failures.first {
            message = "\(prefix)sync failed: \(failures.count) of \(results.count) resources failed; "
                + "first: \(first.message)"
        } else {
            message = "\(prefix)successfully synced" + (results.isEmpty ? " (nothing to do)" : ": \(Self.counts(results))")
        }
    }

    /// `Succeeded` or `Failed`, for the sync run record.
    public var phase: SyncRunPhase { succeeded ? .succeeded : .failed }

    /// The summary line followed by one line per result (`Deployment/prod/web configured`).
    public var description: String { ([message] + results.map(\.description)).joined(separator: "\n") }

    private static func counts(_ results: [ResourceResult]) -> String {
        let order: [ResourceAction] = [.created, .configured, .unchanged, .deleted, .skipped, .failed]
        return order.compactMap { action in
            let n = results.filter { $0.action == action }.count
            return n == 0 ? nil : "\(n) \(action.rawValue)"
        }.joined(separator: ", ")
    }
}
