import FerryCore
import Foundation

/// Sprig's date functions. Times travel through templates as strings in Go's `Time.String()` form; a date
/// argument may also be a Unix time in seconds (an int), and anything else means "now", as in Sprig.
enum SprigDates {
    static func table(_ options: SprigOptions) -> FunctionMap {
        let now: @Sendable () -> GoTime = { GoTime(date: options.clock(), in: options.timeZone) }
        let local = options.timeZone
        /// A `date interface{}` argument.
        @Sendable func time(_ v: TemplateValue) -> GoTime {
            switch v.data {
            case .string(let s): return GoTime(string: s) ?? now()
            case .int(let i): return GoTime(seconds: i).in(local)
            default: return now()
            }
        }
        /// A `time.Time` argument.
        @Sendable func typedTime(_ v: TemplateValue) throws -> GoTime {
            guard case .string(let s) = v.data, let t = GoTime(string: s) else { throw Arg.wrongType(v.data, expected: "time.Time") }
            return t
        }
        @Sendable func inZone(_ format: String, _ t: GoTime, _ zone: String) -> String {
            GoLayout.format(t.in(zoneNamed(zone, local: local)), format)
        }
        let dateInZone: TemplateFunction = { args in
            try Arg.count(args, 3)
            return .str(inZone(try Arg.string(args[0]), time(args[1]), try Arg.string(args[2])))
        }
        let dateModify: TemplateFunction = { args in
            try Arg.count(args, 2)
            let t = try typedTime(args[1])
            guard let d = GoDuration.parse(try Arg.string(args[0])) else { return .str(t.description) }
            return .str(t.adding(nanoseconds: d).description)
        }
        let mustDateModify: TemplateFunction = { args in
            try Arg.count(args, 2)
            let text = try Arg.string(args[0]), t = try typedTime(args[1])
            guard let d = GoDuration.parse(text) else { throw FunctionError("time: invalid duration \(GoQuote.quote(text))") }
            return .str(t.adding(nanoseconds: d).description)
        }
        let toDate: @Sendable (Bool) -> TemplateFunction = { must in
            { args in
                try Arg.count(args, 2)
                do {
                    return .str(try GoLayout.parse(try Arg.string(args[0]), try Arg.string(args[1]), in: local).description)
                } catch let e as GoLayout.ParseError {
                    if must { throw FunctionError(e.message) }
                    return .str(GoTime.zero.description)
                }
            }
        }
        return [
            "now": { args in try Arg.count(args, 0); return .str(now().description) },
            "date": { args in
                try Arg.count(args, 2)
                return .str(inZone(try Arg.string(args[0]), time(args[1]), local.identifier))
            },
            "dateInZone": dateInZone, "date_in_zone": dateInZone,
            "htmlDate": { args in try Arg.count(args, 1); return .str(inZone("2006-01-02", time(args[0]), local.identifier)) },
            "htmlDateInZone": { args in
                try Arg.count(args, 2)
                return .str(inZone("2006-01-02", time(args[0]), try Arg.string(args[1])))
            },
            "dateModify": dateModify, "date_modify": dateModify,
            "mustDateModify": mustDateModify, "must_date_modify": mustDateModify,
            "toDate": toDate(false), "mustToDate": toDate(true),
            "unixEpoch": { args in try Arg.count(args, 1); return .str(String(try typedTime(args[0]).seconds)) },
            "ago": { args in
                try Arg.count(args, 1)
                let t = time(args[0]), n = now()
                let d = (n.seconds &- t.seconds) &* 1_000_000_000 &+ (n.nanos &- t.nanos)
                return .str(GoDuration.string(GoDuration.round(d, to: 1_000_000_000)))
            },
            "duration": { args in
                try Arg.count(args, 1)
                var seconds: Int64 = 0
                if case .string(let s) = args[0].data { seconds = GoNumber.parseInt(s, base: 10) ?? 0 }
                return .str(GoDuration.string(seconds.multipliedReportingOverflow(by: 1_000_000_000).partialValue))
            },
            "durationRound": { args in
                try Arg.count(args, 1)
                var d: Int64 = 0
                if case .string(let s) = args[0].data {
                    if let t = GoTime(string: s) {
                        let n = now()
                        d = (n.seconds &- t.seconds) &* 1_000_000_000 &+ (n.nanos &- t.nanos)
                    } else { d = GoDuration.parse(s) ?? 0 }
                }
                return .str(roundDuration(d))
            },
        ]
    }

    /// `time.LoadLocation`: "Local" is the configured zone, unknown names fall back to UTC.
    static func zoneNamed(_ name: String, local: TimeZone) -> TimeZone {
        if name == "Local" || name == local.identifier { return local }
        if name == "UTC" || name.isEmpty { return TimeZone(identifier: "UTC") ?? local }
        return TimeZone(identifier: name) ?? TimeZone(identifier: "UTC") ?? local
    }

    /// Sprig's `durationRound`: the duration in its largest whole unit (y, mo, d, h, m, s).
    static func roundDuration(_ d: Int64) -> String {
        let u = d.magnitude
        let second: UInt64 = 1_000_000_000, minute = 60 * second, hour = 60 * minute, day = 24 * hour
        for (unit, name) in [(365 * day, "y"), (30 * day, "mo"), (day, "d"), (hour, "h"), (minute, "m"), (second, "s")] where u > unit {
            return "\(u / unit)\(name)"
        }
        return "0s"
    }
}
