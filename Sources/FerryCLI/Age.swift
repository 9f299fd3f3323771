import FerryCore
import Foundation

/// Times as the CLI prints them: ages worded like kubectl's (`HumanDuration`) and RFC 3339 timestamps.
public enum Age {
    /// How long before `now` a date was, e.g. `3m12s`; `0s` for dates in the future.
    public static func since(_ date: Date, now: Date = Date()) -> String {
        HumanDuration.since(date, now: now)
    }

    /// A date as RFC 3339 in UTC without fractional seconds (`2024-05-01T10:00:00Z`).
    public static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
    }
}
