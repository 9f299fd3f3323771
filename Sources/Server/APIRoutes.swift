import Controller
import FerryCore
import Hummingbird
import Logging

/// The REST API under `/api/v1`, as described in the API contract.
struct APIRoutes: Sendable {
    /// Ferry's version as reported by `/api/v1/version`.
    static let version = "0.1.0"

    let service: any ApplicationService
    let maxBodySize: Int

    func register(on router: Router<FerryRequestContext>) {
        let api = router.group("api/v1")
        api.get("version") { _, _ in Response.json(VersionBody(version: Self.version)) }
        api.get("applications") { _, ctx in try await handle(ctx) { .json(ItemsBody(items: try await service.list())) } }
        api.post("applications") { req, ctx in try await handle(ctx) { try await create(req) } }
        api.get("applications/{name}") { _, ctx in
            try await handle(ctx) { .json(try await service.get(try name(ctx))) }
        }
        api.delete("applications/{name}") { req, ctx in try await handle(ctx) { try await delete(req, ctx) } }
        api.post("applications/{name}/refresh") { _, ctx in
            try await handle(ctx) { .json(try await service.refresh(try name(ctx))) }
        }
        api.post("applications/{name}/sync") { req, ctx in try await handle(ctx) { try await sync(req, ctx) } }
        api.post("applications/{name}/rollback") { req, ctx in try await handle(ctx) { try await rollback(req, ctx) } }
        api.get("applications/{name}/history") { _, ctx in
            try await handle(ctx) { .json(ItemsBody(items: try await service.history(try name(ctx)))) }
        }
        api.get("applications/{name}/diff") { _, ctx in
            try await handle(ctx) { .json(DiffBody(try await service.diff(try name(ctx)))) }
        }
    }

    private func create(_ request: Request) async throws -> Response {
        let body = try await request.decodeJSON(CreateApplicationBody.self, limit: maxBodySize)
        try AppName.validate(body.metadata.name)
        return .json(try await service.create(body.application), status: .created)
    }

    private func delete(_ request: Request, _ context: FerryRequestContext) async throws -> Response {
        let name = try name(context)
        let cascade = try Self.bool(request.uri.queryParameters["cascade"], field: "cascade", default: true)
        try await service.delete(name, cascade: cascade)
        return .json(EmptyBody())
    }

    private func sync(_ request: Request, _ context: FerryRequestContext) async throws -> Response {
        let name = try name(context)
        let body = try await request.decodeJSON(SyncBody.self, limit: maxBodySize, emptyAsObject: true)
        return .json(try await service.sync(name, request: body.request(initiatedBy: identity(context))))
    }

    private func rollback(_ request: Request, _ context: FerryRequestContext) async throws -> Response {
        let name = try name(context)
        let body = try await request.decodeJSON(RollbackBody.self, limit: maxBodySize)
        return .json(try await service.rollback(name, to: body.id, initiatedBy: identity(context)))
    }

    /// Runs a handler, turning every failure into a JSON error answer (and logging unexpected ones).
    private func handle(_ context: FerryRequestContext,
                        _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch {
            let mapped = ServerError.wrap(error)
            if mapped.status == .internalServerError {
                context.logger.error("API request failed", metadata: ["error": "\(error)"])
            }
            throw mapped
        }
    }

    private func name(_ context: FerryRequestContext) throws -> String {
        let name = try context.parameters.require("name")
        try AppName.validate(name, field: "name")
        return name
    }

    private func identity(_ context: FerryRequestContext) -> String {
        context.identity ?? TokenAuthority.identity
    }

    /// Parses a `true`/`false` query parameter.
    static func bool(_ raw: Substring?, field: String, default value: Bool) throws -> Bool {
        guard let raw else { return value }
        switch raw.lowercased() {
        case "true", "1", "": return true
        case "false", "0": return false
        default: throw ServerError.invalid(field: field, "expected true or false, got '\(raw.prefix(20))'")
        }
    }
}
