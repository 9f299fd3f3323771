import Controller
import FerryCore
import Foundation
import GitSource
import KubeClient
import Store
import Testing

/// The reconcile loop's decisions, against the in-memory twins of Git, the cluster and the store.
@Suite struct ControllerTests {
    static let repo = "https://git.example.com/team/apps.git"

    static func configMap(_ name: String, _ value: String) -> String {
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\ndata:\n  key: \"\(value)\"\n"
    }

    struct Fixture {
        let git = InMemoryGitSource()
        let api = InMemoryKubeAPI()
        let store = InMemoryStore()
        let controller: Controller

        init(selfHeal: Bool = false, prune: Bool = false) async throws {
            var options = ControllerOptions(pollInterval: .seconds(3600), jitter: 0)
            options.selfHealBackoff = .zero
            controller = Controller(store: store, git: git, api: api, options: options)
            let spec = ApplicationSpec(source: Source(repoURL: ControllerTests.repo, path: "app", targetRevision: "main"),
                                       destination: Destination(namespace: "demo"),
                                       syncPolicy: SyncPolicy(automated: .init(prune: prune, selfHeal: selfHeal)))
            _ = try await controller.create(Application(name: "demo", spec: spec))
        }

        @discardableResult
        func commit(_ files: [String: String]) async throws -> String {
            try await git.commit(repoURL: ControllerTests.repo, files: files)
        }

        func liveValue(_ name: String) -> String? {
            api.object(ResourceKey(group: "", kind: "ConfigMap", namespace: "demo", name: name))?.value[path: ["data", "key"]]?.stringValue
        }

        /// Changes a live object behind Ferry's back, keeping its annotations.
        func drift(_ name: String, to value: String) throws {
            var live = try #require(api.object(ResourceKey(group: "", kind: "ConfigMap", namespace: "demo", name: name)))
            live.value[path: ["data", "key"]] = .string(value)
            api.seed([live])
        }

        func runs() throws -> [SyncRun] { try store.syncRuns(app: "demo", limit: 100) }
    }

    @Test func automatedSyncRunsOncePerRevisionAndLeavesDriftAloneWithoutSelfHeal() async throws {
        let f = try await Fixture()
        let first = try await f.commit(["app/cm.yaml": Self.configMap("settings", "v1")])
        var app = try await f.controller.refresh("demo")
        #expect(try f.runs().count == 1)
        #expect(f.liveValue("settings") == "v1")
        #expect(app.status.sync.status == .synced)
        #expect(app.status.sync.revision == first)

        try f.drift("settings", to: "edited-by-hand")
        app = try await f.controller.refresh("demo")
        #expect(app.status.sync.status == .outOfSync)
        #expect(try f.runs().count == 1, "no second automated sync of the same revision without self-heal")
        #expect(f.liveValue("settings") == "edited-by-hand")

        try await f.commit(["app/cm.yaml": Self.configMap("settings", "v2")])
        app = try await f.controller.refresh("demo")
        #expect(try f.runs().count == 2)
        #expect(f.liveValue("settings") == "v2")
        #expect(app.status.sync.status == .synced)
    }

    @Test func selfHealCorrectsDriftWithoutANewCommit() async throws {
        let f = try await Fixture(selfHeal: true)
        try await f.commit(["app/cm.yaml": Self.configMap("settings", "v1")])
        _ = try await f.controller.refresh("demo")
        try f.drift("settings", to: "edited-by-hand")
        let app = try await f.controller.refresh("demo")
        #expect(f.liveValue("settings") == "v1")
        #expect(app.status.sync.status == .synced)
        #expect(try f.runs().count == 2)
        #expect(try f.runs().first?.initiatedBy == Controller.automatedInitiator)
    }

