import FerryCore
import Foundation

/// The view behind `list.mustache`: every application as one table row.
struct ListPage {
    var title = "Applications"
    var csrfToken: String
    var apps: [Row]
    var hasApps: Bool
    var summary: String

    init(apps: [Application], csrfToken: String, now: Date) {
        self.csrfToken = csrfToken
        self.apps = apps.map { Row($0, now: now) }
        self.hasApps = !apps.isEmpty
        let synced = apps.filter { $0.status.sync.status == .synced }.count
        let healthy = apps.filter { $0.status.health.status == .healthy }.count
        summary = "\(apps.count) applications · \(synced) synced · \(healthy) healthy"
    }

    /// One application in the table.
    struct Row {
        var name: String
        var link: String
        var repoURL: String
        var path: String
        var targetRevision: String
        var syncedRevision: String?
        var sync: Badge
        var health: Badge
        var lastSync: TimeText?
        var hasErrors: Bool

        init(_ app: Application, now: Date) {
            name = app.name
            link = DashboardFormat.appPath(app.name)
            repoURL = app.spec.source.repoURL
            path = app.spec.source.path
            targetRevision = app.spec.source.targetRevision
            syncedRevision = app.status.sync.revision.map(DashboardFormat.shortRevision)
            sync = Badge(app.status.sync.status)
            health = Badge(app.status.health.status)
            let lastRun = app.status.operationState?.finishedAt ?? app.status.history.map(\.deployedAt).max()
            lastSync = lastRun.map { TimeText($0, now: now) }
            hasErrors = !app.status.conditions.isEmpty
        }
    }
}
