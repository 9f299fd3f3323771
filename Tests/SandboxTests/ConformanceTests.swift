import FerryCore
import Foundation
import Testing
@testable import Sandbox

// kubectl conformance suite (issue 3): real kubectl 1.32 against the sandbox, each output compared with what a
// real API server makes kubectl print. Required command → test (D = ConformanceDeletionTests.swift):
//
//  1 apply -f (create)                               clientSideApplyTwiceThenPrunesContainerEnvAndPort
//  2 apply -f again (unchanged)                      clientSideApplyTwiceThenPrunesContainerEnvAndPort
//  3 apply -f removing a container, env var, port    clientSideApplyTwiceThenPrunesContainerEnvAndPort
//  4 diff (exit 0)                                   clientSideApplyTwiceThenPrunesContainerEnvAndPort
//  5 diff (exit 1)                                   clientSideApplyTwiceThenPrunesContainerEnvAndPort
//  6 get -o wide                                     clientSideApplyTwiceThenPrunesContainerEnvAndPort
//  7 apply --server-side (conflict)                  serverSideApplyConflictAndForceConflicts
//  8 apply --server-side --force-conflicts           serverSideApplyConflictAndForceConflicts
//  9 get -o json --show-managed-fields               serverSideApplyConflictAndForceConflicts
// 10 rollout status                                  rolloutStatusScaleAndWaitAvailable
// 11 scale --replicas                                rolloutStatusScaleAndWaitAvailable
// 12 rollout restart                                 rolloutStatusScaleAndWaitAvailable
// 13 get -o jsonpath with a filter expression        rolloutStatusScaleAndWaitAvailable
// 14 patch --type merge                              patchTypesAndNoChange
// 15 patch --type json                               patchTypesAndNoChange
// 16 patch (no change)                               patchTypesAndNoChange
// 17 label (and "not labeled")                       labelAnnotateReplaceOnAConfigMapAddNoGenerationOrSpec
// 18 annotate                                        labelAnnotateReplaceOnAConfigMapAddNoGenerationOrSpec
// 19 replace -f                                      labelAnnotateReplaceOnAConfigMapAddNoGenerationOrSpec
// 20 replace -f of a stale object (409 Conflict)     labelAnnotateReplaceOnAConfigMapAddNoGenerationOrSpec
// 21 get --field-selector (= and !=)                 labelAnnotateReplaceOnAConfigMapAddNoGenerationOrSpec
// 22 create namespace --dry-run=server               dryRunWritesStoreNothing
// 23 create configmap --dry-run=server -o yaml       dryRunWritesStoreNothing
// 24 delete --dry-run=server                         dryRunWritesStoreNothing
// 25 apply --server-side --dry-run=server            dryRunWritesStoreNothing
// 26 label --dry-run=server                          dryRunWritesStoreNothing
// 27 patch --dry-run=server                          dryRunWritesStoreNothing
// 28 create -f with generateName                     generateNameAndInvalidNames
// 29 create configmap with a bad name (422)          generateNameAndInvalidNames
// 30 create -f missing required fields (422)         missingRequiredFieldsAre422WithFieldCauses
// 31 create --raw (422 with causes)                  missingRequiredFieldsAre422WithFieldCauses
// 32 api-resources --api-group                       apiResourcesAndExplain
// 33 api-resources --namespaced=false -o name        apiResourcesAndExplain
// 34 explain (kind, field path, IntOrString)         apiResourcesAndExplain
// 35 delete --raw on a collection (deletecollection, dryRun=All, labelSelector)  D deleteCollectionHonours…
// 36 delete --cascade=orphan|background|foreground   D deleteCascadeModesHandleDependents
// 37 delete --all                                    D deleteCascadeModesHandleDependents
// 38 get pods / get rs (columns, owned objects)      D deploymentsOwnReplicaSetsAndPodsThatCascadeWithTheirOwner
// 39 delete deployment with each cascade mode (Deployment → ReplicaSet → Pods)  D same test
// 40 delete of an object with finalizers             D finalizersHoldDeletionUntilRemoved
// 41 wait --for=delete                               D finalizersHoldDeletionUntilRemoved
// 42 wait --for=condition=Available (after scale)    rolloutStatusScaleAndWaitAvailable
// Asserted before this suite (KubectlTests, KubectlWatchTests, StrategicPatchKubectlTests), 20 more: get ns,
// version -o json, apply --server-side (create; reapply dropping fields), get -o yaml --show-managed-fields,
// get -o jsonpath, wait --for=condition=Available, create namespace, create configmap, get all -A, get -A,
// get -l (incl. notin), get -o name, get (NotFound), delete -f, delete namespace, create -f,
// patch --type strategic, patch --local, get -w --output-watch-events --request-timeout, get --chunk-size,
// get --raw.
extension KubectlTests {
    /// The `web` Deployment; `full` adds port 9090, the DEBUG variable and a sidecar container.
    static func webDeployment(full: Bool) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ports:
                - containerPort: 80\(full ? "\n        - containerPort: 9090" : "")
                env:
                - {name: MODE, value: production}\(full ? "\n        - {name: DEBUG, value: \"true\"}" : "")\(full ? "\n      - name: sidecar\n        image: busybox:1.36" : "")
        """
    }

    static let twoContainers = webDeployment(full: true)

    /// The same Deployment without the sidecar, the DEBUG variable and port 9090.
    static let oneContainer = webDeployment(full: false)

    @Test func clientSideApplyTwiceThenPrunesContainerEnvAndPort() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        #expect(try await k.succeed(["apply", "-f", "-"], stdin: Self.twoContainers) == "deployment.apps/web created\n")
        #expect(try await k.succeed(["apply", "-f", "-"], stdin: Self.twoContainers) == "deployment.apps/web unchanged\n")
        let same = try await k.detached(["diff", "-f", "-"], stdin: Self.twoContainers)
        #expect(same.status == 0 && same.stdout.isEmpty, "\(same.stderr)")
        let changed = try await k.detached(["diff", "-f", "-"],
                                           stdin: Self.twoContainers.replacingOccurrences(of: "nginx:1.27", with: "nginx:1.28"))
        #expect(changed.status == 1, "\(changed.stderr)")
        #expect(changed.stdout.contains("\n-        image: nginx:1.27\n+        image: nginx:1.28\n"))
        #expect(changed.stdout.contains("\n-  generation: 1\n+  generation: 2\n"))

        let wide = try await k.succeed(["get", "deploy", "web", "-o", "wide"])
        let header = wide.split(separator: "\n").first.map { $0.split(separator: " ") }
        #expect(header == ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"])
        let row = wide.split(separator: "\n").dropFirst().first.map { $0.split(separator: " ") } ?? []
        #expect(row.first == "web" && row.suffix(3) == ["web,sidecar", "nginx:1.27,busybox:1.36", "app=web"])

        #expect(try await k.succeed(["apply", "-f", "-"], stdin: Self.oneContainer) == "deployment.apps/web configured\n")
        let path = "{.spec.template.spec.containers[*].name}|{.spec.template.spec.containers[0].env[*].name}|"
            + "{.spec.template.spec.containers[0].ports[*].containerPort}"
        #expect(try await k.succeed(["get", "deploy", "web", "-o", "jsonpath=\(path)"]) == "web|MODE|80")
    }

    @Test func serverSideApplyConflictAndForceConflicts() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        try await k.succeed(["apply", "--server-side", "-f", "-"], stdin: Self.oneContainer)
        let newer = Self.oneContainer.replacingOccurrences(of: "nginx:1.27", with: "nginx:1.28")
        let conflict = try await k.detached(["apply", "--server-side", "--field-manager=other", "-f", "-"], stdin: newer)
        #expect(conflict.status == 1)
        #expect(conflict.stderr.hasPrefix("error: Apply failed with 1 conflict: conflict with \"kubectl\" using apps/v1: "
                                          + ".spec.template.spec.containers[name=\"web\"].image\n"), "\(conflict.stderr)")
        let forced = try await k.succeed(["apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", "-"],
                                         stdin: newer)
        #expect(forced == "deployment.apps/web serverside-applied\n")
        let live = try JSON.parse(try await k.succeed(["get", "deploy", "web", "-o", "json", "--show-managed-fields"]))
        let containers = live[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? []
        #expect(containers.first?["image"]?.stringValue == "nginx:1.28")
        let managers = live[path: ["metadata", "managedFields"]]?.arrayValue?.compactMap { $0["manager"]?.stringValue }
        #expect(managers?.sorted() == ["kubectl", "other"])
    }

    @Test func rolloutStatusScaleAndWaitAvailable() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        try await k.succeed(["apply", "-f", "-"], stdin: Self.oneContainer)
        let status = try await k.succeed(["rollout", "status", "deployment/web", "--timeout=15s"])
        #expect(status.split(separator: "\n").last == "deployment \"web\" successfully rolled out")
        #expect(try await k.succeed(["scale", "deployment/web", "--replicas=3"]) == "deployment.apps/web scaled\n")
        #expect(try await k.succeed(["wait", "--for=condition=Available", "deployment/web", "--timeout=15s"])
                == "deployment.apps/web condition met\n")
        let ready = try await poll {
            try await k.succeed(["get", "deploy", "web", "-o", "jsonpath={.status.readyReplicas}"]) == "3"
        }
        #expect(ready)
        let available = try await k.succeed(["get", "deploy", "web", "-o",
                                             "jsonpath={.status.conditions[?(@.type==\"Available\")].reason}"])
        #expect(available == "MinimumReplicasAvailable")
        #expect(try await k.succeed(["rollout", "restart", "deployment/web"]) == "deployment.apps/web restarted\n")
        let restarted = try await k.succeed(["get", "deploy", "web", "-o",
                                             "jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}"])
        #expect(!restarted.isEmpty)
    }

    @Test func patchTypesAndNoChange() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        try await k.succeed(["apply", "-f", "-"], stdin: Self.oneContainer)
        #expect(try await k.succeed(["patch", "deploy", "web", "--type", "merge", "-p", #"{"spec":{"replicas":1}}"#])
                == "deployment.apps/web patched\n")
        let json = #"[{"op":"replace","path":"/spec/replicas","value":4}]"#
        #expect(try await k.succeed(["patch", "deploy", "web", "--type", "json", "-p", json]) == "deployment.apps/web patched\n")
        #expect(try await k.succeed(["patch", "deploy", "web", "--type", "json", "-p", json])
                == "deployment.apps/web patched (no change)\n")
        #expect(try await k.succeed(["get", "deploy", "web", "-o", "jsonpath={.spec.replicas} {.metadata.generation}"]) == "4 3")
    }

    @Test func labelAnnotateReplaceOnAConfigMapAddNoGenerationOrSpec() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        #expect(try await k.succeed(["create", "configmap", "c1", "--from-literal=a=b"]) == "configmap/c1 created\n")
        #expect(try await k.succeed(["label", "configmap", "c1", "tier=x"]) == "configmap/c1 labeled\n")
        #expect(try await k.succeed(["label", "configmap", "c1", "tier=x"]) == "configmap/c1 not labeled\n")
        #expect(try await k.succeed(["annotate", "configmap", "c1", "note=hi"]) == "configmap/c1 annotated\n")
        let live = try JSON.parse(try await k.succeed(["get", "configmap", "c1", "-o", "json"]))
        #expect(live["spec"] == nil)
        #expect(live[path: ["metadata", "generation"]] == nil)
        #expect(live[path: ["metadata", "labels", "tier"]] == "x")
        #expect(live[path: ["metadata", "annotations", "note"]] == "hi")

        let yaml = try await k.succeed(["get", "configmap", "c1", "-o", "yaml"])
        let edited = yaml.replacingOccurrences(of: "  a: b", with: "  a: c")
        #expect(try await k.succeed(["replace", "-f", "-"], stdin: edited) == "configmap/c1 replaced\n")
        #expect(try await k.succeed(["get", "cm", "c1", "-o", "jsonpath={.data.a}"]) == "c")
        let stale = try await k.detached(["replace", "-f", "-"], stdin: edited)
        #expect(stale.stderr.contains("Error from server (Conflict): error when replacing \"STDIN\": Operation cannot be "
                                      + "fulfilled on configmaps \"c1\": the object has been modified"), "\(stale.stderr)")

        try await k.succeed(["create", "configmap", "c2"])
        #expect(try await k.succeed(["get", "cm", "--field-selector", "metadata.name=c2", "-o", "name"]) == "configmap/c2\n")
        #expect(try await k.succeed(["get", "cm", "--field-selector", "metadata.name!=c2", "-o", "name"]) == "configmap/c1\n")
    }

    @Test func dryRunWritesStoreNothing() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        #expect(try await k.succeed(["create", "namespace", "team-b", "--dry-run=server"])
                == "namespace/team-b created (server dry run)\n")
        let missing = try await k.detached(["get", "namespace", "team-b"])
        #expect(missing.stderr == "Error from server (NotFound): namespaces \"team-b\" not found\n")
        let preview = try YAML.parse(try await k.succeed(["create", "configmap", "gen", "--from-literal=x=y",
                                                          "--dry-run=server", "-o", "yaml"]), file: "stdout")
        #expect(preview[path: ["metadata", "uid"]] != nil && preview[path: ["metadata", "resourceVersion"]] == nil)
        #expect(try await k.detached(["get", "configmap", "gen"]).status == 1)

        try await k.succeed(["create", "configmap", "keep"])
        #expect(try await k.succeed(["delete", "configmap", "keep", "--dry-run=server"])
                == "configmap \"keep\" deleted (server dry run)\n")
        #expect(try await k.succeed(["get", "configmap", "keep", "-o", "name"]) == "configmap/keep\n")
        #expect(try await k.succeed(["apply", "--server-side", "--dry-run=server", "-f", "-"], stdin: Self.oneContainer)
                == "deployment.apps/web serverside-applied (server dry run)\n")
        #expect(try await k.detached(["get", "deployment", "web"]).status == 1)
        #expect(try await k.succeed(["label", "configmap", "keep", "a=b", "--dry-run=server"])
                == "configmap/keep labeled (server dry run)\n")
        // kubectl 1.32's patch prints no "(server dry run)" suffix (its printer ignores the dry-run strategy).
        #expect(try await k.succeed(["patch", "configmap", "keep", "--type", "merge", "-p", #"{"data":{"x":"y"}}"#,
                                     "--dry-run=server"]) == "configmap/keep patched\n")
        #expect(try await k.succeed(["get", "configmap", "keep", "-o", "jsonpath={.metadata.labels}{.data}"]).isEmpty)
    }

    @Test func generateNameAndInvalidNames() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        let generated = try await k.succeed(["create", "-f", "-"],
                                            stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: gen-\n")
        #expect(generated.wholeMatch(of: /configmap\/gen-[bcdfghjklmnpqrstvwxz2456789]{5} created\n/) != nil, "\(generated)")
        let invalid = try await k.detached(["create", "configmap", "Bad_Name"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr == "error: failed to create configmap: ConfigMap \"Bad_Name\" is invalid: metadata.name: "
                + "Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
                + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n")
    }

    @Test func missingRequiredFieldsAre422WithFieldCauses() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        let noContainers = "apiVersion: v1\nkind: Pod\nmetadata: {name: bare}\nspec: {containers: []}\n"
        let one = try await k.detached(["create", "-f", "-"], stdin: noContainers)
        #expect(one.status == 1)
        #expect(one.stderr == "The Pod \"bare\" is invalid: spec.containers: Required value\n", "\(one.stderr)")
        let noSpec = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 1}\n"
        let two = try await k.detached(["create", "-f", "-"], stdin: noSpec)
        #expect(two.stderr == "The Deployment \"web\" is invalid: \n* spec.selector: Required value\n"
                + "* spec.template.spec.containers: Required value\n", "\(two.stderr)")
        let json = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"bare"},"spec":{"containers":[]}}"#
        let raw = try await k.detached(["create", "--raw", "/api/v1/namespaces/default/pods", "-f", "-"], stdin: json)
        #expect(raw.stderr == "The Pod \"bare\" is invalid: spec.containers: Required value\n",
                "\(raw.stderr)")
    }

    @Test func apiResourcesAndExplain() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        let table = try await k.succeed(["api-resources", "--api-group=apps"])
        let rows = table.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.first == ["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"])
        #expect(rows.contains(["deployments", "deploy", "apps/v1", "true", "Deployment"]))
        let cluster = try await k.succeed(["api-resources", "--namespaced=false", "-o", "name"])
        #expect(cluster.split(separator: "\n").contains("namespaces"))
        #expect(!cluster.split(separator: "\n").contains("configmaps"))
        // explain reads the per-group-version /openapi/v3 documents' component schemas.
        let explain = try await k.succeed(["explain", "deployment.spec.replicas"])
        #expect(explain.hasPrefix("GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n"))
        #expect(explain.contains("DESCRIPTION:\n    Number of desired pods."))
        let configMap = try await k.succeed(["explain", "configmap"])
        #expect(configMap.hasPrefix("KIND:       ConfigMap\nVERSION:    v1\n\nDESCRIPTION:\n"))
        #expect(configMap.contains("  apiVersion\t<string>\n    APIVersion defines"))
        #expect(configMap.contains("  data\t<map[string]string>\n"))
        let strategy = try await k.succeed(["explain", "deployment.spec.strategy.rollingUpdate.maxSurge"])
        #expect(strategy.contains("FIELD: maxSurge <IntOrString>\n"))
    }
}

/// Polls `condition` every 50 ms until it holds or `seconds` pass (a bounded wait, not a synchronising sleep).
func poll(within seconds: Double = 15, _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}
