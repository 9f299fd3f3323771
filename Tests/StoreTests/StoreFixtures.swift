import FerryCore
import Foundation
import Store

/// A store under test plus whatever it needs kept alive (a temporary directory, removed at the end).
final class StoreFixture {
    let store: any FerryStore
    let directory: URL?

    init(store: any FerryStore, directory: URL? = nil) {
        self.store = store
        self.directory = directory
    }

    deinit { if let directory { try? FileManager.default.removeItem(at: directory) } }
}

/// Makes a fresh, empty store of one implementation; the contract tests run over every factory.
struct StoreFactory: Sendable, CustomStringConvertible {
    let description: String
    let make: @Sendable () throws -> StoreFixture

    static let inMemory = StoreFactory(description: "InMemoryStore") { StoreFixture(store: InMemoryStore()) }
    static let sqlite = StoreFactory(description: "SQLiteStore") {
        let directory = try makeTemporaryDirectory()
        let store = try SQLiteStore(path: directory.appendingPathComponent("ferry.db").path)
        return StoreFixture(store: store, directory: directory)
    }
    static let all = [inMemory, sqlite]
}

/// A new empty directory under the system temporary directory.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-store-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// An application with a little of everything in its spec and status.
func sampleApp(_ name: String, namespace: String = "default") -> Application {
    var app = Application(name: name, spec: ApplicationSpec(
        source: Source(repoURL: "https://git.example.com/apps.git", path: "apps/\(name)", targetRevision: "main"),
        destination: Destination(server: "https://kubernetes.default.svc", namespace: namespace),
        syncPolicy: SyncPolicy(automated: .init(prune: true, selfHeal: false), syncOptions: ["CreateNamespace=true"])))
    app.metadata.creationTimestamp = Date(timeIntervalSince1970: 1_700_000_000.125) // binary-exact, so equality holds
    app.status.sync = .init(status: .outOfSync, revision: "0123abcd")
    app.status.health = Health(.progressing, "Deployment web: 1 of 3 replicas available")
    return app
}

/// A running sync run of `app` started at `second` seconds after a fixed instant.
func sampleRun(_ app: String, revision: String = "0123abcd", second: Double = 0, manifests: String = "") -> SyncRun {
    SyncRun(app: app, revision: revision, startedAt: Date(timeIntervalSince1970: 1_700_000_000 + second),
            initiatedBy: "admin", manifests: manifests)
}

/// The same results a sync of a web app would record.
let sampleResults = [
    ResourceResult(key: ResourceKey(group: "apps", kind: "Deployment", namespace: "prod", name: "web"), action: .configured),
    ResourceResult(key: ResourceKey(group: "", kind: "Service", namespace: "prod", name: "web"), action: .unchanged),
    ResourceResult(key: ResourceKey(group: "", kind: "ConfigMap", namespace: "prod", name: "old"), action: .failed,
                   message: "forbidden: cannot delete"),
]
