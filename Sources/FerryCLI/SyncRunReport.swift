import FerryCore
import Foundation

/// How sync runs print: kubectl-style per-resource lines for `app sync` / `app rollback`, and the
/// `app history` table.
public enum SyncRunReport {
    /// One line per resource (`Deployment/demo/web configured`), then a summary line.
    public static func text(_ run: SyncRun, dryRun: Bool = false) -> String {
        let suffix = dryRun ? " (dry run)" : ""
        var lines = run.resources.map { $0.description + suffix }
        lines.append(summary(run, dryRun: dryRun))
        return lines.map { $0 + "\n" }.joined()
    }

    /// `sync run 3 Succeeded at revision abc1234: message`.
    public static func summary(_ run: SyncRun, dryRun: Bool = false) -> String {
        let what = dryRun ? "dry run" : (run.rollbackOf.map { "rollback to sync run \($0) (run \(run.id))" } ?? "sync run \(run.id)")
        var text = "\(what) \(run.phase.rawValue) at revision \(ApplicationTable.shortRevision(run.revision))"
        if !run.message.isEmpty { text += ": \(run.message)" }
        return text
    }

    /// `app history`: ID, REVISION, DEPLOYED AT, INITIATED BY, RESULT, ROLLBACK OF (newest first, as given);
    /// `wide` adds the resource count and message.
    public static func history(_ runs: [SyncRun], wide: Bool = false) -> Table {
        var headers = ["ID", "REVISION", "DEPLOYED AT", "INITIATED BY", "RESULT", "ROLLBACK OF"]
        if wide { headers += ["RESOURCES", "MESSAGE"] }
        var table = Table(headers: headers)
        for run in runs {
            var row = [String(run.id), run.revision, Age.timestamp(run.finishedAt ?? run.startedAt), run.initiatedBy,
                       run.phase.rawValue, run.rollbackOf.map(String.init) ?? "-"]
            if wide { row += [String(run.resources.count), run.message] }
            table.append(row)
        }
        return table
    }
}
