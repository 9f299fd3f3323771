import FerryCore
import Testing
@testable import Sync

@Suite struct SyncPlannerOrderTests {
    @Test func namespaceConfigMapAndServiceComeBeforeDeployment() throws {
        let p = try plan([
            object("apps/v1", "Deployment", "web"), object("v1", "Service", "web"),
            object("v1", "ConfigMap", "web-config"), object("v1", "Namespace", "demo"),
        ])
        #expect(p.order == ["Namespace/demo", "ConfigMap/web-config", "Service/web", "Deployment/web"])
    }

    @Test func customResourceDefinitionsComeBeforeTheirCustomResourcesAndUnknownKindsLast() throws {
        let p = try plan([
            object("stable.example.com/v1", "CronTab", "nightly"),
            object("apps/v1", "Deployment", "web"),
            object("apiextensions.k8s.io/v1", "CustomResourceDefinition", "crontabs.stable.example.com"),
            object("apiregistration.k8s.io/v1", "APIService", "v1.metrics"),
        ])
        #expect(p.order == ["CustomResourceDefinition/crontabs.stable.example.com", "Deployment/web",
                            "APIService/v1.metrics", "CronTab/nightly"])
    }

    @Test func sameKindIsOrderedByName() throws {
        let p = try plan([object("v1", "ConfigMap", "b"), object("v1", "ConfigMap", "a"), object("v1", "ConfigMap", "c")])
        #expect(p.order == ["ConfigMap/a", "ConfigMap/b", "ConfigMap/c"])
    }

    @Test func wavesOverrideKindOrder() throws {
        let p = try plan([
            object("v1", "Namespace", "late", annotations: [WellKnown.syncWave: "5"]),
            object("apps/v1", "Deployment", "early", annotations: [WellKnown.syncWave: "-1"]),
            object("v1", "ConfigMap", "default-wave"),
        ])
        #expect(p.order == ["Deployment/early", "ConfigMap/default-wave", "Namespace/late"])
        #expect(p.tasks.map(\.wave) == [-1, 0, 5])
    }

    @Test func hooksRunInTheirPhases() throws {
        let p = try plan([
            object("batch/v1", "Job", "notify", annotations: [WellKnown.hook: "PostSync"]),
            object("apps/v1", "Deployment", "web"),
            object("batch/v1", "Job", "migrate", annotations: [WellKnown.hook: "PreSync"]),
            object("batch/v1", "Job", "cleanup", annotations: [WellKnown.hook: "SyncFail"]),
        ])
        #expect(p.order == ["Job/migrate", "Deployment/web", "Job/notify", "Job/cleanup"])
        #expect(p.tasks.map(\.phase) == [.preSync, .sync, .postSync, .syncFail])
    }

    @Test func aHookListingTwoPhasesRunsInBoth() throws {
        let p = try plan([object("batch/v1", "Job", "check", annotations: [WellKnown.hook: "PreSync, PostSync"])])
        #expect(p.tasks.map(\.phase) == [.preSync, .postSync])
    }

    @Test func skipHookIsNotAppliedButReported() throws {
        let p = try plan([object("v1", "ConfigMap", "manual", annotations: [WellKnown.hook: "Skip"])])
        #expect(p.tasks.isEmpty)
        #expect(p.skipped.map(\.description) == ["ConfigMap/demo/manual skipped: hook Skip: not applied"])
    }

    @Test func phaseComesBeforeWave() throws {
        let p = try plan([
            object("v1", "ConfigMap", "sync-early", annotations: [WellKnown.syncWave: "-10"]),
            object("batch/v1", "Job", "pre-late", annotations: [WellKnown.hook: "PreSync", WellKnown.syncWave: "3"]),
        ])
        #expect(p.order == ["Job/pre-late", "ConfigMap/sync-early"])
    }

    @Test func createNamespaceAddsTheNamespaceFirstEvenBeforeEarlyHooks() throws {
        let p = try plan([
            object("batch/v1", "Job", "migrate", annotations: [WellKnown.hook: "PreSync", WellKnown.syncWave: "-3"]),
            object("v1", "ConfigMap", "cfg"),
        ], options: demoOptions(createNamespace: true))
        #expect(p.order == ["Namespace/demo", "Job/migrate", "ConfigMap/cfg"])
        guard case .createNamespace = p.tasks[0].action else { Issue.record("first task is not createNamespace"); return }
    }

    @Test func createNamespaceIsNotAddedWhenTheManifestsHaveIt() throws {
        let p = try plan([object("v1", "Namespace", "demo"), object("v1", "ConfigMap", "cfg")],
                         options: demoOptions(createNamespace: true))
        #expect(p.order == ["Namespace/demo", "ConfigMap/cfg"])
        guard case .apply = p.tasks[0].action else { Issue.record("namespace should be applied from Git"); return }
    }

    @Test func badWaveIsAnErrorNamingTheResourceAndAnnotation() throws {
        let error = #expect(throws: SyncError.self) {
            try plan([object("apps/v1", "Deployment", "web", annotations: [WellKnown.syncWave: "soon"])])
        }
        #expect(error?.message.contains("Deployment/demo/web") == true)
        #expect(error?.message.contains(WellKnown.syncWave) == true)
        #expect(error?.message.contains("soon") == true)
    }

    @Test func unknownHookTypeIsAnError() throws {
        let error = #expect(throws: SyncError.self) {
            try plan([object("batch/v1", "Job", "x", annotations: [WellKnown.hook: "PreDeploy"])])
        }
        #expect(error?.message.contains("Job/demo/x") == true)
    }

    @Test func objectWithoutNameIsAnError() throws {
        var job = object("batch/v1", "Job", "")
        job.value[path: ["metadata", "generateName"]] = "migrate-"
        let error = #expect(throws: SyncError.self) { try plan([job]) }
        #expect(error?.message.contains("generateName") == true)
    }

    @Test func duplicateResourceIsAnError() throws {
        #expect(throws: SyncError.duplicate(ResourceKey(group: "", kind: "ConfigMap", namespace: "demo", name: "a"))) {
            try plan([object("v1", "ConfigMap", "a"), object("v1", "ConfigMap", "a", namespace: "demo")])
        }
    }

    @Test func planPrintsOneLinePerTask() throws {
        let p = try plan([
            object("apps/v1", "Deployment", "web", annotations: [WellKnown.syncWave: "1"]),
            object("batch/v1", "Job", "migrate", annotations: [WellKnown.hook: "PreSync"]),
        ], live: [tracked("v1", "ConfigMap", "old", namespace: "demo")],
           options: demoOptions(prune: true, createNamespace: true))
        #expect(p.description == """
            PreSync  wave 0  apply  Namespace/demo
            PreSync  wave 0  apply  Job/demo/migrate
            Sync     wave 1  apply  Deployment/demo/web
            Sync     wave 0  prune  ConfigMap/demo/old
            """)
    }

    @Test func emptyPlanSaysNothingToDo() throws {
        #expect(try plan([]).description == "nothing to do")
    }
}
