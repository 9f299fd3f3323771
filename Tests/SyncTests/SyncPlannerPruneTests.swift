import FerryCore
import Testing
@testable import Sync

@Suite struct SyncPlannerPruneTests {
    private let desired = [object("apps/v1", "Deployment", "web")]

    @Test func pruneSetHoldsOnlyThisAppsTrackedObjects() throws {
        let copied: KubeObject = {
            var o = object("v1", "ConfigMap", "copy", namespace: "demo")
            o.setAnnotation(WellKnown.trackingAnnotation, "demo:/ConfigMap:demo/original")
            return o
        }()
        let live = [
            tracked("apps/v1", "Deployment", "web", namespace: "demo"),
            tracked("v1", "ConfigMap", "orphan", namespace: "demo"),
            tracked("v1", "ConfigMap", "theirs", namespace: "demo", app: "other"),
            object("v1", "ConfigMap", "untracked", namespace: "demo"),
            copied,
        ]
        let p = try plan(desired, live: live, options: demoOptions(prune: true))
        #expect(p.prunedKeys.map(\.name) == ["orphan"])
        #expect(p.appliedKeys.map(\.name) == ["web"])
    }

    @Test func pruneTasksComeLastInReverseKindOrder() throws {
        let live = [
            tracked("v1", "Namespace", "old-ns"),
            tracked("v1", "ConfigMap", "old-cfg", namespace: "demo"),
            tracked("apps/v1", "Deployment", "old-web", namespace: "demo"),
            tracked("example.com/v1", "Widget", "old-widget", namespace: "demo"),
            tracked("v1", "Service", "old-svc", namespace: "demo"),
        ]
        let p = try plan(desired + [object("batch/v1", "Job", "notify", annotations: [WellKnown.hook: "PostSync"])],
                         live: live, options: demoOptions(prune: true))
        #expect(p.order == ["Deployment/web", "Job/notify", "Widget/old-widget", "Deployment/old-web",
                            "Service/old-svc", "ConfigMap/old-cfg", "Namespace/old-ns"])
        #expect(p.tasks.suffix(5).allSatisfy { $0.isPrune })
    }

    @Test func withPruneOffOrphansAreReportedAsRequiringPruning() throws {
        let p = try plan(desired, live: [tracked("v1", "ConfigMap", "orphan", namespace: "demo")])
        #expect(p.prunedKeys.isEmpty)
        #expect(p.skipped.map(\.description) == ["ConfigMap/demo/orphan skipped: requires pruning"])
        #expect(p.description.contains("ConfigMap/demo/orphan: requires pruning"))
    }

    @Test func orphanWithPruneFalseIsNeverPruned() throws {
        let keep = tracked("v1", "ConfigMap", "keep", namespace: "demo",
                           annotations: [WellKnown.syncOptions: "ServerSideApply=true, Prune=false"])
        let p = try plan(desired, live: [keep], options: demoOptions(prune: true))
        #expect(p.prunedKeys.isEmpty)
        #expect(p.skipped.first?.message == "requires pruning, but Prune=false")
    }

    @Test func liveHooksAreNeverPruned() throws {
        let hook = tracked("batch/v1", "Job", "migrate", namespace: "demo", annotations: [WellKnown.hook: "PreSync"])
        let p = try plan(desired, live: [hook], options: demoOptions(prune: true))
        #expect(p.prunedKeys.isEmpty)
        #expect(p.skipped.isEmpty)
    }

    @Test func higherPruneWavesArePrunedFirst() throws {
        let live = [
            tracked("v1", "ConfigMap", "w-1", namespace: "demo", annotations: [WellKnown.syncWave: "-1"]),
            tracked("v1", "ConfigMap", "w5", namespace: "demo", annotations: [WellKnown.syncWave: "5"]),
        ]
        let p = try plan([], live: live, options: demoOptions(prune: true))
        #expect(p.order == ["ConfigMap/w5", "ConfigMap/w-1"])
    }
}
