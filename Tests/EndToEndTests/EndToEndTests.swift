import FerryCore
import Foundation
import Testing

/// The whole product, as a user meets it: a real Git repository, `ferry serve` with its sandbox cluster,
/// the `ferry` CLI, and real `kubectl` as the independent judge of what Ferry did.
@Suite(.serialized) struct EndToEndTests {
    static let configMap = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: web-config
    data:
      greeting: hello

    """

    static func deployment(image: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: \(image)
                ports:
                - containerPort: 80

        """
    }

    static let service = """
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector:
        app: web
      ports:
      - port: 80

    """

    func application(_ ferry: FerryProcess, _ name: String) throws -> Application {
        let json = try ferry.cliOK(["app", "get", name, "-o", "json"])
        return try APICoding.decoder().decode(Application.self, from: Data(json.utf8))
    }

    func waitFor(_ ferry: FerryProcess, _ name: String, revision: String, sync: SyncStatus = .synced,
                 health: HealthStatus = .healthy) async throws -> Application {
        try await eventually("\(name) to be \(sync.rawValue)/\(health.rawValue) at \(revision.prefix(7))") {
            let app = try application(ferry, name)
            return app.status.sync.revision == revision && app.status.sync.status == sync
                && app.status.health.status == health ? app : nil
        }
    }

    func kubectlJSONPath(_ ferry: FerryProcess, _ args: [String], _ path: String) throws -> String {
        let result = try ferry.kubectl(["get"] + args + ["-o", "jsonpath=\(path)"])
        guard result.status == 0 else { throw CommandFailure(command: "kubectl get \(args)", result: result) }
        return result.stdout
    }

    @Test func gitToClusterSyncPruneRollbackAndCascadeDelete() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let repo = try GitFixture(directory: root.appendingPathComponent("repo"))
        try repo.write("apps/web/configmap.yaml", Self.configMap)
        try repo.write("apps/web/deployment.yaml", Self.deployment(image: "nginx:1.26"))
        try repo.write("apps/web/service.yaml", Self.service)
        let first = try repo.commit("web app")

        let ferry = try FerryProcess(dataDirectory: root.appendingPathComponent("data"))
        try await ferry.start()
        defer { ferry.stop() }

        // The admin token file is private.
        let attributes = try FileManager.default.attributesOfItem(atPath: ferry.dataDirectory.appendingPathComponent("admin-token").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        // Register through the API (via the CLI) with automated sync; wait for Synced + Healthy.
        try ferry.cliOK(["app", "create", "web", "--repo", repo.url, "--path", "apps/web", "--revision", "main",
                         "--dest-namespace", "web", "--auto-sync", "--create-namespace"])
        _ = try await waitFor(ferry, "web", revision: first)
        #expect(try kubectlJSONPath(ferry, ["deployment", "web", "-n", "web"], "{.spec.template.spec.containers[0].image}") == "nginx:1.26")
        #expect(try kubectlJSONPath(ferry, ["configmap", "web-config", "-n", "web"], "{.data.greeting}") == "hello")
        let tracking = try kubectlJSONPath(ferry, ["service", "web", "-n", "web"], "{.metadata.annotations.ferry\\.dev/tracking-id}")
        #expect(tracking == "web:/Service:web/web")
        #expect(try ferry.cli(["app", "diff", "web"]).status == 0)
        let list = try ferry.cliOK(["app", "list"])
        #expect(list.contains("web") && list.contains("Synced") && list.contains("Healthy"))

        // A new commit is synced automatically.
        try repo.write("apps/web/deployment.yaml", Self.deployment(image: "nginx:1.27"))
        let second = try repo.commit("bump nginx")
        _ = try await waitFor(ferry, "web", revision: second)
        #expect(try kubectlJSONPath(ferry, ["deployment", "web", "-n", "web"], "{.spec.template.spec.containers[0].image}") == "nginx:1.27")

        // Deleting a manifest leaves the object until a sync with prune removes it.
        try repo.remove("apps/web/configmap.yaml")
        let third = try repo.commit("drop configmap")
        _ = try await waitFor(ferry, "web", revision: third, sync: .outOfSync)
        let diff = try ferry.cli(["app", "diff", "web"])
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("ConfigMap/web/web-config"))
        let syncOutput = try ferry.cliOK(["app", "sync", "web", "--prune"])
        #expect(syncOutput.contains("ConfigMap/web/web-config deleted"))
        #expect(try ferry.kubectl(["get", "configmap", "web-config", "-n", "web"]).status != 0)
        _ = try await waitFor(ferry, "web", revision: third)

        // Roll back to the first sync: the old image and the ConfigMap return, and the app stays pinned.
        let historyJSON = try ferry.cliOK(["app", "history", "web", "-o", "json"])
        let runs = try APICoding.decoder().decode([SyncRun].self, from: Data(historyJSON.utf8))
        let firstRun = try #require(runs.first { $0.revision == first })
        try ferry.cliOK(["app", "rollback", "web", String(firstRun.id)])
        #expect(try kubectlJSONPath(ferry, ["deployment", "web", "-n", "web"], "{.spec.template.spec.containers[0].image}") == "nginx:1.26")
        #expect(try kubectlJSONPath(ferry, ["configmap", "web-config", "-n", "web"], "{.data.greeting}") == "hello")
        let pinned = try application(ferry, "web")
        #expect(pinned.status.sync.status == .outOfSync)
        #expect(pinned.status.history.last?.rollbackOf == firstRun.id)
        // A refresh does not undo the rollback while Git has not moved.
        try ferry.cliOK(["app", "get", "web", "--refresh"])
        #expect(try kubectlJSONPath(ferry, ["deployment", "web", "-n", "web"], "{.spec.template.spec.containers[0].image}") == "nginx:1.26")

        // Cascade delete removes the app's objects.
        try ferry.cliOK(["app", "delete", "web", "--cascade"])
        #expect(try ferry.kubectl(["get", "deployment", "web", "-n", "web"]).status != 0)
        #expect(try ferry.kubectl(["get", "service", "web", "-n", "web"]).status != 0)
        #expect(try ferry.cli(["app", "get", "web"]).status != 0)
    }

    @Test func invalidManifestMarksTheAppAndAppliesNothing() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let repo = try GitFixture(directory: root.appendingPathComponent("repo"))
        try repo.write("bad/configmap.yaml", Self.configMap)
        try repo.write("bad/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\nkind: Service\nmetadata:\n  name: x\n")
        try repo.commit("broken")

        let ferry = try FerryProcess(dataDirectory: root.appendingPathComponent("data"))
        try await ferry.start()
        defer { ferry.stop() }

        try ferry.cliOK(["app", "create", "bad", "--repo", repo.url, "--path", "bad", "--dest-namespace", "default", "--auto-sync"])
        let app = try await eventually("a condition on app 'bad'") {
            let app = try application(ferry, "bad")
            return app.status.conditions.isEmpty ? nil : app
        }
        let message = app.status.conditions[0].message
        #expect(message.contains("bad/broken.yaml:6"))
        #expect(message.contains("apiVersion"))
        #expect(try ferry.kubectl(["get", "configmap", "web-config", "-n", "default"]).status != 0)

        // A missing repository shows the Git error.
        try ferry.cliOK(["app", "create", "gone", "--repo", "file:///nonexistent/repo", "--path", ".", "--dest-namespace", "default"])
        let gone = try await eventually("a Git condition on app 'gone'") {
            let app = try application(ferry, "gone")
            return app.status.conditions.first { $0.type == Condition.gitError }
        }
        #expect(gone.message.contains("/nonexistent/repo"))
    }
}
