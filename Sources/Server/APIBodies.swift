import Controller
import FerryCore

/// The body of `POST /api/v1/applications`: an Application whose `status` (and anything unknown) is ignored.
struct CreateApplicationBody: Decodable {
    var metadata: Application.Metadata
    var spec: ApplicationSpec

    /// The application to register, with a fresh status.
    var application: Application {
        var app = Application(name: metadata.name, spec: spec)
        app.metadata.namespace = metadata.namespace
        return app
    }
}

/// The body of `POST …/sync`; every field is optional and `initiatedBy` is never read from it.
struct SyncBody: Decodable {
    var prune: Bool?
    var dryRun: Bool?
    var revision: String?

    /// The service request, attributed to the authenticated `identity`.
    func request(initiatedBy identity: String) -> SyncRequest {
        let revision = revision.flatMap { $0.isEmpty ? nil : $0 }
        return SyncRequest(prune: prune ?? false, dryRun: dryRun ?? false, revision: revision, initiatedBy: identity)
    }
}

/// The body of `POST …/rollback`.
struct RollbackBody: Decodable {
    var id: Int64
}

/// `{"items": [...]}`, the shape of every list answer.
struct ItemsBody<Item: Encodable>: Encodable {
    var items: [Item]
}

/// `GET …/diff`: the `AppDiff` fields plus its unified `text`.
struct DiffBody: Encodable {
    var revision: String
    var outOfSync: Bool
    var resources: [AppDiff.ResourceDiff]
    var text: String

    init(_ diff: AppDiff) {
        revision = diff.revision; outOfSync = diff.outOfSync; resources = diff.resources; text = diff.text
    }
}

/// `{}`.
struct EmptyBody: Encodable {}

/// `{"version": "..."}`.
struct VersionBody: Encodable {
    var version: String
}
