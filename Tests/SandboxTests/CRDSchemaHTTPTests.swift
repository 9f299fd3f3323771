import FerryCore
import KubeClient
import Foundation
import Testing
@testable import Sandbox

/// Custom resources validated and pruned by their CRD's structural schema, over plain HTTP: the exact
/// `Status` bodies, `fieldValidation` and the `Warning` header, and the OpenAPI v3 documents of custom kinds.
struct CRDSchemaHTTPTests {
    static let crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                description: A Widget is a test kind.
                properties:
                  spec:
                    type: object
                    description: The desired widget.
                    required: [color]
                    properties:
                      replicas: {type: integer, minimum: 0, maximum: 10, description: How many widgets.}
                      color: {type: string, enum: [red, blue]}
                      name: {type: string, maxLength: 5}
                      port: {x-kubernetes-int-or-string: true}
                      tags: {type: array, items: {type: string}, maxItems: 2}
                      extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """

    static let path = "/apis/example.com/v1/namespaces/default/widgets"

    static func widget(_ name: String, _ spec: Value) -> Value {
        ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": .string(name)], "spec": spec]
    }

    private func started() async throws -> SandboxHTTP {
        let sandbox = try await SandboxHTTP.start()
        let created = try await sandbox.send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
                                             body: try YAML.parse(Self.crd, file: "crd"))
        #expect(created.status == 201)
        return sandbox
    }

    private func warnings(_ response: (status: Int, json: Value, response: HTTPResponse)) -> [String] {
        response.response.headers.filter { $0.name.lowercased() == "warning" }.map(\.value)
    }

    @Test func wrongTypeIsInvalidWithATypedCause() async throws {
        let sandbox = try await started()
        defer { Task { await sandbox.cluster.stop() } }
        let answer = try await sandbox.send("POST", Self.path, body: Self.widget("w1", ["color": "red", "replicas": "3"]))
        #expect(answer.status == 422)
        let body = #"Invalid value: "string": spec.replicas in body must be of type integer: "string""#
        let expected: Value = [
            "kind": "Status", "apiVersion": "v1", "metadata": .emptyObject, "status": "Failure",
            "message": .string(#"Widget.example.com "w1" is invalid: spec.replicas: "# + body), "reason": "Invalid",
            "details": ["name": "w1", "group": "example.com", "kind": "Widget",
                        "causes": [["reason": "FieldValueTypeInvalid", "message": .string(body), "field": "spec.replicas"]]],
            "code": 422,
        ]
        #expect(answer.json == expected, "\(JSON.encode(answer.json))")
    }

    @Test func everyBrokenFieldIsACause() async throws {
        let sandbox = try await started()
        defer { Task { await sandbox.cluster.stop() } }
        let spec: Value = ["replicas": 11, "name": "toolong", "port": true, "tags": ["a", "b", "c"]]
        let answer = try await sandbox.send("POST", Self.path, body: Self.widget("w2", spec))
        #expect(answer.status == 422)
        #expect(answer.json["message"]?.stringValue == #"Widget.example.com "w2" is invalid: ["#
            + #"spec.name: Too long: may not be more than 5 bytes, "#
            + #"spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean", "#
            + #"spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10, "#
            + #"spec.tags: Too many: 3: must have at most 2 items, spec.color: Required value]"#)
        let causes = answer.json[path: ["details", "causes"]]?.arrayValue ?? []
        #expect(causes.compactMap { $0["reason"]?.stringValue } == ["FieldValueTooLong", "FieldValueTypeInvalid",
                                                                    "FieldValueInvalid", "FieldValueTooMany", "FieldValueRequired"])
        #expect(causes.compactMap { $0["field"]?.stringValue } == ["spec.name", "spec.port", "spec.replicas", "spec.tags", "spec.color"])

        let enumAnswer = try await sandbox.send("POST", Self.path, body: Self.widget("w3", ["color": "green"]))
        #expect(enumAnswer.json[path: ["details", "causes"]] == [[
            "reason": "FieldValueNotSupported", "message": #"Unsupported value: "green": supported values: "red", "blue""#,
            "field": "spec.color"]])
    }

    @Test func updatesAndPatchesAreValidatedToo() async throws {
        let sandbox = try await started()
        defer { Task { await sandbox.cluster.stop() } }
        var created = try await sandbox.send("POST", Self.path, body: Self.widget("w", ["color": "red"])).json
        #expect(created[path: ["spec", "color"]] == "red")
        created[path: ["spec", "color"]] = "green"
        let put = try await sandbox.send("PUT", Self.path + "/w", body: created)
        #expect(put.status == 422)
        #expect(put.json[path: ["details", "causes"]]?.arrayValue?.first?["field"] == "spec.color")
        let patch = try await sandbox.send("PATCH", Self.path + "/w", body: ["spec": ["replicas": -1]],
                                           headers: [(name: "Content-Type", value: "application/merge-patch+json")])
        #expect(patch.status == 422)
        #expect(patch.json["message"]?.stringValue
            == #"Widget.example.com "w" is invalid: spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0"#)
    }

    @Test func unknownFieldsArePrunedWithAWarningByDefault() async throws {
        let sandbox = try await started()
        defer { Task { await sandbox.cluster.stop() } }
        let spec: Value = ["color": "red", "foo": 1, "extra": ["anything": ["goes": true]]]
        let answer = try await sandbox.send("POST", Self.path, body: Self.widget("w", spec))
        #expect(answer.status == 201)
        #expect(warnings(answer) == [#"299 - "unknown field \"spec.foo\"""#])
        let stored = try await sandbox.send("GET", Self.path + "/w").json
        #expect(stored["spec"] == ["color": "red", "extra": ["anything": ["goes": true]]])

        let ignored = try await sandbox.send("POST", Self.path + "?fieldValidation=Ignore", body: Self.widget("w2", spec))
        #expect(ignored.status == 201 && warnings(ignored).isEmpty)
        #expect(ignored.json[path: ["spec", "foo"]] == nil)

        let patched = try await sandbox.send("PATCH", Self.path + "/w", body: ["spec": ["bar": 1]],
                                             headers: [(name: "Content-Type", value: "application/merge-patch+json")])
        #expect(patched.status == 200 && warnings(patched) == [#"299 - "unknown field \"spec.bar\"""#])
        #expect(patched.json[path: ["spec", "bar"]] == nil)
    }

    @Test func strictFieldValidationRejectsUnknownFields() async throws {
        let sandbox = try await started()
        defer { Task { await sandbox.cluster.stop() } }
        let body = Self.widget("w", ["color": "red", "foo": 1, "zed": 2])
        let answer = try await sandbox.send("POST", Self.path + "?fieldValidation=Strict", body: body)
        #expect(answer.json == [
            "kind": "Status", "apiVersion": "v1", "metadata": .emptyObject, "status": "Failure",
            "message": #"Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.foo", unknown field "spec.zed""#,
            "reason": "BadRequest", "code": 400,
        ])
        #expect(try await sandbox.send("GET", Self.path + "/w").status == 404)

        #expect(try await sandbox.send("POST", Self.path, body: Self.widget("w", ["color": "red"])).status == 201)
        let patch = try await sandbox.send("PATCH", Self.path + "/w?fieldValidation=Strict", body: ["spec": ["bar": 1]],
                                           headers: [(name: "Content-Type", value: "application/merge-patch+json")])
        #expect(patch.status == 422)
        #expect(patch.json[path: ["details", "causes"]]?.arrayValue?.first?["field"] == "patch")
        #expect(patch.json["message"]?.stringValue?.hasPrefix(#" "" is invalid: patch: Invalid value: "{"#) == true)
        #expect(patch.json["message"]?.stringValue?.hasSuffix(#"": strict decoding error: unknown field "spec.bar""#) == true)
        let bad = try await sandbox.send("POST", Self.path + "?fieldValidation=Loose", body: body)
        #expect(bad.status == 400 && bad.json["message"] == "fieldValidation parameter unsupported: Loose")
    }

    @Test func serverSideApplyOfAnUndeclaredFieldIsAnUntypedError() async throws {
        let sandbox = try await started()
        defer { Task { await sandbox.cluster.stop() } }
        var applied = Self.widget("w", ["color": "red", "foo": 1, "bar": 2])
        applied[path: ["metadata", "namespace"]] = "default"
        let answer = try await sandbox.send("PATCH", Self.path + "/w?fieldManager=test&fieldValidation=Ignore",
                                            body: applied, headers: [(name: "Content-Type", value: "application/apply-patch+yaml")])
        #expect(answer.json == [
            "kind": "Status", "apiVersion": "v1", "metadata": .emptyObject, "status": "Failure",
            "message": .string("failed to create typed patch object (default/w; example.com/v1, Kind=Widget): errors:\n"
                + "  .spec.bar: field not declared in schema\n  .spec.foo: field not declared in schema"),
            "code": 500,
        ])
    }

    @Test func updatesRatchetUnchangedInvalidValues() async throws {
        let sandbox = try await started()
        defer { Task { await sandbox.cluster.stop() } }
        let created = try await sandbox.send("POST", Self.path, body: Self.widget("w", ["color": "red", "replicas": 8]))
        #expect(created.json[path: ["metadata", "generation"]] == 1)
        let crdPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com"
        var crd = try await sandbox.send("GET", crdPath).json
        crd[path: ["spec", "versions"]] = try YAML.parse(Self.crd.replacingOccurrences(of: "maximum: 10", with: "maximum: 5"),
                                                         file: "crd")[path: ["spec", "versions"]]
        #expect(try await sandbox.send("PUT", crdPath, body: crd).status == 200)
        let merge = [(name: "Content-Type", value: "application/merge-patch+json")]
        // replicas: 8 now breaks the schema, but it is unchanged, so other edits still pass…
        let recolored = try await sandbox.send("PATCH", Self.path + "/w", body: ["spec": ["color": "blue"]], headers: merge)
        #expect(recolored.status == 200, "\(JSON.encode(recolored.json))")
        // …a pruned-only change is not a spec change…
        let pruned = try await sandbox.send("PATCH", Self.path + "/w", body: ["spec": ["bogus": 1]], headers: merge)
        #expect(pruned.json[path: ["metadata", "generation"]] == 2 && pruned.json[path: ["spec", "bogus"]] == nil)
        // …while changing the value is judged by the new schema.
        let raised = try await sandbox.send("PATCH", Self.path + "/w", body: ["spec": ["replicas": 9]], headers: merge)
        #expect(raised.json["message"]?.stringValue
            == #"Widget.example.com "w" is invalid: spec.replicas: Invalid value: 9: spec.replicas in body should be less than or equal to 5"#)
    }

    @Test func statusWritesAreValidatedByTheStatusSchema() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        let crd = Self.crd.replacingOccurrences(of: "    storage: true\n", with: "    storage: true\n    subresources: {status: {}}\n")
            + "\n          status: {type: object, properties: {ready: {type: boolean}}}"
        let made = try await sandbox.send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
                                          body: try YAML.parse(crd, file: "crd"))
        #expect(made.status == 201)
        #expect(try await sandbox.send("POST", Self.path, body: Self.widget("w", ["color": "red"])).status == 201)
        let merge = [(name: "Content-Type", value: "application/merge-patch+json")]
        let bad = try await sandbox.send("PATCH", Self.path + "/w/status", body: ["status": ["ready": "yes"]], headers: merge)
        #expect(bad.json["message"]?.stringValue
            == #"Widget.example.com "w" is invalid: status.ready: Invalid value: "string": status.ready in body must be of type boolean: "string""#)
        let good = try await sandbox.send("PATCH", Self.path + "/w/status", body: ["status": ["ready": true, "x": 1]], headers: merge)
        #expect(good.status == 200 && good.json["status"] == ["ready": true])
    }

    @Test func openAPIV3PublishesTheCustomKind() async throws {
        let sandbox = try await started()
        defer { Task { await sandbox.cluster.stop() } }
        let index = try await sandbox.send("GET", "/openapi/v3").json
        #expect(index[path: ["paths", "apis/example.com/v1", "serverRelativeURL"]] != nil)
        let document = try await sandbox.send("GET", "/openapi/v3/apis/example.com/v1").json
        let widget = document[path: ["components", "schemas", "com.example.v1.Widget"]]
        #expect(widget?["x-kubernetes-group-version-kind"] == [["group": "example.com", "kind": "Widget", "version": "v1"]])
        #expect(widget?[path: ["properties", "spec", "properties", "replicas"]]
            == ["type": "integer", "minimum": 0, "maximum": 10, "description": "How many widgets."])
        #expect(widget?[path: ["properties", "metadata", "allOf"]]
            == [["$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]])
        #expect(document[path: ["components", "schemas", "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]] != nil)
        #expect(document[path: ["components", "schemas", "com.example.v1.WidgetList", "properties", "items", "items"]]
            == ["$ref": "#/components/schemas/com.example.v1.Widget"])
        let patch = document[path: ["paths", "/apis/example.com/v1/namespaces/{namespace}/widgets/{name}", "patch", "parameters"]]
        #expect(patch?.arrayValue?.contains { $0["name"] == "fieldValidation" } == true)
        #expect(try await sandbox.send("GET", "/openapi/v3/apis/example.org/v1").status == 404)
    }
}
