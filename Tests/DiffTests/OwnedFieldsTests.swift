import FerryCore
import Testing
@testable import Diff

/// Fields removed from Git are detected through the fields Ferry's field manager owns in live.
@Suite struct OwnedFieldsTests {
    static func managedFields(_ manager: String, _ fields: Value) -> Value {
        [["manager": .string(manager), "operation": "Apply", "apiVersion": "apps/v1", "fieldsType": "FieldsV1",
          "fieldsV1": fields]]
    }

    static let ownsLabels: Value = ["f:metadata": ["f:labels": ["f:app": [:], "f:tier": [:]]]]
    static let ownsContainerResources: Value = ["f:spec": ["f:template": ["f:spec": ["f:containers": [
        #"k:{"name":"web"}"#: [".": [:], "f:name": [:], "f:image": [:], "f:resources": ["f:limits": ["f:cpu": [:]]]],
    ]]]]]

    func compare(desired: (inout Value) -> Void, managedFields: Value) -> ResourceDiffResult {
        var wanted = DiffFixtures.deployment
        desired(&wanted.value)
        var live = DiffFixtures.liveDeployment
        live.value[path: ["metadata", "managedFields"]] = managedFields
        live.value[path: ["spec", "template", "spec", "containers"]] = [[
            "name": "web", "image": "nginx:1.25", "ports": [["containerPort": 80]], "resources": ["limits": ["cpu": "500m"]],
        ]]
        return Differ.diff(desired: wanted, live: live)
    }

    @Test func labelRemovedFromGitThatFerryOwnsIsOutOfSync() {
        let result = compare(desired: { $0[path: ["metadata", "labels", "tier"]] = nil },
                             managedFields: Self.managedFields(WellKnown.fieldManager, Self.ownsLabels))
        #expect(result.status == .outOfSync)
        #expect(result.unifiedDiff.split(separator: "\n").contains("-    tier: frontend"))
    }

    @Test func fieldOwnedByAnotherManagerIsIgnored() {
        let result = compare(desired: { $0[path: ["metadata", "labels", "tier"]] = nil },
                             managedFields: Self.managedFields("kubectl-edit", Self.ownsLabels))
        #expect(result.status == .synced)
    }

    @Test func fieldRemovedInsideAKeyedListItemIsOutOfSync() {
        let result = compare(desired: { _ in },
                             managedFields: Self.managedFields(WellKnown.fieldManager, Self.ownsContainerResources))
        #expect(result.status == .outOfSync)
        #expect(result.unifiedDiff.contains("-            cpu: 500m"))
    }

    @Test func removalDetectionCanBeTurnedOff() {
        var desired = DiffFixtures.deployment
        desired.value[path: ["metadata", "labels", "tier"]] = nil
        var live = DiffFixtures.liveDeployment
        live.value[path: ["metadata", "managedFields"]] = Self.managedFields(WellKnown.fieldManager, Self.ownsLabels)
        #expect(Differ.diff(desired: desired, live: live, options: DiffOptions(fieldManager: nil)).status == .synced)
    }
}
