import Controller
import FerryCore
import Foundation

/// The view behind `detail.mustache`: one application's summary, problems, resources, diff and history.
struct DetailPage {
    var title: String
    var csrfToken: String
    var flash: Flash?
    var app: Summary
    var conditions: [Condition]
    var hasConditions: Bool
    var resources: [ResourceRow]
    var hasResources: Bool
    var diffLines: [DiffLine]
    var hasDiff: Bool
    var diffError: String?
    var history: [HistoryRow]
    var hasHistory: Bool
    var actions: Actions

    init(app: Application, history: [SyncRun], diff: Result<AppDiff, any Error>,
         csrfToken: String, flash: Flash?, now: Date) {
        title = app.name
        self.csrfToken = csrfToken
        self.flash = flash
        self.app = Summary(app, now: now)
        conditions = app.status.conditions
        hasConditions = !conditions.isEmpty
        resources = app.status.resources.map(ResourceRow.init)
        hasResources = !resources.isEmpty
        switch diff {
        case .success(let diff):
            diffLines = DiffLine.lines(of: diff.text)
            diffError = nil
        case .failure(let error):
            diffLines = []
            diffError = (error as? ServiceError)?.message ?? "the diff is not available"
        }
        hasDiff = !diffLines.isEmpty
        self.history = history.map { HistoryRow($0, now: now) }
        hasHistory = !history.isEmpty
        actions = Actions(base: DashboardFormat.appPath(app.name).replacingOccurrences(of: "/applications/", with: "/ui/applications/"))
    }

    /// One line of the unified diff with its colour: `add`, `del`, `hunk`, `file` or `ctx`.
    struct DiffLine {
        var text: String
        var tone: String

        static func lines(of text: String) -> [DiffLine] {
            guard !text.isEmpty else { return [] }
            return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
                .map { DiffLine(text: String($0), tone: tone(of: $0)) }
        }

        private static func tone(of line: Substring) -> String {
            if line.hasPrefix("+++") || line.hasPrefix("---") { return "file" }
            if line.hasPrefix("@@") { return "hunk" }
            if line.hasPrefix("+") { return "add" }
            if line.hasPrefix("-") { return "del" }
            return "ctx"
        }
    }

    /// The header facts about the application.
    struct Summary {
        var name: String
        var repoURL: String
        var path: String
        var targetRevision: String
        var syncedRevision: String?
        var namespace: String
        var server: String
        var policy: String
        var sync: Badge
        var health: Badge
        var healthMessage: String?
        var reconciledAt: TimeText?
        var pinnedTo: String?
        var operation: Operation?

        init(_ app: Application, now: Date) {
            name = app.name
            repoURL = app.spec.source.repoURL
            path = app.spec.source.path
            targetRevision = app.spec.source.targetRevision
            syncedRevision = app.status.sync.revision.map(DashboardFormat.shortRevision)
            namespace = app.spec.destination.namespace
            server = app.spec.destination.server ?? "in-cluster"
            policy = DashboardFormat.policy(app.spec)
            sync = Badge(app.status.sync.status)
            health = Badge(app.status.health.status)
            healthMessage = app.status.health.message.flatMap { $0.isEmpty ? nil : $0 }
            reconciledAt = app.status.reconciledAt.map { TimeText($0, now: now) }
            pinnedTo = app.status.pinned.map { "sync #\($0.syncRunID) (\(DashboardFormat.shortRevision($0.gitRevision)))" }
            operation = app.status.operationState.map { Operation($0, now: now) }
        }
    }

    /// The last or current operation.
    struct Operation {
        var phase: Badge
        var message: String
        var startedAt: TimeText

        init(_ state: OperationState, now: Date) {
            phase = Badge(state.phase)
            message = state.message
            startedAt = TimeText(state.startedAt, now: now)
        }
    }

    /// One managed resource.
    struct ResourceRow {
        var kind: String
        var group: String?
        var namespace: String
        var name: String
        var sync: Badge
        var health: Badge?
        var healthMessage: String?

        init(_ resource: ResourceStatus) {
            kind = resource.kind
            group = resource.group.isEmpty ? nil : resource.group
            namespace = resource.namespace
            name = resource.name
            sync = Badge(resource.status)
            health = resource.health.map { Badge($0.status) }
            healthMessage = resource.health?.message.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// One sync run.
    struct HistoryRow {
        var id: Int64
        var revision: String
        var shortRevision: String
        var deployedAt: TimeText
        var initiatedBy: String
        var result: Badge
        var message: String
        var rollbackOf: Int64?
        var canRollback: Bool

        init(_ run: SyncRun, now: Date) {
            id = run.id
            revision = run.revision
            shortRevision = DashboardFormat.shortRevision(run.revision)
            deployedAt = TimeText(run.finishedAt ?? run.startedAt, now: now)
            initiatedBy = run.initiatedBy
            result = Badge(run.phase)
            message = run.message
            rollbackOf = run.rollbackOf
            canRollback = run.phase == .succeeded
        }
    }

    /// Where the action forms post.
    struct Actions {
        var sync: String
        var refresh: String
        var rollback: String

        init(base: String) {
            sync = base + "/sync"; refresh = base + "/refresh"; rollback = base + "/rollback"
        }
    }
}
