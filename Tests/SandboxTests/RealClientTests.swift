import Foundation
import Testing
import TestSupport
@testable import Sandbox

/// The sandbox judged by real clients other than kubectl: Helm v4's engine (helm-python-sdk: client-go,
/// server-side apply, release Secrets, its kstatus readiness watcher) installs, upgrades, rolls back and
/// uninstalls a chart while kubectl reads the objects back; the official Python client lists with paging,
/// watches, patches and gets Kubernetes' error codes. Both come from `.venv-tools` (scripts/setup-python-tools.sh,
/// run by `make test`); the scripts are in `clients/` and run by hand too.
@Suite(.serialized) struct RealClientTests {
    static let clients = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("clients")
    static let reason = Comment(rawValue: ToolsVenv.missing + " for helm-python-sdk and the kubernetes client")

    struct Run: Sendable { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ executable: String, _ arguments: [String], home: URL) async throws -> Run {
        let run = try await ToolProcess.run(executable, arguments, environment: [
            "HOME": home.path, "PATH": "/usr/local/bin:/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1",
        ])
        return Run(status: run.status, stdout: run.stdoutText, stderr: run.stderrText)
    }

    /// Runs a client script and decodes the JSON object it prints.
    static func script(_ name: String, _ arguments: [String], home: URL) async throws -> [String: Any] {
        let result = try await run(ToolsVenv.python, [clients.appendingPathComponent(name).path] + arguments, home: home)
        guard result.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw KubectlFailure(args: [name] + arguments, status: result.status, stderr: result.stderr + result.stdout)
        }
        return object
    }

    static func kubectl(_ sandbox: RunningSandbox, _ arguments: [String]) async throws -> Run {
        try await run("/usr/bin/env", ["kubectl", "--kubeconfig", sandbox.cluster.kubeconfigPath.path,
                                       "--request-timeout=20s"] + arguments, home: sandbox.directory)
    }

    @Test(.enabled(if: ToolsVenv.available, reason))
    func helmInstallsUpgradesRollsBackAndUninstallsAChart() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { try? FileManager.default.removeItem(at: sandbox.directory) }
        let kubeconfig = sandbox.cluster.kubeconfigPath.path
        let chart = Self.clients.appendingPathComponent("charts/shop").path
        func helm(_ action: String, _ values: String = "{}") async throws -> [String: Any] {
            try await Self.script("helm_client.py", [kubeconfig, chart, action, values], home: sandbox.directory)
        }
        func get(_ arguments: String...) async throws -> String {
            let result = try await Self.kubectl(sandbox, arguments)
            #expect(result.status == 0, "kubectl \(arguments.joined(separator: " ")): \(result.stderr)")
            return result.stdout
        }

        // Install waits (Helm's kstatus watcher) until the Deployment's simulated Pods are ready.
        let installed = try await helm("install", #"{"greeting": "hi"}"#)
        #expect(installed["revision"] as? Int == 1)
        #expect(installed["status"] as? String == "deployed")
        let names = try await get("get", "deploy,svc,cm,sa,secret", "-n", "shop", "-l", "app.kubernetes.io/managed-by=Helm",
                                  "-o", "name")
        #expect(names.split(separator: "\n").sorted() == ["configmap/shop-config", "deployment.apps/shop", "secret/shop-secret",
                                                        "service/shop", "serviceaccount/shop"])
        #expect(try await get("get", "deploy", "shop", "-n", "shop", "-o",
                              "jsonpath={.metadata.annotations.meta\\.helm\\.sh/release-name} {.status.readyReplicas}") == "shop 2")
        #expect(try await get("get", "cm", "shop-config", "-n", "shop", "-o", "jsonpath={.data.greeting}") == "hi")
        // stringData is write-only: the server stores it base64-encoded under data.
        let secret = try await get("get", "secret", "shop-secret", "-n", "shop", "-o", "jsonpath={.type} {.data.password} {.stringData}")
        #expect(secret == "Opaque \(Data("s3cr3t-value".utf8).base64EncodedString()) ")
        // The release record is a labelled Secret, found by label selector.
        #expect(try await get("get", "secret", "-n", "shop", "-l", "owner=helm,name=shop", "-o", "name")
            == "secret/sh.helm.release.v1.shop.v1\n")

        let upgraded = try await helm("upgrade", #"{"greeting": "bonjour", "replicas": 3}"#)
        #expect(upgraded["revision"] as? Int == 2)
        #expect(try await get("get", "cm", "shop-config", "-n", "shop", "-o", "jsonpath={.data.greeting}") == "bonjour")
        #expect(try await get("get", "deploy", "shop", "-n", "shop", "-o", "jsonpath={.spec.replicas} {.status.readyReplicas}") == "3 3")

        let rolledBack = try await helm("rollback")
        #expect(rolledBack["revision"] as? Int == 3)
        #expect(try await get("get", "cm", "shop-config", "-n", "shop", "-o", "jsonpath={.data.greeting}") == "hi")
        #expect(try await get("get", "deploy", "shop", "-n", "shop", "-o", "jsonpath={.spec.replicas}") == "2")

        // Uninstall deletes with protobuf DeleteOptions bodies, then waits until the objects are gone.
        let uninstalled = try await helm("uninstall")
        #expect(uninstalled["uninstalled"] as? Bool == true)
        #expect((uninstalled["remaining"] as? [Any])?.isEmpty == true)
        let gone = try await Self.kubectl(sandbox, ["get", "deploy,svc,cm,sa,secret", "-n", "shop", "-o", "name"])
        #expect(gone.stdout.split(separator: "\n").filter { !$0.hasPrefix("configmap/kube-root-ca.crt") }.isEmpty,
                "left after uninstall: \(gone.stdout)")
        let missing = try await Self.kubectl(sandbox, ["get", "cm", "shop-config", "-n", "shop"])
        #expect(missing.status != 0 && missing.stderr.contains("NotFound"))
    }

    @Test(.enabled(if: ToolsVenv.available, reason))
    func pythonClientPagesWatchesPatchesAndSeesErrorCodes() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { try? FileManager.default.removeItem(at: sandbox.directory) }
        let out = try await Self.script("python_client.py", [sandbox.cluster.kubeconfigPath.path], home: sandbox.directory)
        let paged = out["paged"] as? [String: Any]
        #expect(paged?["names"] as? [String] == (0..<7).map { "cm-\($0)" })
        #expect(paged?["pages"] as? Int == 3)
        // Strategic merge by the `name` merge key keeps A and adds B; JSON patch replaced one value; the merge
        // patch's null removed a key.
        #expect(out["strategic_env"] as? [String] == ["A", "B"])
        #expect(out["cm0"] as? [String: String] == ["i": "0", "extra": "x"])
        #expect(out["cm1"] as? [String: String] == ["i": "one"])
        #expect(out["cm3"] as? [String: String] == ["merged": "yes"])
        // The watch from the list's resourceVersion saw exactly the later changes, in order.
        #expect(out["watch"] as? [[String]] == [["MODIFIED", "cm-0"], ["MODIFIED", "cm-1"], ["MODIFIED", "cm-3"],
                                                ["DELETED", "cm-6"]])
        let notFound = out["not_found"] as? [String: Any], conflict = out["conflict"] as? [String: Any]
        #expect(notFound?["status"] as? Int == 404)
        #expect(notFound?["reason"] as? String == "NotFound")
        #expect(conflict?["status"] as? Int == 409)
        #expect(conflict?["reason"] as? String == "Conflict")
    }
}
