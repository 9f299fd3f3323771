import FerryCore
import KubeClient
import Testing
@testable import Sync

/// The executor against KubeClient's in-memory twin (server metadata, generation, namespace checks).
@Suite struct SyncExecutorTwinTests {
    private func prepared(_ o: KubeObject) throws -> KubeObject {
        try SyncPlanner.prepare(o, options: demoOptions(), isNamespaced: isNamespaced)
    }

    private func configMap(_ name: String, _ data: Value) throws -> KubeObject {
        var o = try prepared(object("v1", "ConfigMap", name))
        o.value["data"] = data
        return o
    }

    private func run(_ api: InMemoryKubeAPI, _ desired: [KubeObject], live: [KubeObject] = [],
                     options: SyncOptions) async throws -> SyncExecution {
        let p = try plan(desired, live: live, options: options)
        return await SyncExecutor(api: api).execute(p, options: options)
    }

    @Test func secondSyncOfTheSameManifestsIsUnchanged() async throws {
        let api = InMemoryKubeAPI(requireNamespaces: true)
        let desired = [try configMap("cfg", ["k": "v"]), object("apps/v1", "Deployment", "web")]
        let options = demoOptions(createNamespace: true)
        let first = try await run(api, desired, options: options)
        #expect(first.results.map(\.description) == ["Namespace/demo created", "ConfigMap/demo/cfg created",
                                                     "Deployment/demo/web created"])
        let second = try await run(api, desired, options: options)
        #expect(second.results.map(\.action) == [.unchanged, .unchanged, .unchanged])
        let third = try await run(api, [try configMap("cfg", ["k": "v2"])], live: api.storedObjects,
                                  options: demoOptions(prune: true, createNamespace: true))
        #expect(third.results.map(\.description) == ["Namespace/demo unchanged", "ConfigMap/demo/cfg configured",
                                                     "Deployment/demo/web deleted"])
        #expect(api.storedObjects.map(\.name) == ["cfg", "demo"])
    }

    @Test func dryRunAgainstTheTwinChangesNothingAndReportsWhatWouldHappen() async throws {
        let api = InMemoryKubeAPI(requireNamespaces: true)
        _ = try await run(api, [try configMap("cfg", ["k": "v"])], options: demoOptions(createNamespace: true))
        let before = api.storedObjects
        let options = demoOptions(prune: true, dryRun: true, createNamespace: true)
        let execution = try await run(api, [try configMap("cfg", ["k": "v2"]), object("v1", "Service", "web")],
                                      options: options)
        #expect(api.storedObjects == before)
        #expect(execution.results.map(\.description) == [
            "Namespace/demo unchanged: server dry run", "ConfigMap/demo/cfg configured: server dry run",
            "Service/demo/web created: server dry run",
        ])
    }

    @Test func dryRunIntoANamespaceTheSyncCreatesIsSkippedNotFailed() async throws {
        let api = InMemoryKubeAPI(requireNamespaces: true)
        let options = demoOptions(dryRun: true, createNamespace: true)
        let execution = try await run(api, [object("v1", "ConfigMap", "cfg")], options: options)
        #expect(execution.succeeded)
        #expect(execution.results.map(\.action) == [.created, .skipped])
        #expect(api.storedObjects.isEmpty)
    }

    @Test func injectedApplyFailureStopsTheNextWave() async throws {
        let api = InMemoryKubeAPI()
        let web = ResourceKey(group: "apps", kind: "Deployment", namespace: "demo", name: "web")
        api.inject(KubeError(code: 422, reason: "Invalid", message: "spec.replicas: Invalid value"), on: .apply, key: web)
        let execution = try await run(api, [
            object("apps/v1", "Deployment", "web"),
            object("v1", "Service", "web", annotations: [WellKnown.syncWave: "1"]),
        ], options: demoOptions())
        #expect(execution.results.map(\.action) == [.failed, .skipped])
        #expect(execution.results[0].message.hasPrefix("Deployment/demo/web: apply failed: spec.replicas"))
        #expect(api.storedObjects.isEmpty)
    }
}
