import Controller
import FerryCore
import Foundation
import Testing

// TEMPORARY: dumps rendered pages for a manual screenshot. Deleted before hand-off.
@Test func dumpPagesForScreenshot() async throws {
    guard let dir = ProcessInfo.processInfo.environment["FERRY_SCREENSHOT_DIR"] else { return }
    let service = FakeApplicationService()
    var healthy = Fixtures.app("guestbook")
    healthy.status.operationState = OperationState(phase: .succeeded, message: "successfully synced (all tasks run)",
                                                   syncRunID: 2, startedAt: Date().addingTimeInterval(-300),
                                                   finishedAt: Date().addingTimeInterval(-290))
    healthy.status.reconciledAt = Date().addingTimeInterval(-20)
    healthy.status.resources = [
        ResourceStatus(key: ResourceKey(group: "", kind: "Service", namespace: "prod", name: "guestbook-ui"), version: "v1", status: .synced, health: Health(.healthy)),
        ResourceStatus(key: ResourceKey(group: "apps", kind: "Deployment", namespace: "prod", name: "guestbook-ui"), version: "v1", status: .outOfSync, health: Health(.progressing, "Waiting for rollout to finish: 1 of 2 updated replicas are available...")),
    ]
    await service.seed(healthy, history: Fixtures.history("guestbook"), diff: Fixtures.diff())
    await service.seed(Fixtures.malicious(), history: [], diff: nil)
    await service.seed(Fixtures.app("payments", sync: .unknown, health: .missing))
    await service.seed(Fixtures.app("web-frontend", sync: .outOfSync, health: .progressing))
    try await TestServer.with(service) { server in
        for (path, file) in [("/", "list.html"), ("/applications/guestbook", "detail.html"), ("/applications/evil", "evil.html"), ("/login", "login.html")] {
            let page = try await server.request("GET", path)
            let html = page.text.replacingOccurrences(of: "\"/static/", with: "\"static/")
            try html.write(toFile: dir + "/" + file, atomically: true, encoding: .utf8)
        }
    }
}
