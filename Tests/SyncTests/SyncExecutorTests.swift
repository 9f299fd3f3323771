import FerryCore
import KubeClient
import Testing
@testable import Sync

@Suite struct SyncExecutorTests {
    private func prepared(_ o: KubeObject) throws -> KubeObject {
        try SyncPlanner.prepare(o, options: demoOptions(), isNamespaced: isNamespaced)
    }

    private func actions(_ execution: SyncExecution) -> [String: ResourceAction] {
        Dictionary(uniqueKeysWithValues: execution.results.map { ($0.name, $0.action) })
    }

    @Test func resultsAreCreatedConfiguredUnchangedAndDeleted() async throws {
        var changed = try prepared(object("v1", "ConfigMap", "changed"))
        let same = try prepared(object("v1", "ConfigMap", "same"))
        let api = FakeKubeAPI([changed, same, tracked("v1", "ConfigMap", "orphan", namespace: "demo")])
        changed.value["data"] = ["k": "v2"]
        let desired = [object("v1", "ConfigMap", "new"), changed, same]
        let p = try plan(desired, live: await Array(api.objects.values), options: demoOptions(prune: true))

        let execution = await SyncExecutor(api: api).execute(p, options: demoOptions(prune: true))

        #expect(actions(execution) == ["new": .created, "changed": .configured, "same": .unchanged, "orphan": .deleted])
        #expect(execution.succeeded)
        #expect(execution.message == "successfully synced: 1 created, 1 configured, 1 unchanged, 1 deleted")
        #expect(execution.results.map(\.description).contains("ConfigMap/demo/changed configured"))
        let stored = await api.objects
        #expect(stored.keys.map(\.name).sorted() == ["changed", "new", "same"])
        #expect(await api.calls.last == "delete ConfigMap/demo/orphan Background")
    }

    @Test func failingApplyStopsLaterWavesAndRunsSyncFailHooks() async throws {
        let api = FakeKubeAPI()
        await api.failApply(of: ResourceKey(group: "apps", kind: "Deployment", namespace: "demo", name: "web"))
        let p = try plan([
            object("apps/v1", "Deployment", "web"),
            object("v1", "ConfigMap", "same-wave"),
            object("v1", "Service", "later", annotations: [WellKnown.syncWave: "1"]),
            object("batch/v1", "Job", "notify", annotations: [WellKnown.hook: "PostSync"]),
            object("batch/v1", "Job", "on-fail", annotations: [WellKnown.hook: "SyncFail"]),
        ], live: [tracked("v1", "ConfigMap", "orphan", namespace: "demo")], options: demoOptions(prune: true))

        let execution = await SyncExecutor(api: api).execute(p, options: demoOptions(prune: true))

        #expect(!execution.succeeded)
        #expect(execution.phase == .failed)
        #expect(actions(execution) == ["same-wave": .created, "web": .failed, "later": .skipped,
                                       "notify": .skipped, "orphan": .skipped, "on-fail": .created])
        let failure = try #require(execution.results.first { $0.action == .failed })
        #expect(failure.message.hasPrefix("Deployment/demo/web: apply failed: "))
        #expect(failure.message.contains("Invalid"))
        #expect(execution.message.contains("Deployment/demo/web: apply failed"))
        #expect(await !api.calls.contains { $0.hasPrefix("delete") })
    }

    @Test func syncFailHooksDoNotRunWhenTheSyncSucceeds() async throws {
        let api = FakeKubeAPI()
        let p = try plan([object("v1", "ConfigMap", "ok"),
                          object("batch/v1", "Job", "on-fail", annotations: [WellKnown.hook: "SyncFail"])])
        let execution = await SyncExecutor(api: api).execute(p, options: demoOptions())
        #expect(execution.results.map(\.name) == ["ok"])
        #expect(await api.objects.count == 1)
    }

    @Test func dryRunChangesNothing() async throws {
        var changed = try prepared(object("v1", "ConfigMap", "changed"))
        let orphan = tracked("v1", "ConfigMap", "orphan", namespace: "demo")
        let api = FakeKubeAPI([changed, orphan])
        let before = await api.objects
        changed.value["data"] = ["k": "v2"]
        let options = demoOptions(prune: true, dryRun: true, createNamespace: true)
        let p = try plan([object("v1", "ConfigMap", "new"), changed], live: [orphan], options: options)

        let execution = await SyncExecutor(api: api).execute(p, options: options)

        #expect(await api.objects == before)
        #expect(await api.calls.allSatisfy { $0.hasSuffix("(dry run)") })
        #expect(actions(execution) == ["demo": .created, "new": .created, "changed": .configured, "orphan": .deleted])
        #expect(execution.message.hasPrefix("dry run: successfully synced"))
    }

    @Test func createNamespaceAppliesANamespaceBeforeEverythingElse() async throws {
        let api = FakeKubeAPI()
        let options = demoOptions(createNamespace: true)
        let p = try plan([object("v1", "ConfigMap", "cfg")], options: options)
        _ = await SyncExecutor(api: api).execute(p, options: options)
        #expect(await api.calls == ["apply Namespace/demo", "apply ConfigMap/demo/cfg"])
    }

    @Test func plannedSkipsAreReportedAndProgressSeesEveryResult() async throws {
        let api = FakeKubeAPI()
        let p = try plan([object("v1", "ConfigMap", "cfg")], live: [tracked("v1", "Secret", "old", namespace: "demo")])
        let seen = Seen()
        let execution = await SyncExecutor(api: api).execute(p, options: demoOptions()) { seen.add($0) }
        #expect(execution.results.map(\.description) == ["ConfigMap/demo/cfg created",
                                                         "Secret/demo/old skipped: requires pruning"])
        #expect(seen.all == execution.results)
    }

    @Test func stepsGroupConsecutiveTasksByPhaseWaveAndVerb() throws {
        let p = try plan([object("v1", "ConfigMap", "a"), object("v1", "ConfigMap", "b"),
                          object("v1", "ConfigMap", "c", annotations: [WellKnown.syncWave: "2"])],
                         live: [tracked("v1", "ConfigMap", "old", namespace: "demo")], options: demoOptions(prune: true))
        #expect(SyncExecutor.steps(p.tasks).map { $0.map(\.key.name) } == [["a", "b"], ["c"], ["old"]])
    }

    @Test func applyTimeoutFailsTheResource() async throws {
        let options = SyncOptions(appName: "demo", destinationNamespace: "demo", applyTimeout: .milliseconds(50))
        let p = try plan([object("v1", "ConfigMap", "slow")], options: options)
        let execution = await SyncExecutor(api: HangingKubeAPI()).execute(p, options: options)
        let result = try #require(execution.results.first)
        #expect(result.action == .failed)
        #expect(result.message.contains("ConfigMap/demo/slow: apply timed out"))
    }
}

/// Collects progress callbacks.
final class Seen: @unchecked Sendable {
    private var results: [ResourceResult] = []
    private let lock = NSLockLike()
    func add(_ r: ResourceResult) { lock.run { results.append(r) } }
    var all: [ResourceResult] { lock.run { results } }
}
