import FerryCore
import Foundation
import Testing
@testable import FerryCLI

@Suite struct FerryAPIClientTests {
    private func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try APICoding.encoder().encode(value), as: UTF8.self)
    }

    private func client(_ server: StubFerryServer, token: String? = "s3cret") throws -> FerryAPIClient {
        FerryAPIClient(settings: ClientSettings(server: try ClientSettings.parseServer(server.url), token: token), timeout: 10)
    }

    @Test func listsApplicationsWithTheBearerToken() async throws {
        let items = try json(["items": [Fixtures.app("a"), Fixtures.app("b")]])
        let server = try await StubFerryServer.start(routes: ["GET /api/v1/applications": .init(status: 200, body: items)])
        let apps = try await client(server).listApplications()
        #expect(apps.map(\.name) == ["a", "b"])
        #expect(apps[0] == Fixtures.app("a"))
        #expect(try server.requests().map(\.authorization) == ["Bearer s3cret"])
    }

    @Test func createsAnApplicationByPostingItsJSON() async throws {
        let app = Fixtures.app("web")
        let server = try await StubFerryServer.start(routes: ["POST /api/v1/applications": .init(status: 201, body: try json(app))])
        let created = try await client(server).create(app)
        #expect(created.name == "web")
        let sent = try #require(try server.requests().first)
        #expect(try JSON.parse(sent.body)[path: ["spec", "source", "path"]] == "guestbook")
    }

    @Test func syncSendsTheContractBodyAndDecodesTheRun() async throws {
        let server = try await StubFerryServer.start(routes: [
            "POST /api/v1/applications/web/sync": .init(status: 200, body: try json(Fixtures.run())),
        ])
        let run = try await client(server).sync("web", prune: true, dryRun: false, revision: "v2")
        #expect(run == Fixtures.run())
        let body = try JSON.parse(try #require(try server.requests().first).body)
        #expect(body == ["dryRun": false, "prune": true, "revision": "v2"])
    }

    @Test func rollbackHistoryRefreshAndDeleteUseTheirRoutes() async throws {
        let server = try await StubFerryServer.start(routes: [
            "POST /api/v1/applications/web/rollback": .init(status: 200, body: try json(Fixtures.run(id: 4, rollbackOf: 1))),
            "GET /api/v1/applications/web/history": .init(status: 200, body: try json(["items": [Fixtures.run(id: 4), Fixtures.run(id: 1)]])),
            "POST /api/v1/applications/web/refresh": .init(status: 200, body: try json(Fixtures.app("web"))),
            "DELETE /api/v1/applications/web?cascade=true": .init(status: 200, body: "{}"),
        ])
        let api = try client(server)
        #expect(try await api.rollback("web", id: 1).rollbackOf == 1)
        #expect(try await api.history("web").map(\.id) == [4, 1])
        #expect(try await api.refresh("web").name == "web")
        try await api.delete("web", cascade: true)
        let requests = try server.requests()
        #expect(try JSON.parse(requests[0].body) == ["id": 1])
        #expect(requests.map { "\($0.method) \($0.path)" }.last == "DELETE /api/v1/applications/web?cascade=true")
    }

    @Test func diffReturnsTheServersTextAndOutOfSyncFlag() async throws {
        let body = #"{"revision":"abc","outOfSync":true,"resources":[],"text":"--- live\n+++ desired\n-a\n+b\n"}"#
        let server = try await StubFerryServer.start(routes: ["GET /api/v1/applications/web/diff": .init(status: 200, body: body)])
        let result = try await client(server).diff("web")
        #expect(result.diff.outOfSync)
        #expect(result.text == "--- live\n+++ desired\n-a\n+b\n")
    }

    @Test func serverErrorsCarryTheServersMessageAndStatus() async throws {
        let server = try await StubFerryServer.start(routes: [
            "GET /api/v1/applications/nope": .init(status: 404, body: #"{"error":"application 'nope' not found"}"#),
            "GET /api/v1/applications": .init(status: 401, body: #"{"error":"unauthorized"}"#),
        ])
        let api = try client(server)
        let notFound = await #expect(throws: CLIError.self) { try await api.application("nope") }
        #expect(notFound == CLIError("application 'nope' not found", status: 404))
        let unauthorized = await #expect(throws: CLIError.self) { try await api.listApplications() }
        #expect(unauthorized?.status == 401)
        #expect(unauthorized?.message.contains("ferry login") == true)
        #expect(unauthorized?.message.contains("s3cret") == false)
    }

    @Test func unreachableServerGivesAHintToRunFerryServe() async throws {
        let api = FerryAPIClient(settings: ClientSettings(server: try ClientSettings.parseServer("http://127.0.0.1:1"), token: "s3cret"))
        let error = await #expect(throws: CLIError.self) { try await api.listApplications() }
        #expect(error?.isUnreachable == true)
        #expect(error?.message.hasPrefix("cannot reach Ferry at http://127.0.0.1:1: ") == true)
        #expect(error?.message.hasSuffix("is 'ferry serve' running?") == true)
        #expect(error?.message.contains("s3cret") == false)
    }

    @Test func escapesApplicationNamesInPaths() async throws {
        let server = try await StubFerryServer.start(routes: [:])
        _ = try? await client(server).application("a/b c")
        #expect(try server.requests().map(\.path) == ["/api/v1/applications/a%2Fb%20c"])
    }

    @Test func diffCommandExitsOneWhenOutOfSyncAndZeroWhenSynced() async throws {
        let server = try await StubFerryServer.start(routes: [
            "GET /api/v1/applications/drifted/diff": .init(status: 200, body: #"{"revision":"a","outOfSync":true,"resources":[],"text":""}"#),
            "GET /api/v1/applications/clean/diff": .init(status: 200, body: #"{"revision":"a","outOfSync":false,"resources":[],"text":""}"#),
        ])
        let drifted = try #require(try FerryCommand.parseAsRoot(["app", "diff", "drifted", "--server", server.url, "--token", "t"]) as? AppDiffCommand)
        let error = await #expect(throws: ExitCode.self) { try await drifted.run() }
        #expect(error == ExitCode(1))
        let clean = try #require(try FerryCommand.parseAsRoot(["app", "diff", "clean", "--server", server.url, "--token", "t"]) as? AppDiffCommand)
        try await clean.run()
    }

    @Test func syncCommandFailsWhenTheRunFailed() async throws {
        let server = try await StubFerryServer.start(routes: [
            "POST /api/v1/applications/web/sync": .init(status: 200, body: try json(Fixtures.run(phase: .failed))),
        ])
        let sync = try #require(try FerryCommand.parseAsRoot(["app", "sync", "web", "--server", server.url, "--token", "t"]) as? AppSyncCommand)
        let error = await #expect(throws: ExitCode.self) { try await sync.run() }
        #expect(error == ExitCode.failure)
    }
}
