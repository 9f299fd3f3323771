import Foundation

/// kubectl's short human durations (`45s`, `3m12s`, `2h`, `5d`), used for "how long ago" columns.
public enum Age {
    /// How long before `now` a date was, e.g. `3m12s`; `0s` for dates in the future.
    public static func since(_ date: Date, now: Date = Date()) -> String {
        format(seconds: Int(max(0, now.timeIntervalSince(date))))
    }

    /// Formats a number of seconds the way kubectl's `HumanDuration` does.
    public static func format(seconds: Int) -> String {
        let minutes = seconds / 60, hours = seconds / 3600, days = seconds / 86400
        switch seconds {
        case ..<120: return "\(seconds)s"
        case ..<600: return "\(minutes)m" + (seconds % 60 == 0 ? "" : "\(seconds % 60)s")
        case ..<10800: return "\(minutes)m"
        case ..<28800: return "\(hours)h" + (minutes % 60 == 0 ? "" : "\(minutes % 60)m")
        case ..<172800: return "\(hours)h"
        case ..<(8 * 86400): return "\(days)d" + (hours % 24 == 0 ? "" : "\(hours % 24)h")
        case ..<(365 * 2 * 86400): return "\(days)d"
        default: return "\(days / 365)y"
        }
    }

    /// A date as RFC 3339 in UTC without fractional seconds (`2024-05-01T10:00:00Z`).
    public static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
    }
}
