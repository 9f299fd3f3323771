import FerryCore
import Testing
@testable import Sync

@Suite struct SyncPlannerPrepareTests {
    private func applied(_ p: SyncPlan) -> [KubeObject] { p.tasks.compactMap(\.appliedObject) }

    @Test func trackingAnnotationAndInstanceLabelAreAdded() throws {
        let p = try plan([object("apps/v1", "Deployment", "web", namespace: "prod")])
        let web = try #require(applied(p).first)
        #expect(web.annotations[WellKnown.trackingAnnotation] == "demo:apps/Deployment:prod/web")
        #expect(web.labels[WellKnown.instanceLabel] == "demo")
    }

    @Test func namespaceIsDefaultedOnlyForNamespacedKinds() throws {
        let p = try plan([
            object("v1", "ConfigMap", "cfg"),
            object("v1", "ConfigMap", "elsewhere", namespace: "other"),
            object("rbac.authorization.k8s.io/v1", "ClusterRole", "reader"),
            object("v1", "Namespace", "extra", namespace: "bogus"),
        ])
        let namespaces = Dictionary(uniqueKeysWithValues: applied(p).map { ($0.name, $0.namespace) })
        #expect(namespaces == ["cfg": "demo", "elsewhere": "other", "reader": "", "extra": ""])
        let reader = try #require(applied(p).first { $0.name == "reader" })
        #expect(reader.value[path: ["metadata", "namespace"]] == nil)
        #expect(reader.annotations[WellKnown.trackingAnnotation] == "demo:rbac.authorization.k8s.io/ClusterRole:/reader")
    }

    @Test func emptyDestinationNamespaceMeansDefault() throws {
        let p = try plan([object("v1", "ConfigMap", "cfg")], options: SyncOptions(appName: "demo"))
        #expect(applied(p).first?.namespace == "default")
    }

    @Test func customResourceScopeComesFromACRDInTheSameSync() throws {
        var crd = object("apiextensions.k8s.io/v1", "CustomResourceDefinition", "widgets.example.com")
        crd.value["spec"] = ["group": "example.com", "scope": "Namespaced", "names": ["kind": "Widget"]]
        var clusterCRD = object("apiextensions.k8s.io/v1", "CustomResourceDefinition", "gadgets.example.com")
        clusterCRD.value["spec"] = ["group": "example.com", "scope": "Cluster", "names": ["kind": "Gadget"]]
        // The stand-in discovery does not know either kind (and says CronTab is cluster-scoped).
        let p = try SyncPlanner.plan(desired: [crd, clusterCRD, object("example.com/v1", "Widget", "w"),
                                               object("example.com/v1", "Gadget", "g")],
                                     live: [], options: demoOptions(), isNamespaced: { _ in false })
        let scopes = Dictionary(uniqueKeysWithValues: applied(p).map { ($0.name, $0.namespace) })
        #expect(scopes["w"] == "demo")
        #expect(scopes["g"] == "")
    }

    @Test func trackingIDRoundTrips() throws {
        let key = ResourceKey(group: "", kind: "Namespace", namespace: "", name: "demo")
        let id = TrackingID(app: "shop", key: key)
        #expect(id.description == "shop:/Namespace:/demo")
        #expect(TrackingID(parsing: id.description) == id)
        #expect(TrackingID(parsing: "shop:apps/Deployment:prod/web")?.key.kind == "Deployment")
        #expect(TrackingID(parsing: "shop") == nil)
        #expect(TrackingID(parsing: "shop:Deployment:prod/web") == nil)
        #expect(TrackingID(parsing: "a:b/c:d/e:f") == nil)
    }
}
