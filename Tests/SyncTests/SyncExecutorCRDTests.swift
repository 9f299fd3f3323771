import FerryCore
import KubeClient
import Testing
@testable import Sync

@Suite struct SyncExecutorCRDTests {
    private let widget = object("example.com/v1", "Widget", "w")

    private var crd: KubeObject {
        var crd = object("apiextensions.k8s.io/v1", "CustomResourceDefinition", "widgets.example.com")
        crd.value["spec"] = ["group": "example.com", "scope": "Namespaced", "names": ["kind": "Widget"]]
        return crd
    }

    @Test func aKindUnknownToStaleDiscoveryIsRetriedAfterARefresh() async throws {
        let api = FakeKubeAPI()
        await api.makeUnknown("Widget", untilRefresh: true)
        let p = try plan([crd, widget])
        let execution = await SyncExecutor(api: api).execute(p, options: demoOptions())
        #expect(execution.results.map(\.action) == [.created, .created])
        #expect(await api.calls == ["apply CustomResourceDefinition/widgets.example.com", "discovery",
                                    "apply Widget/demo/w"])
    }

    @Test func aKindTheServerNeverKnowsFailsNamingTheObject() async throws {
        let api = FakeKubeAPI()
        await api.makeUnknown("Widget", untilRefresh: false)
        let execution = await SyncExecutor(api: api).execute(try plan([widget]), options: demoOptions())
        let result = try #require(execution.results.first)
        #expect(result.action == .failed)
        #expect(result.message.hasPrefix("Widget/demo/w: apply failed: the server has no resource type"))
    }

    @Test func dryRunSkipsCustomResourcesWhoseCRDIsNotCreatedYet() async throws {
        let api = FakeKubeAPI()
        await api.makeUnknown("Widget", untilRefresh: false)
        let options = demoOptions(dryRun: true)
        let execution = await SyncExecutor(api: api).execute(try plan([crd, widget], options: options), options: options)
        #expect(execution.succeeded)
        #expect(execution.results.map(\.action) == [.created, .skipped])
    }
}
