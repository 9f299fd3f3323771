import Foundation

/// Go's reference-time layouts (`2006-01-02 15:04:05 -0700 MST`) for formatting and parsing.
enum GoLayout {
    enum Chunk: Equatable {
        case literal(String)
        case longMonth, month, numMonth, zeroMonth, longWeekday, weekday, day, underDay, zeroDay, underYearDay, zeroYearDay
        case hour, hour12, zeroHour12, minute, zeroMinute, second, zeroSecond, longYear, year, pm, lowerPM, tz
        case iso8601TZ, iso8601SecondsTZ, iso8601ShortTZ, iso8601ColonTZ, iso8601ColonSecondsTZ
        case numTZ, numSecondsTz, numShortTZ, numColonTZ, numColonSecondsTZ
        case fraction(digits: Int, trimZeros: Bool, separator: Character)
    }

    static let prefixes: [(String, Chunk)] = [
        ("January", .longMonth), ("Jan", .month), ("Monday", .longWeekday), ("Mon", .weekday), ("MST", .tz),
        ("2006", .longYear), ("002", .zeroYearDay), ("01", .zeroMonth), ("02", .zeroDay), ("03", .zeroHour12),
        ("04", .zeroMinute), ("05", .zeroSecond), ("06", .year), ("15", .hour), ("1", .numMonth), ("2", .day),
        ("__2", .underYearDay), ("_2", .underDay), ("3", .hour12), ("4", .minute), ("5", .second),
        ("PM", .pm), ("pm", .lowerPM),
        ("-07:00:00", .numColonSecondsTZ), ("-070000", .numSecondsTz), ("-07:00", .numColonTZ), ("-0700", .numTZ), ("-07", .numShortTZ),
        ("Z07:00:00", .iso8601ColonSecondsTZ), ("Z070000", .iso8601SecondsTZ), ("Z07:00", .iso8601ColonTZ), ("Z0700", .iso8601TZ),
        ("Z07", .iso8601ShortTZ),
    ]

    /// Splits a layout into literal text and reference-time fields.
    static func chunks(_ layout: String) -> [Chunk] {
        let chars = Array(layout)
        var out: [Chunk] = [], literal = "", i = 0
        func flush() { if !literal.isEmpty { out.append(.literal(literal)); literal = "" } }
        while i < chars.count {
            if let (text, chunk) = match(chars, i) {
                flush()
                out.append(chunk)
                i += text
                continue
            }
            literal.append(chars[i])
            i += 1
        }
        flush()
        return out
    }

    static func match(_ chars: [Character], _ i: Int) -> (Int, Chunk)? {
        let c = chars[i]
        if c == "." || c == ",", i + 1 < chars.count, chars[i + 1] == "0" || chars[i + 1] == "9" {
            let digit = chars[i + 1]
            var j = i + 1
            while j < chars.count, chars[j] == digit { j += 1 }
            if !(j < chars.count && chars[j].isASCIIDigit) {
                return (j - i, .fraction(digits: j - i - 1, trimZeros: digit == "9", separator: c))
            }
        }
        for (text, chunk) in prefixes where chars.count - i >= text.count && String(chars[i..<(i + text.count)]) == text {
            if text == "Jan" || text == "Mon", i + 3 < chars.count, chars[i + 3].isLowercase { continue }
            return (text.count, chunk)
        }
        return nil
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]
    static let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static func pad(_ v: Int, _ width: Int, _ fill: Character = "0") -> String {
        let s = String(abs(v))
        return (v < 0 ? "-" : "") + String(repeating: fill, count: max(0, width - s.count)) + s
    }

    /// `Time.Format(layout)`.
    static func format(_ t: GoTime, _ layout: String) -> String {
        let c = t.civil
        var out = ""
        for chunk in chunks(layout) {
            switch chunk {
            case .literal(let s): out += s
            case .longMonth: out += months[c.month - 1]
            case .month: out += String(months[c.month - 1].prefix(3))
            case .numMonth: out += String(c.month)
            case .zeroMonth: out += pad(c.month, 2)
            case .longWeekday: out += days[c.weekday]
            case .weekday: out += String(days[c.weekday].prefix(3))
            case .day: out += String(c.day)
            case .underDay: out += pad(c.day, 2, " ")
            case .zeroDay: out += pad(c.day, 2)
            case .underYearDay: out += pad(c.yday, 3, " ")
            case .zeroYearDay: out += pad(c.yday, 3)
            case .hour: out += pad(c.hour, 2)
            case .hour12: out += String(c.hour % 12 == 0 ? 12 : c.hour % 12)
            case .zeroHour12: out += pad(c.hour % 12 == 0 ? 12 : c.hour % 12, 2)
            case .minute: out += String(c.minute)
            case .zeroMinute: out += pad(c.minute, 2)
            case .second: out += String(c.second)
            case .zeroSecond: out += pad(c.second, 2)
            case .longYear: out += pad(c.year, 4)
            case .year: out += pad(((c.year % 100) + 100) % 100, 2)
            case .pm: out += c.hour >= 12 ? "PM" : "AM"
            case .lowerPM: out += c.hour >= 12 ? "pm" : "am"
            case .tz: out += t.zone.isEmpty ? zoneOffset(t.offset, colon: false, seconds: false, short: false) : t.zone
            case .fraction(let digits, let trim, let sep):
                var f = String(String(t.nanos).leftPadded(to: 9).prefix(digits))
                if trim { while f.hasSuffix("0") { f.removeLast() } }
                if !f.isEmpty { out += String(sep) + f }
            default: out += zone(chunk, t.offset)
            }
        }
        return out
    }

    static func zone(_ chunk: Chunk, _ offset: Int) -> String {
        switch chunk {
        case .iso8601TZ, .iso8601SecondsTZ, .iso8601ShortTZ, .iso8601ColonTZ, .iso8601ColonSecondsTZ:
            if offset == 0 { return "Z" }
        default: break
        }
        let colon = [.numColonTZ, .numColonSecondsTZ, .iso8601ColonTZ, .iso8601ColonSecondsTZ].contains(chunk)
        let seconds = [.numSecondsTz, .numColonSecondsTZ, .iso8601SecondsTZ, .iso8601ColonSecondsTZ].contains(chunk)
        let short = chunk == .numShortTZ || chunk == .iso8601ShortTZ
        return zoneOffset(offset, colon: colon, seconds: seconds, short: short)
    }

    static func zoneOffset(_ offset: Int, colon: Bool, seconds: Bool, short: Bool) -> String {
        let a = abs(offset)
        var s = (offset < 0 ? "-" : "+") + pad(a / 3600, 2)
        if short { return s }
        s += (colon ? ":" : "") + pad(a / 60 % 60, 2)
        if seconds { s += (colon ? ":" : "") + pad(a % 60, 2) }
        return s
    }
}
