import Foundation

/// A Go `time.Time`: an instant (seconds and nanoseconds since 1970) seen in a zone (offset and name).
///
/// Templates carry times as strings in Go's `Time.String()` form (`2019-06-13 20:39:39 +0000 UTC`), which is
/// also what printing a time gives in Go; the date functions read that form back.
struct GoTime: Equatable {
    var seconds: Int64
    var nanos: Int64 = 0
    var offset: Int = 0
    var zone: String = "UTC"

    static let zero = GoTime(seconds: -62_135_596_800)

    init(seconds: Int64, nanos: Int64 = 0, offset: Int = 0, zone: String = "UTC") {
        self.seconds = seconds
        self.nanos = nanos
        self.offset = offset
        self.zone = zone
    }

    init(date: Date, in tz: TimeZone) {
        let t = date.timeIntervalSince1970
        seconds = Int64(t.rounded(.down))
        nanos = Int64(((t - t.rounded(.down)) * 1e9).rounded())
        if nanos >= 1_000_000_000 { seconds += 1; nanos -= 1_000_000_000 }
        self.offset = 0
        self.zone = "UTC"
        self = self.in(tz)
    }

    /// The same instant in another zone.
    func `in`(_ tz: TimeZone) -> GoTime {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        let offset = tz.secondsFromGMT(for: date)
        let utcNames: Set<String> = ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Universal", "Zulu"]
        let name = utcNames.contains(tz.identifier) ? "UTC" : (tz.abbreviation(for: date) ?? tz.identifier)
        return GoTime(seconds: seconds, nanos: nanos, offset: offset, zone: name)
    }

    /// Adds nanoseconds.
    func adding(nanoseconds d: Int64) -> GoTime {
        var t = self
        let total = t.nanos + d % 1_000_000_000
        t.seconds = t.seconds &+ d / 1_000_000_000 &+ (total >= 1_000_000_000 ? 1 : total < 0 ? -1 : 0)
        t.nanos = (total % 1_000_000_000 + 1_000_000_000) % 1_000_000_000
        return t
    }

    /// Civil fields in this time's zone.
    var civil: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int, yday: Int) {
        let local = Swift.min(Swift.max(seconds &+ Int64(offset), -(1 << 50)), 1 << 50)
        let days = Int((local - ((local % 86400) + 86400) % 86400) / 86400)
        let secs = Int(((local % 86400) + 86400) % 86400)
        let (y, m, d) = GoTime.civilFromDays(days)
        let yday = days - GoTime.daysFromCivil(y, 1, 1) + 1
        let weekday = ((days % 7) + 7 + 4) % 7
        return (y, m, d, secs / 3600, secs % 3600 / 60, secs % 60, weekday, yday)
    }

    /// Howard Hinnant's days-from-civil algorithm (proleptic Gregorian).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Go's `Time.String()`.
    var description: String {
        var frac = ""
        if nanos != 0 {
            frac = "." + String(nanos).leftPadded(to: 9)
            while frac.hasSuffix("0") { frac.removeLast() }
        }
        return GoLayout.format(self, "2006-01-02 15:04:05") + frac + " " + GoLayout.format(self, "-0700 MST")
    }

    static let pattern = try! NSRegularExpression(
        pattern: "^(-?\\d{4,})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,9})? ([+-])(\\d{2})(\\d{2}) (\\S+)$")

    /// Reads a time printed by `description`.
    init?(string: String) {
        let ns = string as NSString
        guard let m = GoTime.pattern.firstMatch(in: string, range: NSRange(location: 0, length: ns.length)) else { return nil }
        let g = (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        let n = g.map { Int($0) ?? 0 }
        let days = GoTime.daysFromCivil(n[1], n[2], n[3])
        let offset = (g[8] == "-" ? -1 : 1) * (n[9] * 3600 + n[10] * 60)
        let local = Int64(days) * 86400 + Int64(n[4] * 3600 + n[5] * 60 + n[6])
        var nanos: Int64 = 0
        if !g[7].isEmpty { nanos = Int64(String(g[7].dropFirst()).padding(toLength: 9, withPad: "0", startingAt: 0)) ?? 0 }
        self.init(seconds: local - Int64(offset), nanos: nanos, offset: offset, zone: g[11])
    }
}

/// Go's `time.Duration` text: `ParseDuration` and `String`.
enum GoDuration {
    static let units: [(String, Double)] = [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ]

    /// `time.ParseDuration`: signed sequence of decimal numbers with units, e.g. `-1.5h`, `2h45m`.
    static func parse(_ text: String) -> Int64? {
        var s = Substring(text)
        var negative = false
        if let c = s.first, c == "-" || c == "+" { negative = c == "-"; s = s.dropFirst() }
        if s == "0" { return 0 }
        guard !s.isEmpty else { return nil }
        var total = 0.0
        while !s.isEmpty {
            let number = s.prefix { $0.isASCIIDigit || $0 == "." }
            guard !number.isEmpty, number != ".", let value = Double(number.hasPrefix(".") ? "0" + number : String(number)) else { return nil }
            s = s.dropFirst(number.count)
            let unitText = s.prefix { !$0.isASCIIDigit && $0 != "." }
            guard let unit = units.first(where: { $0.0 == unitText }) else { return nil }
            s = s.dropFirst(unitText.count)
            total += value * unit.1
        }
        guard total < 9.2e18 else { return nil }
        return Int64(negative ? -total : total)
    }

    /// `Duration.String()`: `1h2m3.5s`, `1.5ms`, `0s`.
    static func string(_ d: Int64) -> String {
        if d == 0 { return "0s" }
        let sign = d < 0 ? "-" : ""
        let u = d.magnitude
        if u < 1_000_000_000 {
            let (unit, scale): (String, UInt64) = u < 1000 ? ("ns", 1) : u < 1_000_000 ? ("µs", 1000) : ("ms", 1_000_000)
            return sign + fraction(u, scale) + unit
        }
        let hours = u / 3_600_000_000_000, minutes = u / 60_000_000_000 % 60
        let secs = fraction(u % 60_000_000_000, 1_000_000_000) + "s"
        if hours > 0 { return sign + "\(hours)h\(minutes)m" + secs }
        if minutes > 0 { return sign + "\(minutes)m" + secs }
        return sign + secs
    }

    static func fraction(_ v: UInt64, _ scale: UInt64) -> String {
        let whole = v / scale, rest = v % scale
        guard rest != 0 else { return String(whole) }
        var digits = String(rest).leftPadded(to: String(scale).count - 1)
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    /// `Duration.Round(m)`: halves away from zero.
    static func round(_ d: Int64, to m: Int64) -> Int64 {
        var r = d % m
        if d < 0 {
            r = -r
            return r &+ r < m ? d &+ r : d &- m &+ r
        }
        return r &+ r < m ? d &- r : d &+ m &- r
    }
}
