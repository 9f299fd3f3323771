import FerryCore
import Foundation
import Testing
@testable import FerryCLI

@Suite struct AppCreateTests {
    private func applicationJSON(_ extra: [String]) throws -> Value {
        let args = ["app", "create", "web", "--repo", "https://git/x.git", "--path", "apps/web"] + extra
        let command = try #require(try FerryCommand.parseAsRoot(args) as? AppCreateCommand)
        return try JSON.parse(try APICoding.encoder().encode(command.application()))
    }

    @Test func buildsAManualApplicationByDefault() throws {
        let json = try applicationJSON([])
        #expect(json["apiVersion"] == "argoproj.io/v1alpha1" && json["kind"] == "Application")
        #expect(json[path: ["metadata", "name"]] == "web")
        #expect(json[path: ["spec", "source"]] == ["path": "apps/web", "repoURL": "https://git/x.git", "targetRevision": "HEAD"])
        #expect(json[path: ["spec", "destination", "namespace"]] == "default")
        #expect(json[path: ["spec", "destination", "server"]] == nil)
        #expect(json[path: ["spec", "syncPolicy"]] == nil)
    }

    @Test func autoSyncSetsAnEmptyAutomatedPolicy() throws {
        let json = try applicationJSON(["--auto-sync"])
        #expect(json[path: ["spec", "syncPolicy", "automated"]] == ["prune": false, "selfHeal": false])
        #expect(json[path: ["spec", "syncPolicy", "syncOptions"]] == nil)
    }

    @Test func pruneAndSelfHealImplyAutomatedSync() throws {
        #expect(try applicationJSON(["--prune"])[path: ["spec", "syncPolicy", "automated"]] == ["prune": true, "selfHeal": false])
        #expect(try applicationJSON(["--self-heal"])[path: ["spec", "syncPolicy", "automated"]] == ["prune": false, "selfHeal": true])
    }

    @Test func createNamespaceAddsTheSyncOptionWithoutAutomating() throws {
        let json = try applicationJSON(["--create-namespace", "--dest-namespace", "demo", "--revision", "main"])
        #expect(json[path: ["spec", "syncPolicy", "syncOptions"]] == ["CreateNamespace=true"])
        #expect(json[path: ["spec", "syncPolicy", "automated"]] == nil)
        #expect(json[path: ["spec", "destination", "namespace"]] == "demo")
        #expect(json[path: ["spec", "source", "targetRevision"]] == "main")
    }

    @Test func kustomizeFlagsBecomeArgoCDsKustomizeSettings() throws {
        let json = try applicationJSON(["--nameprefix", "prod-", "--namesuffix=-v2", "--kustomize-namespace", "shop",
                                        "--kustomize-image", "nginx=registry/nginx:1.27", "--kustomize-image", "redis:7",
                                        "--kustomize-common-label", "env=prod", "--kustomize-force-common-label",
                                        "--kustomize-common-annotation", "owner=ops", "--kustomize-replica", "web=3"])
        let expected: Value = [
            "namePrefix": "prod-", "nameSuffix": "-v2", "images": ["nginx=registry/nginx:1.27", "redis:7"],
            "namespace": "shop", "commonLabels": ["env": "prod"], "commonAnnotations": ["owner": "ops"],
            "forceCommonLabels": true, "replicas": [["name": "web", "count": 3]],
        ]
        #expect(json[path: ["spec", "source", "kustomize"]]?.semanticallyEquals(expected) == true)
        #expect(try applicationJSON([])[path: ["spec", "source", "kustomize"]] == nil)
    }

    @Test func malformedKustomizeFlagsAreRefusedByName() {
        #expect(throws: (any Error).self) { try applicationJSON(["--kustomize-replica", "web=many"]) }
        #expect(throws: (any Error).self) { try applicationJSON(["--kustomize-common-label", "novalue"]) }
    }
}
