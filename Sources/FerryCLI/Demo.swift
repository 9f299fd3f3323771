import Controller
import FerryCore
import Foundation
import GitSource
import Logging

/// `ferry serve --demo`: a local Git repository with sample apps, registered with automated sync.
enum Demo {
    static func install(in dataDir: URL, controller: Controller, logger: Logger) async throws {
        let repo = dataDir.appendingPathComponent("demo-repo")
        if !FileManager.default.fileExists(atPath: repo.appendingPathComponent(".git").path) {
            let files = DemoContent.files.mapValues { Data($0.utf8) }
            let sha = try LocalRepository.commit(files: files, to: repo, message: "Ferry demo applications")
            logger.info("demo repository created", metadata: ["path": "\(repo.path)", "commit": "\(sha.prefix(7))"])
        }
        let url = "file://" + repo.path
        for demo in DemoContent.apps {
            if (try? await controller.get(demo.name)) != nil { continue }
            let spec = ApplicationSpec(
                source: Source(repoURL: url, path: demo.path, targetRevision: "main"),
                destination: Destination(namespace: demo.namespace),
                syncPolicy: SyncPolicy(automated: .init(prune: true, selfHeal: true), syncOptions: ["CreateNamespace=true"]))
            _ = try await controller.create(Application(name: demo.name, spec: spec))
        }
        say("demo: apps \(DemoContent.apps.map(\.name).joined(separator: ", ")) from \(url)")
        say("demo: edit files in \(repo.path) and commit to see Ferry sync the change")
    }
}
