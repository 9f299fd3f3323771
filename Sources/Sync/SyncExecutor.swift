import FerryCore
import KubeClient

/// Walks a `SyncPlan` against the Kubernetes API: server-side apply wave by wave, prune last, and a
/// kubectl-like result per resource. It decides nothing the plan did not say, except stopping after a failure.
public struct SyncExecutor: Sendable {
    /// The API the sync writes to.
    public let api: any KubeAPI

    /// An executor for one cluster.
    public init(api: any KubeAPI) { self.api = api }

    /// Runs the plan. Tasks run in plan order, one step (phase + wave, or prune wave) at a time. When a task
    /// fails, the rest of its step still runs, later steps are reported `skipped`, and `SyncFail` hooks run.
    /// `progress` is called with each result as it happens.
    public func execute(_ plan: SyncPlan, options: SyncOptions,
                        progress: (@Sendable (ResourceResult) -> Void)? = nil) async -> SyncExecution {
        var results: [ResourceResult] = []
        let record = { (result: ResourceResult) in results.append(result); progress?(result) }
        let context = Context(options: options, crds: CRDScopes(plan.tasks.compactMap(\.appliedObject)),
                              namespaces: Set(plan.tasks.filter { !$0.isPrune && $0.key.kind == "Namespace" }
                                                  .map(\.key.name)))
        var failed = false
        for step in Self.steps(plan.tasks.filter { !$0.isSyncFailHook }) {
            if failed {
                step.forEach { record(ResourceResult(key: $0.key, action: .skipped, message: "an earlier wave failed")) }
                continue
            }
            for task in step {
                let result = await run(task, context)
                failed = failed || result.action == .failed
                record(result)
            }
        }
        if failed {
            for task in plan.tasks where task.isSyncFailHook { record(await run(task, context)) }
        }
        plan.skipped.forEach(record)
        return SyncExecution(results: results, dryRun: options.dryRun)
    }

    /// Consecutive tasks with the same phase, wave and verb form one step.
    static func steps(_ tasks: [SyncTask]) -> [[SyncTask]] {
        var steps: [[SyncTask]] = []
        for task in tasks {
            if let last = steps.last?.last, last.phase == task.phase, last.wave == task.wave,
               last.isPrune == task.isPrune {
                steps[steps.count - 1].append(task)
            } else {
                steps.append([task])
            }
        }
        return steps
    }

    /// What every task of one execution needs to know.
    struct Context: Sendable {
        var options: SyncOptions
        /// Kinds whose CRD this plan applies (a dry run cannot apply their objects yet).
        var crds: CRDScopes
        /// Namespaces this plan applies (a dry run cannot put objects in them yet).
        var namespaces: Set<String>
    }

    private func run(_ task: SyncTask, _ context: Context) async -> ResourceResult {
        switch task.action {
        case .apply(let object): return await apply(object, context)
        case .createNamespace: return await apply(Self.namespace(task.key.name), context)
        case .prune(let object): return await prune(object, context)
        }
    }

    static func namespace(_ name: String) -> KubeObject {
        KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]])
    }
}

extension SyncTask {
    /// The object an apply task writes, nil for other tasks.
    var appliedObject: KubeObject? { if case .apply(let object) = action { return object }; return nil }
    /// True for `SyncFail` hooks, which run only after a failure.
    var isSyncFailHook: Bool { phase == .syncFail && !isPrune }
}
