import Controller
import FerryCore
import Foundation
import Hummingbird
import Logging

/// The dashboard: login, the application list, the detail page and the action forms behind its buttons.
struct DashboardRoutes: Sendable {
    let service: any ApplicationService
    let templates: DashboardTemplates
    let authority: TokenAuthority
    let maxBodySize: Int

    func register(on router: Router<FerryRequestContext>) {
        router.get("/") { _, ctx in try await page(ctx) { try await listPage() } }
        router.get("applications/{name}") { req, ctx in try await page(ctx) { try await detailPage(req, ctx) } }
        router.post("ui/applications/{name}/sync") { req, ctx in try await action(req, ctx) { name, form in
            let request = SyncRequest(prune: form.prune == "true", initiatedBy: identity(ctx))
            let run = try await service.sync(name, request: request)
            return Flash.outcome(of: run, verb: "Sync")
        } }
        router.post("ui/applications/{name}/refresh") { req, ctx in try await action(req, ctx) { name, _ in
            _ = try await service.refresh(name)
            return Flash(message: "Refreshed \(name).", tone: "ok")
        } }
        router.post("ui/applications/{name}/rollback") { req, ctx in try await action(req, ctx) { name, form in
            guard let id = form.id else { throw ServerError.invalid(field: "id", "a sync run id is required") }
            let run = try await service.rollback(name, to: id, initiatedBy: identity(ctx))
            return Flash.outcome(of: run, verb: "Rollback to #\(id)")
        } }
        LoginRoutes(templates: templates, authority: authority, maxBodySize: maxBodySize).register(on: router)
    }

    private func listPage() async throws -> Response {
        let apps = try await service.list()
        return .html(templates.render("list", ListPage(apps: apps, csrfToken: authority.csrfToken, now: Date())))
    }

    private func detailPage(_ request: Request, _ context: FerryRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        try AppName.validate(name, field: "name")
        async let app = service.get(name)
        async let history = service.history(name)
        let diff: Result<AppDiff, any Error>
        do { diff = .success(try await service.diff(name)) } catch { diff = .failure(error) }
        let flash = Flash(cookie: request.cookies[Flash.cookieName]?.value)
        let view = DetailPage(app: try await app, history: (try? await history) ?? [], diff: diff,
                              csrfToken: authority.csrfToken, flash: flash,
                              now: Date())
        var response = Response.html(templates.render("detail", view))
        if flash != nil { response.setCookie(Flash.expired) }
        return response
    }

    /// Renders a page, turning failures into an HTML error page with the right status.
    private func page(_ context: FerryRequestContext, _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch {
            let mapped = ServerError.wrap(error)
            if mapped.status == .internalServerError {
                context.logger.error("dashboard page failed", metadata: ["error": "\(error)"])
            }
            return errorPage(mapped)
        }
    }

    /// Runs a dashboard action after the CSRF check, then redirects back to the detail page with a flash.
    private func action(_ request: Request, _ context: FerryRequestContext,
                        _ body: (String, ActionForm) async throws -> Flash) async throws -> Response {
        let form: ActionForm
        let name: String
        do {
            name = try context.parameters.require("name")
            try AppName.validate(name, field: "name")
            form = try await ActionForm.decode(request, limit: maxBodySize)
            try CSRFCheck(authority: authority).verify(request, token: form.csrf)
        } catch {
            return errorPage(ServerError.wrap(error))
        }
        let flash: Flash
        do {
            flash = try await body(name, form)
        } catch {
            let mapped = ServerError.wrap(error)
            if mapped.status == .internalServerError {
                context.logger.error("dashboard action failed", metadata: ["error": "\(error)"])
            }
            flash = Flash(message: mapped.message, tone: "bad")
        }
        var response = Response.seeOther(DashboardFormat.appPath(name))
        response.setCookie(flash.cookie)
        return response
    }

    private func errorPage(_ error: ServerError) -> Response {
        let view = ErrorPage(title: "Error \(error.status.code)", status: Int(error.status.code),
                             reason: error.status.reasonPhrase, message: error.message)
        return .html(templates.render("error", view), status: error.status)
    }

    private func identity(_ context: FerryRequestContext) -> String {
        context.identity ?? TokenAuthority.identity
    }
}

/// The view behind `error.mustache`.
struct ErrorPage {
    var title: String
    var status: Int
    var reason: String
    var message: String
}
