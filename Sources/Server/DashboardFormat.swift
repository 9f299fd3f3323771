import FerryCore
import Foundation

/// A coloured status badge: its text and CSS tone (`ok`, `warn`, `bad`, `info`, `muted`).
struct Badge {
    var text: String
    var tone: String

    init(_ text: String, tone: String) { self.text = text; self.tone = tone }

    init(_ status: SyncStatus) {
        switch status {
        case .synced: self.init(status.rawValue, tone: "ok")
        case .outOfSync: self.init(status.rawValue, tone: "warn")
        case .unknown: self.init(status.rawValue, tone: "muted")
        }
    }

    init(_ status: HealthStatus) {
        switch status {
        case .healthy: self.init(status.rawValue, tone: "ok")
        case .progressing: self.init(status.rawValue, tone: "warn")
        case .suspended: self.init(status.rawValue, tone: "info")
        case .degraded: self.init(status.rawValue, tone: "bad")
        case .missing, .unknown: self.init(status.rawValue, tone: "muted")
        }
    }

    init(_ phase: SyncRunPhase) {
        switch phase {
        case .succeeded: self.init(phase.rawValue, tone: "ok")
        case .running: self.init(phase.rawValue, tone: "warn")
        case .failed: self.init(phase.rawValue, tone: "bad")
        }
    }
}

/// A moment shown as "5 min ago" with the exact UTC time as a tooltip.
struct TimeText {
    var relative: String
    var exact: String

    init(_ date: Date, now: Date) {
        exact = APICoding.formatDate(date)
        relative = Self.relative(from: date, to: now)
    }

    static func relative(from date: Date, to now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        switch seconds {
        case ..<10: return "just now"
        case ..<60: return "\(seconds) s ago"
        case ..<3600: return "\(seconds / 60) min ago"
        case ..<86_400: return "\(seconds / 3600) h ago"
        default: return "\(seconds / 86_400) d ago"
        }
    }
}

/// Small text helpers for dashboard pages.
enum DashboardFormat {
    /// A Git SHA shortened to 7 characters; branch and tag names unchanged.
    static func shortRevision(_ revision: String) -> String {
        let isSHA = revision.count >= 40 && revision.allSatisfy(\.isHexDigit)
        return isSHA ? String(revision.prefix(7)) : revision
    }

    /// The link to an application's detail page (the name percent-encoded as a path segment).
    static func appPath(_ name: String) -> String {
        "/applications/" + (name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }

    /// "Automated (prune, self-heal)" or "Manual".
    static func policy(_ spec: ApplicationSpec) -> String {
        guard spec.isAutomated else { return "Manual" }
        let flags = [spec.autoPrune ? "prune" : nil, spec.selfHeal ? "self-heal" : nil].compactMap { $0 }
        return flags.isEmpty ? "Automated" : "Automated (\(flags.joined(separator: ", ")))"
    }
}