    @Test func rollbackPinsTheAppUntilGitMoves() async throws {
        let f = try await Fixture(selfHeal: true, prune: true)
        try await f.commit(["app/cm.yaml": Self.configMap("settings", "v1")])
        _ = try await f.controller.refresh("demo")
        try await f.commit(["app/cm.yaml": Self.configMap("settings", "v2"), "app/extra.yaml": Self.configMap("extra", "x")])
        _ = try await f.controller.refresh("demo")
        #expect(f.liveValue("extra") == "x")
        let firstRun = try #require(try f.runs().last)

        let rollback = try await f.controller.rollback("demo", to: firstRun.id, initiatedBy: "alice")
        #expect(rollback.rollbackOf == firstRun.id)
        #expect(rollback.phase == .succeeded)
        #expect(f.liveValue("settings") == "v1")
        #expect(f.liveValue("extra") == nil, "objects added after the target run are pruned")

        // Neither automated sync nor self-heal undoes the rollback while Git stays put.
        var app = try await f.controller.refresh("demo")
        #expect(app.status.pinned?.syncRunID == rollback.id)
        #expect(app.status.sync.status == .outOfSync)
        #expect(f.liveValue("settings") == "v1")

        // A new commit lifts the pin and is synced.
        try await f.commit(["app/cm.yaml": Self.configMap("settings", "v3")])
        app = try await f.controller.refresh("demo")
        #expect(app.status.pinned == nil)
        #expect(f.liveValue("settings") == "v3")
        #expect(app.status.history.last?.initiatedBy == Controller.automatedInitiator)
    }

    @Test func pruneRemovesOnlyObjectsTrackedByThisApp() async throws {
        let f = try await Fixture(prune: true)
        var foreign = try KubeObject(YAML.parse(Self.configMap("stranger", "s")))
        foreign.namespace = "demo"
        f.api.seed([foreign])
        try await f.commit(["app/a.yaml": Self.configMap("a", "1"), "app/b.yaml": Self.configMap("b", "1")])
        _ = try await f.controller.refresh("demo")
        #expect(f.liveValue("b") == "1")

        try await f.commit(["app/a.yaml": Self.configMap("a", "1")])
        let app = try await f.controller.refresh("demo")
        #expect(f.liveValue("b") == nil)
        #expect(f.liveValue("stranger") == "s")
        #expect(app.status.resources.map(\.name) == ["a"])
    }

    @Test func badManifestBecomesAConditionNamingFileAndLineAndNothingIsApplied() async throws {
        let f = try await Fixture()
        try await f.commit(["app/a.yaml": Self.configMap("a", "1"), "app/b.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n"])
        let app = try await f.controller.refresh("demo")
        #expect(app.status.conditions.first?.type == Condition.comparisonError)
        #expect(app.status.conditions.first?.message.contains("app/b.yaml:1") == true)
        #expect(f.liveValue("a") == nil)
        #expect(try f.runs().isEmpty)
    }

    @Test func createRejectsInvalidNamesAndDuplicates() async throws {
        let f = try await Fixture()
        let spec = ApplicationSpec(source: Source(repoURL: Self.repo, path: "../etc", targetRevision: "main"),
                                   destination: Destination(namespace: "demo"))
        await #expect(throws: ServiceError.self) { _ = try await f.controller.create(Application(name: "Bad_Name", spec: spec)) }
        await #expect(throws: ServiceError.self) { _ = try await f.controller.create(Application(name: "ok", spec: spec)) }
        let leaky = ApplicationSpec(source: Source(repoURL: "https://bot:ghp_secret@git.example.com/a.git", path: "app"),
                                    destination: Destination(namespace: "demo"))
        do {
            _ = try await f.controller.create(Application(name: "leaky", spec: leaky))
            Issue.record("a repoURL with a token must be refused")
        } catch let error as ServiceError {
            #expect(error.message.contains("repo-credentials"))
            #expect(!error.message.contains("ghp_secret"))
        }
        let good = ApplicationSpec(source: Source(repoURL: Self.repo, path: "app"), destination: Destination(namespace: "demo"))
        await #expect(throws: ServiceError.self) { _ = try await f.controller.create(Application(name: "demo", spec: good)) }
    }

