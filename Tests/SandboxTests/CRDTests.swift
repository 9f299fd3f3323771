import FerryCore
import Foundation
import Testing
@testable import Sandbox

/// CustomResourceDefinitions, judged by real kubectl (serialized with the other kubectl tests).
extension KubectlTests {
    static let widgetCRD = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd], categories: [all]}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      size: {type: integer, default: 3}
                      color: {type: string}
                      replicas: {type: integer}
                  status:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
        """

    static let widget = """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w, namespace: default, labels: {tier: front}}
        spec: {color: red}
        """

    @Test func customResourceDefinitionServesWidgetsUntilDeleted() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let kubectl = sandbox.kubectl
        #expect(try await kubectl.succeed(["apply", "-f", "-"], stdin: Self.widgetCRD)
            .contains("customresourcedefinition.apiextensions.k8s.io/widgets.example.com created"))
        try await kubectl.succeed(["wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=10s"])
        #expect(try await kubectl.succeed(["get", "crd"]).contains("widgets.example.com"))
        let status = try await kubectl.succeed(["get", "crd", "widgets.example.com", "-o",
                                     "jsonpath={.status.conditions[?(@.type==\"NamesAccepted\")].status} {.status.storedVersions} {.status.acceptedNames.kind}"])
        #expect(status == "True [\"v1\"] Widget")
        let resources = try await kubectl.succeed(["api-resources", "--api-group=example.com"])
        #expect(resources.contains("widgets") && resources.contains("wd") && resources.contains("Widget"))

        #expect(try await kubectl.succeed(["apply", "-f", "-"], stdin: Self.widget).contains("widget.example.com/w created"))
        #expect(try await kubectl.succeed(["get", "widgets"]).contains("w "))
        #expect(try await kubectl.succeed(["get", "wd", "-l", "tier=front", "-o", "name"]) == "widget.example.com/w\n")
        #expect(try await kubectl.succeed(["get", "wd", "-l", "tier=back", "-o", "name"]).isEmpty)
        let yaml = try await kubectl.succeed(["get", "widget", "w", "-o", "yaml"])
        #expect(yaml.contains("color: red") && yaml.contains("size: 3"), "schema default applied: \(yaml)")

        #expect(try await kubectl.succeed(["patch", "widget", "w", "--type", "merge", "-p", #"{"spec":{"color":"blue"}}"#])
            .contains("widget.example.com/w patched"))
        #expect(try await kubectl.succeed(["get", "widget", "w", "-o", "jsonpath={.spec.color}"]) == "blue")
        let strategic = try await kubectl.detached(["patch", "widget", "w", "--type", "strategic", "-p", #"{"spec":{"color":"x"}}"#])
        #expect(strategic.status != 0)
        #expect(strategic.stderr.contains("application/strategic-merge-patch+json is not supported by example.com/v1, "
            + "Kind=Widget: the body of the request was in an unknown format - accepted media types include: "
            + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"), "\(strategic.stderr)")

        let applied = try await kubectl.succeed(["apply", "--server-side", "--force-conflicts", "-f", "-"],
                                     stdin: Self.widget.replacingOccurrences(of: "red", with: "green"))
        #expect(applied.contains("widget.example.com/w serverside-applied"))
        #expect(try await kubectl.succeed(["get", "widget", "w", "-o", "jsonpath={.spec.color}"]) == "green")

        try await kubectl.succeed(["delete", "crd", "widgets.example.com"])
        let gone = try await kubectl.detached(["get", "widgets"])
        #expect(gone.status != 0)
        // kubectl's cached discovery still names widgets, so it lists and the server answers 404.
        #expect(gone.stderr.contains("Error from server (NotFound): Unable to list \"example.com/v1, Resource=widgets\": "
            + "the server could not find the requested resource"), "\(gone.stderr)")
        #expect(!(try await kubectl.succeed(["api-resources"])).contains("example.com"))
        let crs = try sandbox.cluster.store.list(group: "example.com", resource: "widgets", namespace: nil).items
        #expect(crs.isEmpty)
    }

    @Test func customResourceStatusAndScaleSubresources() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let kubectl = sandbox.kubectl
        let crd = Self.widgetCRD.replacingOccurrences(
            of: "subresources: {status: {}}",
            with: "subresources: {status: {}, scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas}}")
        try await kubectl.succeed(["apply", "-f", "-"], stdin: crd)
        try await kubectl.succeed(["wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=10s"])
        try await kubectl.succeed(["apply", "-f", "-"], stdin: Self.widget.replacingOccurrences(
            of: "spec: {color: red}", with: "spec: {color: red, replicas: 1}\nstatus: {phase: Ignored}"))
        // status is not written through the main resource…
        #expect(try await kubectl.succeed(["get", "widget", "w", "-o", "jsonpath={.status.phase}"]).isEmpty)
        // …but through the status subresource.
        try await kubectl.succeed(["patch", "widget", "w", "--subresource=status", "--type", "merge", "-p",
                        #"{"status":{"phase":"Ready","replicas":1}}"#])
        #expect(try await kubectl.succeed(["get", "widget", "w", "-o", "jsonpath={.status.phase}"]) == "Ready")
        #expect(try await kubectl.succeed(["scale", "widget", "w", "--replicas=4"]).contains("widget.example.com/w scaled"))
        #expect(try await kubectl.succeed(["get", "widget", "w", "-o", "jsonpath={.spec.replicas}"]) == "4")
    }

    @Test func customResourceDefinitionNameMustBePluralDotGroup() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let bad = Self.widgetCRD.replacingOccurrences(of: "name: widgets.example.com", with: "name: gadgets.example.com")
        let result = try await sandbox.kubectl.detached(["apply", "-f", "-"], stdin: bad)
        #expect(result.status != 0)
        #expect(result.stderr.contains("is invalid") && result.stderr.contains("metadata.name"), "\(result.stderr)")
    }
}

/// CustomResourceDefinitions over plain HTTP: discovery documents, watch and deletion of custom resources.
struct CRDHTTPTests {
    static let crd: Value = [
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": ["name": "gadgets.example.com"],
        "spec": ["group": "example.com", "scope": "Cluster",
                 "names": ["plural": "gadgets", "kind": "Gadget", "shortNames": ["gd"]],
                 "versions": [["name": "v1", "served": true, "storage": true,
                               "schema": ["openAPIV3Schema": ["type": "object"]]]]],
    ]

    @Test func discoveryWatchAndDeletionFollowTheCRD() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        #expect(try await sandbox.send("GET", "/apis/example.com/v1").status == 404)
        let created = try await sandbox.send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", body: Self.crd)
        #expect(created.status == 201)
        #expect(created.json[path: ["status", "acceptedNames", "kind"]] == "Gadget")
        let groups = try await sandbox.send("GET", "/apis").json["groups"]?.arrayValue ?? []
        #expect(groups.contains { $0["name"] == "example.com" && $0[path: ["preferredVersion", "version"]] == "v1" })
        let list = try await sandbox.send("GET", "/apis/example.com/v1").json
        let gadgets = list["resources"]?.arrayValue?.first { $0["name"] == "gadgets" }
        #expect(gadgets?["namespaced"] == false && gadgets?["shortNames"] == ["gd"] && gadgets?["singularName"] == "gadget")

        let events = sandbox.watch("/apis/example.com/v1/gadgets?watch=1")
        let gadget: Value = ["apiVersion": "example.com/v1", "kind": "Gadget", "metadata": ["name": "g1"]]
        #expect(try await sandbox.send("POST", "/apis/example.com/v1/gadgets", body: gadget).status == 201)
        let added = try await collect(events, "the ADDED event") { $0.count == 1 }
        #expect(added.first?["type"] == "ADDED" && added.first?["object"]?.name == "g1")

        let deleted = try await sandbox.send("DELETE", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.example.com")
        #expect(deleted.status == 200)
        let removal = try await collect(events, "the DELETED event") { $0.count == 1 }
        #expect(removal.first?["type"] == "DELETED" && removal.first?["object"]?.name == "g1")
        #expect(try await sandbox.send("GET", "/apis/example.com/v1/gadgets").status == 404)
        #expect(try await sandbox.send("GET", "/apis/example.com/v1").status == 404)
    }

    @Test func misnamedCRDIsUnprocessable() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        var bad = Self.crd
        bad[path: ["metadata", "name"]] = "gadget.example.com"
        let answer = try await sandbox.send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", body: bad)
        #expect(answer.status == 422)
        #expect(answer.json["message"]?.stringValue?.contains("must be spec.names.plural+\".\"+spec.group") == true)
    }
}
