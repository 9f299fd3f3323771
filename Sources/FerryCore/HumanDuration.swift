import Foundation

/// Kubernetes' `duration.HumanDuration`: how kubectl and the API server word ages (`45s`, `3m12s`, `25m`,
/// `5h4m`, `30h`, `3d2h`, `200d`, `2y4d`, `8y`).
public enum HumanDuration {
    /// `interval` in those words; `<invalid>` below -1 s, `0s` for the last second before.
    public static func format(_ interval: TimeInterval) -> String {
        let seconds = Int64(interval)
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 120 { return "\(seconds)s" }
        let minutes = seconds / 60, hours = seconds / 3600, days = hours / 24
        func pair(_ big: Int64, _ bigUnit: String, _ small: Int64, _ smallUnit: String) -> String {
            small == 0 ? "\(big)\(bigUnit)" : "\(big)\(bigUnit)\(small)\(smallUnit)"
        }
        if minutes < 10 { return pair(minutes, "m", seconds % 60, "s") }
        if minutes < 180 { return "\(minutes)m" }
        if hours < 8 { return pair(hours, "h", minutes % 60, "m") }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 { return pair(days, "d", hours % 24, "h") }
        if hours < 24 * 365 * 2 { return "\(days)d" }
        if hours < 24 * 365 * 8 { return pair(days / 365, "y", days % 365, "d") }
        return "\(days / 365)y"
    }

    /// How long before `now` `date` was; a date ahead of `now` is `0s`.
    public static func since(_ date: Date, now: Date = Date()) -> String {
        format(max(0, now.timeIntervalSince(date)))
    }
}
