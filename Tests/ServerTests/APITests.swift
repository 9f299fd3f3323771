import Controller
import FerryCore
import Foundation
import Testing

@Suite("REST API")
struct APITests {
    @Test func rejectsMissingAndWrongTokensWith401() async throws {
        try await TestServer.with { server in
            let missing = try await server.request("GET", "/api/v1/applications", token: nil)
            #expect(missing.status == 401)
            #expect(missing.text == #"{"error":"unauthorized"}"#)
            let wrong = try await server.request("GET", "/api/v1/applications", token: "not-the-token")
            #expect(wrong.status == 401)
            let almost = try await server.request("GET", "/api/v1/applications", token: TestServer.token + "x")
            #expect(almost.status == 401)
        }
    }

    @Test func servesHealthzWithoutAToken() async throws {
        try await TestServer.with { server in
            let health = try await server.request("GET", "/healthz", token: nil)
            #expect(health.status == 200)
            #expect(health.text == "ok")
            let version = try await server.request("GET", "/api/v1/version")
            #expect(version.text == #"{"version":"0.1.0"}"#)
        }
    }

    @Test func createsThenRefusesADuplicateWith409AndIgnoresStatus() async throws {
        try await TestServer.with { server in
            let created = try await server.json("POST", "/api/v1/applications", Fixtures.createBody)
            #expect(created.status == 201)
            let app = try APICoding.decoder().decode(Application.self, from: created.body)
            #expect(app.name == "guestbook")
            #expect(app.status.sync.status == .unknown)
            let duplicate = try await server.json("POST", "/api/v1/applications", Fixtures.createBody)
            #expect(duplicate.status == 409)
            #expect(duplicate.text.contains("already exists"))
        }
    }

    @Test func rejectsAnInvalidAppNameNamingTheField() async throws {
        try await TestServer.with { server in
            let body = Fixtures.createBody.replacingOccurrences(of: #""name":"guestbook""#, with: #""name":"Bad_Name""#)
            let result = try await server.json("POST", "/api/v1/applications", body)
            #expect(result.status == 400)
            #expect(result.text.contains("metadata.name"))
            let missing = try await server.json("POST", "/api/v1/applications", #"{"metadata":{"name":"x"}}"#)
            #expect(missing.status == 400)
            #expect(missing.text.contains("spec"))
        }
    }

    @Test func answersAnUnknownAppWith404AndAnErrorBody() async throws {
        try await TestServer.with { server in
            let result = try await server.request("GET", "/api/v1/applications/nope")
            #expect(result.status == 404)
            let body = try JSONDecoder().decode([String: String].self, from: result.body)
            #expect(body["error"]?.contains("nope") == true)
        }
    }

    @Test func listsApplicationsAsItems() async throws {
        let service = FakeApplicationService()
        await service.seed(Fixtures.app("alpha"))
        await service.seed(Fixtures.app("beta", sync: .outOfSync))
        try await TestServer.with(service) { server in
            let result = try await server.request("GET", "/api/v1/applications")
            #expect(result.status == 200)
            struct Items: Decodable { var items: [Application] }
            let items = try APICoding.decoder().decode(Items.self, from: result.body).items
            #expect(items.map(\.name) == ["alpha", "beta"])
            #expect(items[1].status.sync.status == .outOfSync)
        }
    }

    @Test func syncBodyReachesTheServiceWithTheServerSetInitiator() async throws {
        let service = FakeApplicationService()
        await service.seed(Fixtures.app("alpha"))
        try await TestServer.with(service) { server in
            let body = #"{"prune":true,"dryRun":true,"revision":"v2","initiatedBy":"mallory"}"#
            let result = try await server.json("POST", "/api/v1/applications/alpha/sync", body)
            #expect(result.status == 200)
            let run = try APICoding.decoder().decode(SyncRun.self, from: result.body)
            #expect(run.initiatedBy == "admin")
            let requests = await service.syncRequests
            #expect(requests.count == 1)
            #expect(requests.first?.request.prune == true)
            #expect(requests.first?.request.dryRun == true)
            #expect(requests.first?.request.revision == "v2")
            #expect(requests.first?.request.initiatedBy == "admin")
        }
    }

    @Test func rollbackBodyReachesTheServiceAndUnknownRunsAre404() async throws {
        let service = FakeApplicationService()
        await service.seed(Fixtures.app("alpha"), history: Fixtures.history("alpha"))
        try await TestServer.with(service) { server in
            let result = try await server.json("POST", "/api/v1/applications/alpha/rollback", #"{"id":1,"initiatedBy":"x"}"#)
            #expect(result.status == 200)
            let run = try APICoding.decoder().decode(SyncRun.self, from: result.body)
            #expect(run.rollbackOf == 1)
            let rollbacks = await service.rollbacks
            #expect(rollbacks.first?.id == 1)
            #expect(rollbacks.first?.initiatedBy == "admin")
            let unknown = try await server.json("POST", "/api/v1/applications/alpha/rollback", #"{"id":42}"#)
            #expect(unknown.status == 404)
            let bad = try await server.json("POST", "/api/v1/applications/alpha/rollback", #"{"id":"one"}"#)
            #expect(bad.status == 400)
            #expect(bad.text.contains("id"))
        }
    }

    @Test func servesHistoryDiffRefreshAndDelete() async throws {
        let service = FakeApplicationService()
        await service.seed(Fixtures.app("alpha"), history: Fixtures.history("alpha"), diff: Fixtures.diff())
        try await TestServer.with(service) { server in
            let history = try await server.request("GET", "/api/v1/applications/alpha/history")
            struct Runs: Decodable { var items: [SyncRun] }
            #expect(try APICoding.decoder().decode(Runs.self, from: history.body).items.map(\.id) == [2, 1])
            let diff = try await server.request("GET", "/api/v1/applications/alpha/diff")
            let object = try JSONSerialization.jsonObject(with: diff.body) as? [String: Any]
            #expect((object?["text"] as? String)?.contains("+        image: nginx:1.26") == true)
            #expect(object?["outOfSync"] as? Bool == true)
            let refresh = try await server.request("POST", "/api/v1/applications/alpha/refresh")
            #expect(refresh.status == 200)
            #expect(await service.refreshed == ["alpha"])
            let deleted = try await server.request("DELETE", "/api/v1/applications/alpha?cascade=false")
            #expect(deleted.text == "{}")
            #expect(await service.deleted.first?.cascade == false)
        }
    }

    @Test func refusesBodiesLargerThanTheLimitWith413() async throws {
        try await TestServer.with { server in
            let huge = "{\"pad\":\"" + String(repeating: "a", count: 2 << 20) + "\"}"
            let result = try await server.json("POST", "/api/v1/applications", huge)
            #expect(result.status == 413)
        }
    }
}
