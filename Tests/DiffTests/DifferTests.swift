import FerryCore
import Testing
@testable import Diff

/// One table row: start from a desired and a live fixture, mutate them, compare, check the outcome.
struct DiffCase: CustomTestStringConvertible, Sendable {
    var name: String
    var desired: KubeObject = DiffFixtures.deployment
    var live: KubeObject = DiffFixtures.liveDeployment
    var mutateDesired: @Sendable (inout Value) -> Void = { _ in }
    var mutateLive: @Sendable (inout Value) -> Void = { _ in }
    var options = DiffOptions()
    var status: SyncStatus
    var lines: [String] = []
    var testDescription: String { name }
}

@Suite struct DifferTests {
    static let cases: [DiffCase] = [
        DiffCase(name: "identical objects are synced", live: DiffFixtures.deployment, status: .synced),
        DiffCase(name: "server-populated fields and live defaults are ignored", status: .synced),
        DiffCase(name: "changed image is out of sync",
                 mutateDesired: { $0[path: ["spec", "template", "spec", "containers"]] = [
                     ["name": "web", "image": "nginx:1.26", "ports": [["containerPort": 80]]]] },
                 status: .outOfSync,
                 lines: ["-        image: nginx:1.25", "+        image: nginx:1.26"]),
        DiffCase(name: "label removed from live is out of sync",
                 mutateLive: { $0[path: ["metadata", "labels", "tier"]] = nil },
                 status: .outOfSync, lines: ["+    tier: frontend"]),
        DiffCase(name: "extra live label is ignored",
                 mutateLive: { $0[path: ["metadata", "labels", "team"]] = "payments" }, status: .synced),
        DiffCase(name: "integer and double with the same value are equal",
                 mutateLive: { $0[path: ["spec", "replicas"]] = .double(2.0) }, status: .synced),
        DiffCase(name: "changed replicas are out of sync",
                 mutateLive: { $0[path: ["spec", "replicas"]] = 5 },
                 status: .outOfSync, lines: ["-  replicas: 5", "+  replicas: 2"]),
        DiffCase(name: "ignore rule suppresses a replicas change",
                 mutateLive: { $0[path: ["spec", "replicas"]] = 5 },
                 options: DiffOptions(ignoreRules: [IgnoreRule(group: "apps", kind: "Deployment", jsonPointers: ["/spec/replicas"])]),
                 status: .synced),
        DiffCase(name: "ignore rule for another kind does not apply",
                 mutateLive: { $0[path: ["spec", "replicas"]] = 5 },
                 options: DiffOptions(ignoreRules: [IgnoreRule(group: "apps", kind: "StatefulSet", jsonPointers: ["/spec/replicas"])]),
                 status: .outOfSync),
        DiffCase(name: "ignore rule with a wildcard pointer suppresses an image change",
                 mutateLive: { $0[path: ["spec", "template", "spec", "containers"]] = [
                     ["name": "web", "image": "nginx:1.24", "ports": [["containerPort": 80]]]] },
                 options: DiffOptions(ignoreRules: [IgnoreRule(group: "*", kind: "*", name: "web",
                                                               jsonPointers: ["/spec/template/spec/containers/*/image"])]),
                 status: .synced),
        DiffCase(name: "a list of another length differs",
                 mutateLive: { value in
                     var containers = value[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? []
                     containers.append(["name": "proxy", "image": "envoy:1.30"])
                     value[path: ["spec", "template", "spec", "containers"]] = .array(containers)
                 },
                 status: .outOfSync, lines: ["-      - name: proxy", "-        image: envoy:1.30"]),
        DiffCase(name: "desired null and empty fields match absent live fields",
                 mutateDesired: {
                     $0[path: ["metadata", "creationTimestamp"]] = .null
                     $0[path: ["spec", "template", "spec", "volumes"]] = []
                     $0[path: ["spec", "template", "metadata", "annotations"]] = .emptyObject
                 },
                 status: .synced),
        DiffCase(name: "changed secret value shows masks",
                 desired: DiffFixtures.secret, live: DiffFixtures.secret,
                 mutateDesired: { $0[path: ["data", "password"]] = "czNjcjN0LW5ldw==" },
                 status: .outOfSync,
                 lines: ["-  password: ++++++++", "+  password: +++++++++"]),
        DiffCase(name: "secret stringData matches the same value in live data",
                 desired: DiffFixtures.secret, live: DiffFixtures.secret,
                 mutateDesired: { $0["data"] = nil; $0["stringData"] = ["password": "hunter2", "user": "admin"] },
                 status: .synced),
    ]

    @Test(arguments: cases)
    func comparesDesiredWithLive(_ row: DiffCase) {
        var desired = row.desired, live = row.live
        row.mutateDesired(&desired.value)
        row.mutateLive(&live.value)
        let result = Differ.diff(desired: desired, live: live, options: row.options)
        #expect(result.status == row.status)
        #expect(result.modified == (row.status == .outOfSync))
        #expect(result.unifiedDiff.isEmpty == (row.status == .synced))
        let lines = result.unifiedDiff.split(separator: "\n").map(String.init)
        for line in row.lines { #expect(lines.contains(line), "missing \(line) in:\n\(result.unifiedDiff)") }
    }

    @Test func imageChangeProducesOneHunkWithHeaders() {
        var desired = DiffFixtures.deployment
        desired.value[path: ["spec", "template", "spec", "containers"]] = [
            ["name": "web", "image": "nginx:1.26", "ports": [["containerPort": 80]]]]
        let result = Differ.diff(desired: desired, live: DiffFixtures.liveDeployment, options: .default)
        let lines = result.unifiedDiff.split(separator: "\n").map(String.init)
        #expect(lines.prefix(2) == ["--- Deployment/prod/web (live)", "+++ Deployment/prod/web (desired)"])
        #expect(lines.filter { $0.hasPrefix("@@") }.count == 1)
        #expect(lines.filter { $0.hasPrefix("-") && !$0.hasPrefix("---") } == ["-        image: nginx:1.25"])
        // Server defaults never reach the diff.
        #expect(!result.unifiedDiff.contains("imagePullPolicy"))
        #expect(!result.unifiedDiff.contains("resourceVersion"))
    }

    @Test func missingLiveIsOutOfSyncAndShowsTheWholeObjectAsAdded() {
        let result = Differ.diff(desired: DiffFixtures.deployment, live: nil, options: .default)
        #expect(result.status == .outOfSync)
        #expect(result.key == ResourceKey(group: "apps", kind: "Deployment", namespace: "prod", name: "web"))
        let lines = result.unifiedDiff.split(separator: "\n")
        #expect(lines.contains("@@ -0,0 +1,25 @@"))
        #expect(lines.contains("+kind: Deployment"))
        #expect(!lines.contains { $0.hasPrefix("-") && !$0.hasPrefix("---") })
    }

    @Test func liveWithoutDesiredIsOutOfSync() {
        let result = Differ.diff(desired: nil, live: DiffFixtures.liveDeployment, options: .default)
        #expect(result.status == .outOfSync)
        #expect(result.unifiedDiff.contains("-kind: Deployment"))
        #expect(!result.unifiedDiff.contains("managedFields"))
    }

    @Test func identicalObjectsAreSyncedWithAnEmptyDiff() {
        let result = Differ.diff(desired: DiffFixtures.deployment, live: DiffFixtures.deployment, options: .default)
        #expect(result.status == .synced && !result.modified && result.unifiedDiff.isEmpty)
    }
}
