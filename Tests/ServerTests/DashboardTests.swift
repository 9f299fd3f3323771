import Controller
import FerryCore
import Foundation
import Testing

@Suite("Dashboard")
struct DashboardTests {
    @Test func loginSetsAStrictHttpOnlyCookieThatOpensTheDashboard() async throws {
        try await TestServer.with { server in
            let page = try await server.request("GET", "/login", token: nil)
            #expect(page.status == 200)
            #expect(page.text.contains(#"name="token""#))
            let wrong = try await server.form("/login", ["token": "guess"], cookie: nil)
            #expect(wrong.status == 401)
            #expect(wrong.cookie(named: "ferry_token") == nil)
            let ok = try await server.form("/login", ["token": TestServer.token], cookie: nil)
            #expect(ok.status == 303)
            let setCookie = ok.headers["set-cookie"] ?? ""
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Strict"))
            #expect(!setCookie.contains(TestServer.token))
            let cookie = try #require(ok.cookie(named: "ferry_token"))
            let list = try await server.request("GET", "/", token: nil, headers: ["Cookie": "ferry_token=\(cookie)"])
            #expect(list.status == 200)
            let api = try await server.request("GET", "/api/v1/applications", token: nil, headers: ["Cookie": "ferry_token=\(cookie)"])
            #expect(api.status == 200)
        }
    }

    @Test func redirectsPagesToLoginWithoutCredentials() async throws {
        try await TestServer.with { server in
            let page = try await server.request("GET", "/", token: nil)
            #expect(page.status == 303)
            #expect(page.headers["location"] == "/login")
            let forged = try await server.request("GET", "/", token: nil, headers: ["Cookie": "ferry_token=forged"])
            #expect(forged.status == 303)
            let css = try await server.request("GET", "/static/ferry.css", token: nil)
            #expect(css.status == 200)
            #expect(css.text.contains(".badge"))
        }
    }

    @Test func listPageShowsAppsWithStatusesAndEscapesMarkup() async throws {
        let service = FakeApplicationService()
        await service.seed(Fixtures.app("guestbook"))
        await service.seed(Fixtures.malicious())
        try await TestServer.with(service) { server in
            let page = try await server.request("GET", "/")
            #expect(page.status == 200)
            #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
            let html = page.text
            #expect(html.contains("guestbook"))
            #expect(html.contains(#"<span class="badge ok">Synced</span>"#))
            #expect(html.contains(#"<span class="badge ok">Healthy</span>"#))
            #expect(html.contains(#"<span class="badge warn">OutOfSync</span>"#))
            #expect(html.contains(#"<span class="badge bad">Degraded</span>"#))
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("&lt;script&gt;alert(&#39;repo&#39;)"))
        }
    }

    @Test func detailPageShowsDiffHistoryErrorsAndRollbackButtons() async throws {
        let service = FakeApplicationService()
        await service.seed(Fixtures.malicious(), history: Fixtures.history("evil"), diff: Fixtures.diff())
        try await TestServer.with(service) { server in
            let page = try await server.request("GET", "/applications/evil")
            #expect(page.status == 200)
            let html = page.text
            #expect(html.contains("+        image: nginx:1.26 &lt;b&gt;"))
            #expect(html.contains("deploy/app.yaml:7: mapping values are not allowed here"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<script>alert"))
            #expect(html.contains(String(Fixtures.sha1.prefix(7))))
            #expect(html.contains(#"action="/ui/applications/evil/rollback""#))
            #expect(html.contains(#"name="id" value="1""#))
            #expect(html.contains(#"action="/ui/applications/evil/sync""#))
            #expect(html.contains(#"action="/ui/applications/evil/refresh""#))
            let missing = try await server.request("GET", "/applications/nope")
            #expect(missing.status == 404)
        }
    }

    @Test func uiPostsWithoutAValidCSRFTokenOrFromAnotherOriginAreRejected() async throws {
        let service = FakeApplicationService()
        await service.seed(Fixtures.app("alpha"), history: Fixtures.history("alpha"))
        try await TestServer.with(service) { server in
            let cookie = try await server.login()
            let noToken = try await server.form("/ui/applications/alpha/sync", [:], cookie: cookie)
            #expect(noToken.status == 403)
            let badToken = try await server.form("/ui/applications/alpha/sync", ["csrf": "abc"], cookie: cookie)
            #expect(badToken.status == 403)
            let csrf = try await csrfToken(server, cookie: cookie)
            let crossSite = try await server.form("/ui/applications/alpha/sync", ["csrf": csrf], cookie: cookie,
                                                  headers: ["Origin": "http://evil.example"])
            #expect(crossSite.status == 403)
            #expect(await service.syncRequests.isEmpty)
        }
    }

    @Test func uiActionsCallTheServiceAndRedirectBackToTheDetailPage() async throws {
        let service = FakeApplicationService()
        await service.seed(Fixtures.app("alpha"), history: Fixtures.history("alpha"))
        try await TestServer.with(service) { server in
            let cookie = try await server.login()
            let csrf = try await csrfToken(server, cookie: cookie)
            let origin = ["Origin": "http://127.0.0.1:\(server.port)"]
            let sync = try await server.form("/ui/applications/alpha/sync", ["csrf": csrf, "prune": "true"],
                                             cookie: cookie, headers: origin)
            #expect(sync.status == 303)
            #expect(sync.headers["location"] == "/applications/alpha")
            let requests = await service.syncRequests
            #expect(requests.first?.request.prune == true)
            #expect(requests.first?.request.initiatedBy == "admin")
            let rollback = try await server.form("/ui/applications/alpha/rollback", ["csrf": csrf, "id": "1"], cookie: cookie)
            #expect(rollback.status == 303)
            #expect(await service.rollbacks.first?.id == 1)
            let flash = try #require(rollback.cookie(named: "ferry_flash"))
            let page = try await server.request("GET", "/applications/alpha", token: nil,
                                                headers: ["Cookie": "ferry_token=\(cookie); ferry_flash=\(flash)"])
            #expect(page.text.contains("Rollback to #1 succeeded"))
            let refresh = try await server.form("/ui/applications/alpha/refresh", ["csrf": csrf], cookie: cookie)
            #expect(refresh.status == 303)
            #expect(await service.refreshed == ["alpha"])
        }
    }

    /// Reads the CSRF token from the detail page's hidden field.
    private func csrfToken(_ server: TestServer, cookie: String) async throws -> String {
        let page = try await server.request("GET", "/applications/alpha", token: nil, headers: ["Cookie": "ferry_token=\(cookie)"])
        let marker = #"name="csrf" value=""#
        let start = try #require(page.text.range(of: marker)).upperBound
        return String(page.text[start...].prefix { $0 != "\"" })
    }
}

@Suite("Dashboard details")
struct DashboardDetailTests {
    @Test func saysTheClusterMatchesGitWhenTheDiffIsEmpty() async throws {
        let service = FakeApplicationService()
        await service.seed(Fixtures.app("calm"))
        try await TestServer.with(service) { server in
            let html = try await server.request("GET", "/applications/calm").text
            #expect(html.contains("The cluster matches Git."))
            #expect(!html.contains(#"<pre class="diff">"#))
            #expect(html.contains("No syncs yet."))
        }
    }
}