    @Test func argoKustomizeSettingsOnTheSpecShapeWhatIsApplied() async throws {
        let f = try await Fixture()
        try await f.commit([
            "base/kustomization.yaml": "resources: [cm.yaml]\n",
            "base/cm.yaml": Self.configMap("settings", "v1"),
            "overlay/kustomization.yaml": "resources: [../base]\nnamePrefix: dev-\n",
        ])
        let kustomize = KustomizeOverrides(namePrefix: "prod-", commonLabels: ["tier": "gold"])
        let spec = ApplicationSpec(source: Source(repoURL: Self.repo, path: "overlay", targetRevision: "main", kustomize: kustomize),
                                   destination: Destination(namespace: "demo"),
                                   syncPolicy: SyncPolicy(automated: .init(prune: false, selfHeal: false)))
        _ = try await f.controller.create(Application(name: "shop", spec: spec))
        let app = try await f.controller.refresh("shop")
        #expect(app.status.sync.status == .synced)
        let live = try #require(f.api.object(ResourceKey(group: "", kind: "ConfigMap", namespace: "demo", name: "prod-settings")))
        #expect(live.value[path: ["metadata", "labels", "tier"]] == "gold")
        #expect(f.api.object(ResourceKey(group: "", kind: "ConfigMap", namespace: "demo", name: "dev-settings")) == nil)

        var bad = spec
        bad.source.kustomize = KustomizeOverrides(images: ["=nothing"])
        await #expect(throws: ServiceError.self) { _ = try await f.controller.create(Application(name: "bad", spec: bad)) }
        bad.source.kustomize = KustomizeOverrides(namespace: "Not_A_Label")
        await #expect(throws: ServiceError.self) { _ = try await f.controller.create(Application(name: "bad", spec: bad)) }
    }

    @Test func argoHelmSettingsOnTheSpecShapeWhatIsApplied() async throws {
        let f = try await Fixture()
        try await f.commit([
            "chart/Chart.yaml": "apiVersion: v2\nname: shop\nversion: 0.1.0\n",
            "chart/values.yaml": "color: blue\nsize: 1\n",
            "chart/values-prod.yaml": "size: 3\n",
            "chart/templates/cm.yaml": """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}-settings
                  namespace: {{ .Release.Namespace }}
                data:
                  color: {{ .Values.color | quote }}
                  size: {{ .Values.size | quote }}
                """,
        ])
        let helm = HelmSource(valueFiles: ["values-prod.yaml"], parameters: [.init(name: "color", value: "red")])
        let spec = ApplicationSpec(source: Source(repoURL: Self.repo, path: "chart", targetRevision: "main", helm: helm),
                                   destination: Destination(namespace: "demo"),
                                   syncPolicy: SyncPolicy(automated: .init(prune: false, selfHeal: false)))
        _ = try await f.controller.create(Application(name: "shop", spec: spec))
        let app = try await f.controller.refresh("shop")
        #expect(app.status.sync.status == .synced)
        let live = try #require(f.api.object(ResourceKey(group: "", kind: "ConfigMap", namespace: "demo", name: "shop-settings")))
        #expect(live.value["data"] == ["color": "red", "size": "3"])
    }

    @Test func secretValuesNeverLeaveThroughHistoryOrDiff() async throws {
        let f = try await Fixture()
        let secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData:\n  password: hunter2-plaintext\n"
        try await f.commit(["app/secret.yaml": secret])
        _ = try await f.controller.refresh("demo")
        let live = f.api.object(ResourceKey(group: "", kind: "Secret", namespace: "demo", name: "creds"))
        #expect(live?.value[path: ["stringData", "password"]]?.stringValue == "hunter2-plaintext")

        let history = try await f.controller.history("demo")
        #expect(!history.isEmpty)
        #expect(history.allSatisfy { !$0.manifests.contains("hunter2") })
        #expect(try f.runs().first?.manifests.contains("hunter2") == true, "the store keeps the exact manifests for rollback")

        try await f.commit(["app/secret.yaml": secret.replacingOccurrences(of: "hunter2-plaintext", with: "changed-secret")])
        let diff = try await f.controller.diff("demo")
        #expect(diff.outOfSync)
        #expect(!diff.text.contains("changed-secret") && !diff.text.contains("hunter2"))
    }
}
