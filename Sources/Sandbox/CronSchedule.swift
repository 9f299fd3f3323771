import Foundation

/// A CronJob's `schedule`: five fields (minute, hour, day of month, month, day of week) with `*`, `?`, lists,
/// ranges, steps and month/day names, or a macro (`@hourly`, `@daily`, `@midnight`, `@weekly`, `@monthly`,
/// `@yearly`, `@annually`). As in cron, when both day fields are restricted a day matching either runs.
struct CronSchedule: Sendable {
    let minutes: Set<Int>, hours: Set<Int>, days: Set<Int>, months: Set<Int>, weekdays: Set<Int>
    let daysRestricted: Bool, weekdaysRestricted: Bool

    struct Invalid: Error, CustomStringConvertible { var description: String }

    static let macros = ["@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
                         "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *"]
    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    init(_ text: String) throws {
        let spec = Self.macros[text.trimmingCharacters(in: .whitespaces).lowercased()] ?? text
        let fields = spec.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else { throw Invalid(description: "expected exactly 5 fields, found \(fields.count): \(text)") }
        minutes = try Self.field(fields[0], 0...59, names: [])
        hours = try Self.field(fields[1], 0...23, names: [])
        days = try Self.field(fields[2], 1...31, names: [])
        months = try Self.field(fields[3], 1...12, names: Self.monthNames, namesFrom: 1)
        weekdays = Set(try Self.field(fields[4], 0...7, names: Self.dayNames).map { $0 % 7 })
        daysRestricted = !["*", "?"].contains(fields[2])
        weekdaysRestricted = !["*", "?"].contains(fields[4])
    }

    private static func field(_ text: String, _ range: ClosedRange<Int>, names: [String], namesFrom: Int = 0) throws -> Set<Int> {
        func value(_ s: Substring) throws -> Int {
            if let n = Int(s), range.contains(n) { return n }
            if let index = names.firstIndex(of: s.lowercased()) { return index + namesFrom }
            throw Invalid(description: "value \(s) out of range \(range.lowerBound)-\(range.upperBound) in \"\(text)\"")
        }
        var out = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            let step = pieces.count == 2 ? Int(pieces[1]) : 1
            guard let step, step > 0 else { throw Invalid(description: "bad step in \"\(text)\"") }
            let base = pieces[0]
            var low = range.lowerBound, high = range.upperBound
            if base != "*" && base != "?" {
                let bounds = base.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
                guard !base.isEmpty else { throw Invalid(description: "empty field in \"\(text)\"") }
                low = try value(bounds[0])
                high = bounds.count == 2 ? try value(bounds[1]) : (pieces.count == 2 ? range.upperBound : low)
                guard low <= high else { throw Invalid(description: "range \(base) runs backwards in \"\(text)\"") }
            }
            out.formUnion(stride(from: low, through: high, by: step))
        }
        return out
    }

    /// The first time after `date` (to the minute) the schedule fires, in `calendar`'s time zone.
    func next(after date: Date, calendar: Calendar) -> Date? {
        let start = calendar.dateInterval(of: .minute, for: date).map { $0.end } ?? date.addingTimeInterval(60)
        var t = start
        let limit = start.addingTimeInterval(5 * 366 * 86400)
        while t < limit {
            let c = calendar.dateComponents([.month, .day, .weekday, .hour, .minute], from: t)
            guard let month = c.month, let day = c.day, let weekday = c.weekday, let hour = c.hour, let minute = c.minute else { return nil }
            if !months.contains(month) {
                t = calendar.nextDate(after: t, matching: DateComponents(day: 1, hour: 0, minute: 0), matchingPolicy: .nextTime) ?? limit
                continue
            }
            let dayMatches = daysRestricted && weekdaysRestricted
                ? days.contains(day) || weekdays.contains(weekday - 1)
                : days.contains(day) && weekdays.contains(weekday - 1)
            if !dayMatches {
                t = calendar.nextDate(after: t, matching: DateComponents(hour: 0, minute: 0), matchingPolicy: .nextTime) ?? limit
                continue
            }
            if !hours.contains(hour) {
                t = calendar.nextDate(after: t, matching: DateComponents(minute: 0), matchingPolicy: .nextTime) ?? limit
                continue
            }
            if minutes.contains(minute) { return t }
            t = t.addingTimeInterval(60)
        }
        return nil
    }
}
