import Controller
import FerryCore
import Foundation

/// Applications and runs the server tests seed into the fake service.
enum Fixtures {
    static let sha1 = "0123456789abcdef0123456789abcdef01234567"
    static let sha2 = "89abcdef0123456789abcdef0123456789abcdef"

    static func app(_ name: String, sync: SyncStatus = .synced, health: HealthStatus = .healthy) -> Application {
        var app = Application(name: name, spec: ApplicationSpec(
            source: Source(repoURL: "https://git.example.com/team/\(name).git", path: "deploy", targetRevision: "main"),
            destination: Destination(namespace: "prod")))
        app.status.sync = .init(status: sync, revision: sha2)
        app.status.health = Health(health)
        return app
    }

    /// An app whose Git-provided strings try to inject markup.
    static func malicious() -> Application {
        var app = app("evil", sync: .outOfSync, health: .degraded)
        app.spec.source.repoURL = "https://git.example.com/<script>alert('repo')</script>.git"
        let key = ResourceKey(group: "", kind: "ConfigMap", namespace: "prod", name: "<script>alert(1)</script>")
        app.status.resources = [ResourceStatus(key: key, version: "v1", status: .outOfSync, health: nil)]
        app.status.conditions = [Condition(type: Condition.comparisonError,
                                           message: "deploy/app.yaml:7: mapping values are not allowed here")]
        return app
    }

    static func history(_ name: String) -> [SyncRun] {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        return [
            SyncRun(id: 2, app: name, revision: sha2, startedAt: start.addingTimeInterval(60),
                    finishedAt: start.addingTimeInterval(65), phase: .succeeded, initiatedBy: "automated"),
            SyncRun(id: 1, app: name, revision: sha1, startedAt: start, finishedAt: start.addingTimeInterval(5),
                    phase: .succeeded, initiatedBy: "admin"),
        ]
    }

    static func diff() -> AppDiff {
        let key = ResourceKey(group: "apps", kind: "Deployment", namespace: "prod", name: "web")
        let text = "--- Deployment/prod/web (live)\n+++ Deployment/prod/web (desired)\n@@ -1,1 +1,1 @@\n-        image: nginx:1.25\n+        image: nginx:1.26 <b>\n"
        return AppDiff(revision: sha2, outOfSync: true, resources: [.init(key: key, status: .outOfSync, diff: text)])
    }

    static let createBody = """
    {"apiVersion":"argoproj.io/v1alpha1","kind":"Application","metadata":{"name":"guestbook"},
     "spec":{"source":{"repoURL":"https://git.example.com/guestbook.git","path":"guestbook","targetRevision":"HEAD"},
             "destination":{"namespace":"default"}},
     "status":{"sync":{"status":"Synced"},"health":{"status":"Healthy"}}}
    """
}
