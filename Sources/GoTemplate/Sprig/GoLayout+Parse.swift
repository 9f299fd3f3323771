import FerryCore
import Foundation

extension GoLayout {
    struct ParseError: Error { var message: String }

    /// `time.ParseInLocation(layout, value, zone)`: fields missing from the layout default to
    /// January 1 of year 0 at midnight; a numeric zone in the value wins over `zone`.
    static func parse(_ layout: String, _ value: String, in zone: TimeZone) throws -> GoTime {
        var rest = Substring(value)
        var year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, nanos: Int64 = 0
        var pm: Bool?, offset: Int?, zoneName: String?
        let fail = { (element: String) in
            ParseError(message: "parsing time \(GoQuote.quote(value)) as \(GoQuote.quote(layout)): cannot parse \(GoQuote.quote(String(rest))) as \(GoQuote.quote(element))")
        }
        func number(_ min: Int, _ max: Int, _ element: String) throws -> Int {
            let digits = rest.prefix(max).prefix { $0.isASCIIDigit }
            guard digits.count >= min, let n = Int(digits) else { throw fail(element) }
            rest = rest.dropFirst(digits.count)
            return n
        }
        func name(_ list: [String], short: Bool, _ element: String) throws -> Int {
            for (i, full) in list.enumerated() {
                let candidate = short ? String(full.prefix(3)) : full
                if rest.lowercased().hasPrefix(candidate.lowercased()) { rest = rest.dropFirst(candidate.count); return i }
            }
            throw fail(element)
        }
        for chunk in chunks(layout) {
            switch chunk {
            case .literal(let s):
                guard rest.hasPrefix(s) else { throw fail(s) }
                rest = rest.dropFirst(s.count)
            case .longYear: year = try number(4, 4, "2006")
            case .year: year = try number(2, 2, "06") + 1900; if year < 1969 { year += 100 }
            case .longMonth: month = try name(months, short: false, "January") + 1
            case .month: month = try name(months, short: true, "Jan") + 1
            case .numMonth: month = try number(1, 2, "1")
            case .zeroMonth: month = try number(2, 2, "01")
            case .longWeekday: _ = try name(days, short: false, "Monday")
            case .weekday: _ = try name(days, short: true, "Mon")
            case .day: day = try number(1, 2, "2")
            case .underDay: if rest.first == " " { rest = rest.dropFirst() }; day = try number(1, 2, "_2")
            case .zeroDay: day = try number(2, 2, "02")
            case .hour: hour = try number(1, 2, "15")
            case .hour12: hour = try number(1, 2, "3")
            case .zeroHour12: hour = try number(2, 2, "03")
            case .minute: minute = try number(1, 2, "4")
            case .zeroMinute: minute = try number(2, 2, "04")
            case .second: second = try number(1, 2, "5")
            case .zeroSecond: second = try number(2, 2, "05")
            case .pm, .lowerPM:
                let t = rest.prefix(2).uppercased()
                guard t == "AM" || t == "PM" else { throw fail("PM") }
                pm = t == "PM"
                rest = rest.dropFirst(2)
            case .tz:
                if rest.hasPrefix("UTC") { rest = rest.dropFirst(3); offset = 0; zoneName = "UTC"; continue }
                let letters = rest.prefix { $0.isUppercase }
                guard letters.count >= 3 else { throw fail("MST") }
                zoneName = String(letters)
                rest = rest.dropFirst(letters.count)
            case .fraction:
                if let sep = rest.first, sep == "." || sep == "," {
                    rest = rest.dropFirst()
                    let digits = rest.prefix { $0.isASCIIDigit }
                    nanos = Int64(String(digits.prefix(9)).padding(toLength: 9, withPad: "0", startingAt: 0)) ?? 0
                    rest = rest.dropFirst(digits.count)
                }
            case .zeroYearDay, .underYearDay: _ = try number(1, 3, "002")
            default: offset = try parseOffset(&rest, chunk, fail)
            }
        }
        guard rest.isEmpty else {
            throw ParseError(message: "parsing time \(GoQuote.quote(value)): extra text: \(GoQuote.quote(String(rest)))")
        }
        if let pm { hour = hour % 12 + (pm ? 12 : 0) }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else {
            throw ParseError(message: "parsing time \(GoQuote.quote(value)): value out of range")
        }
        let local = Int64(GoTime.daysFromCivil(year, month, day)) * 86400 + Int64(hour * 3600 + minute * 60 + second)
        if let offset {
            let name = offset == 0 && zoneName == nil ? "UTC" : (zoneName ?? "")
            return GoTime(seconds: local - Int64(offset), nanos: nanos, offset: offset, zone: name)
        }
        if let zoneName, zoneName != "UTC" {
            return GoTime(seconds: local, nanos: nanos, offset: 0, zone: zoneName)
        }
        let guess = GoTime(seconds: local, nanos: nanos).in(zone)
        return GoTime(seconds: local - Int64(guess.offset), nanos: nanos).in(zone)
    }

    static func parseOffset(_ rest: inout Substring, _ chunk: Chunk, _ fail: (String) -> ParseError) throws -> Int {
        let iso = [.iso8601TZ, .iso8601SecondsTZ, .iso8601ShortTZ, .iso8601ColonTZ, .iso8601ColonSecondsTZ].contains(chunk)
        if iso, rest.first == "Z" { rest = rest.dropFirst(); return 0 }
        guard let sign = rest.first, sign == "+" || sign == "-" else { throw fail("-0700") }
        rest = rest.dropFirst()
        var fields: [Int] = []
        while fields.count < 3 {
            if !fields.isEmpty, rest.first == ":" { rest = rest.dropFirst() }
            let digits = rest.prefix(2)
            guard digits.count == 2, digits.allSatisfy(\.isASCIIDigit), let n = Int(digits) else { break }
            fields.append(n)
            rest = rest.dropFirst(2)
        }
        guard !fields.isEmpty else { throw fail("-0700") }
        let seconds = fields[0] * 3600 + (fields.count > 1 ? fields[1] * 60 : 0) + (fields.count > 2 ? fields[2] : 0)
        return sign == "-" ? -seconds : seconds
    }
}
