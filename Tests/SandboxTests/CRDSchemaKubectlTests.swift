import FerryCore
import Foundation
import Testing
@testable import Sandbox

/// Custom resources judged by their schema, as real kubectl 1.32 sees it (serialized with the other kubectl
/// tests). kubectl's `apply`/`create` send `fieldValidation=Strict` (its `--validate` defaults to strict), so an
/// unknown field fails unless `--validate=warn`; `kubectl patch` sends none and gets the server default, Warn.
extension KubectlTests {
    static let widget1 = """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w1, namespace: default}
        spec: {color: red, replicas: 3}
        """

    private func startedWithWidgets() async throws -> RunningSandbox {
        let sandbox = try await RunningSandbox.start()
        try await sandbox.kubectl.succeed(["apply", "-f", "-"], stdin: CRDSchemaHTTPTests.crd)
        try await sandbox.kubectl.succeed(["wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=10s"])
        return sandbox
    }

    @Test func kubectlApplyOfAnInvalidCustomResourceNamesTheField() async throws {
        let sandbox = try await startedWithWidgets()
        defer { Task { await sandbox.cluster.stop() } }
        let result = try await sandbox.kubectl.detached(["apply", "-f", "-"],
                                             stdin: Self.widget1.replacingOccurrences(of: "replicas: 3", with: "replicas: \"3\""))
        #expect(result.status != 0)
        #expect(result.stderr == #"The Widget "w1" is invalid: spec.replicas: Invalid value: "string": "#
            + #"spec.replicas in body must be of type integer: "string""# + "\n", "\(result.stderr)")
        let several = try await sandbox.kubectl.detached(["apply", "-f", "-"], stdin: Self.widget1
            .replacingOccurrences(of: "color: red", with: "color: green").replacingOccurrences(of: "replicas: 3", with: "replicas: 11"))
        #expect(several.stderr == #"The Widget "w1" is invalid: "# + "\n"
            + #"* spec.color: Unsupported value: "green": supported values: "red", "blue""# + "\n"
            + "* spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10\n", "\(several.stderr)")
        #expect(try await sandbox.kubectl.detached(["get", "widget", "w1"]).status != 0)
    }

    @Test func kubectlApplyOfAnUnknownFieldFailsStrictlyOrWarnsAndPrunes() async throws {
        let sandbox = try await startedWithWidgets()
        defer { Task { await sandbox.cluster.stop() } }
        let kubectl = sandbox.kubectl
        let unknown = Self.widget1.replacingOccurrences(of: "replicas: 3", with: "replicas: 3, foo: bar")
        let strict = try await kubectl.detached(["apply", "-f", "-"], stdin: unknown)
        #expect(strict.status != 0)
        #expect(strict.stderr == #"Error from server (BadRequest): error when creating "STDIN": Widget in version "v1" "#
            + #"cannot be handled as a Widget: strict decoding error: unknown field "spec.foo""# + "\n", "\(strict.stderr)")

        let warned = try await kubectl.detached(["apply", "--validate=warn", "-f", "-"], stdin: unknown)
        #expect(warned.status == 0)
        #expect(warned.stdout == "widget.example.com/w1 created\n")
        #expect(warned.stderr == #"Warning: unknown field "spec.foo""# + "\n", "\(warned.stderr)")
        let yaml = try await kubectl.succeed(["get", "widget", "w1", "-o", "yaml"])
        #expect(yaml.contains("spec:\n  color: red\n  replicas: 3\n"), "\(yaml)")
        #expect(!yaml.contains("foo: bar\n"), "pruned from the stored object (only last-applied keeps it): \(yaml)")

        let patched = try await kubectl.detached(["patch", "widget", "w1", "--type", "merge", "-p", #"{"spec":{"bar":1}}"#])
        // Only a pruned field changed, so the stored object did not: kubectl sees the same resourceVersion.
        #expect(patched.stdout == "widget.example.com/w1 patched (no change)\n")
        #expect(patched.stderr == #"Warning: unknown field "spec.bar""# + "\n")
    }

    @Test func kubectlServerSideApplyOfAnUndeclaredFieldFails() async throws {
        let sandbox = try await startedWithWidgets()
        defer { Task { await sandbox.cluster.stop() } }
        let unknown = Self.widget1.replacingOccurrences(of: "replicas: 3", with: "replicas: 3, foo: bar, extra: {free: 1}")
        let result = try await sandbox.kubectl.detached(["apply", "--server-side", "-f", "-"], stdin: unknown)
        #expect(result.status != 0)
        #expect(result.stderr == "Error from server: failed to create typed patch object (default/w1; example.com/v1, "
            + "Kind=Widget): .spec.foo: field not declared in schema\n", "\(result.stderr)")
        let applied = try await sandbox.kubectl.succeed(["apply", "--server-side", "-f", "-"],
                                             stdin: Self.widget1.replacingOccurrences(of: "replicas: 3", with: "replicas: 3, extra: {free: 1}"))
        #expect(applied == "widget.example.com/w1 serverside-applied\n")
        #expect(try await sandbox.kubectl.succeed(["get", "widget", "w1", "-o", "jsonpath={.spec.extra.free}"]) == "1")
    }

    @Test func kubectlExplainReadsTheCustomKindsSchema() async throws {
        let sandbox = try await startedWithWidgets()
        defer { Task { await sandbox.cluster.stop() } }
        let kind = try await sandbox.kubectl.succeed(["explain", "widgets"])
        #expect(kind.hasPrefix("GROUP:      example.com\nKIND:       Widget\nVERSION:    v1\n\nDESCRIPTION:\n    A Widget is a test kind."), "\(kind)")
        #expect(kind.contains("  metadata\t<ObjectMeta>\n") && kind.contains("  spec\t<Object>\n    The desired widget."), "\(kind)")
        let spec = try await sandbox.kubectl.succeed(["explain", "widgets.spec"])
        #expect(spec.contains("FIELD: spec <Object>"), "\(spec)")
        #expect(spec.contains("  color\t<string> -required-\n  enum: red, blue\n"), "\(spec)")
        #expect(spec.contains("  replicas\t<integer>\n    How many widgets.\n"), "\(spec)")
        #expect(spec.contains("  tags\t<[]string>\n"), "\(spec)")
        let field = try await sandbox.kubectl.succeed(["explain", "widgets.spec.replicas"])
        #expect(field.contains("FIELD: replicas <integer>") && field.contains("How many widgets."), "\(field)")
    }
}
