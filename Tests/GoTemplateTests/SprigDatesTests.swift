import FerryCore
import GoTemplate
import Testing

/// Times below: sprigTestNow is 2023-11-14 22:13:20 UTC; "tm" is Sprig's test time 2019-06-13 20:39:39 GMT.
@Suite struct SprigDatesTests {
    static let tm: Value = ["Time": "2019-06-13 20:39:39 +0000 GMT"]

    static let cases: [TemplateCase] = [
        TemplateCase("now prints like Go's Time.String", "{{ now }}", output: "2023-11-14 22:13:20 +0000 UTC"),
        TemplateCase("date formats with a Go layout", #"{{ now | date "2006-01-02 15:04:05" }}"#, output: "2023-11-14 22:13:20"),
        TemplateCase("date with month and weekday names", #"{{ now | date "Mon Jan 2 3:04PM MST 2006" }}"#, output: "Tue Nov 14 10:13PM UTC 2023"),
        TemplateCase("date with long names and a year day", #"{{ now | date "Monday, January _2 '06 002" }}"#, output: "Tuesday, November 14 '23 318"),
        TemplateCase("date with fractional seconds and zones", #"{{ now | date "15:04:05.000 Z07:00 -0700" }}"#, output: "22:13:20.000 Z +0000"),
        TemplateCase("htmlDate", "{{ .Time | htmlDate }}", data: tm, output: "2019-06-13"),
        TemplateCase("unixEpoch", "{{ unixEpoch .Time }}", data: tm, output: "1560458379"),
        TemplateCase("unixEpoch of now", "{{ now | unixEpoch }}", output: "1700000000"),
        TemplateCase("dateInZone formats in a zone", #"{{ date_in_zone "02 Jan 06 15:04 -0700" .Time "UTC" }}"#, data: tm, output: "13 Jun 19 20:39 +0000"),
        TemplateCase("dateInZone of a Unix time", #"{{ dateInZone "02 Jan 06 15:04 -0700" 1560458379 "UTC" }}"#, output: "13 Jun 19 20:39 +0000"),
        TemplateCase("dateInZone with an unknown zone uses UTC", #"{{ dateInZone "02 Jan 06 15:04 -0700" .Time "foobar" }}"#, data: tm, output: "13 Jun 19 20:39 +0000"),
        TemplateCase("dateInZone in another zone", #"{{ dateInZone "2006-01-02 15:04 -0700" .Time "Asia/Tokyo" }}"#, data: tm, output: "2019-06-14 05:39 +0900"),
        TemplateCase("dateInZone of an empty string is now", #"{{ dateInZone "2006" "" "UTC" }}"#, output: "2023"),
        TemplateCase("htmlDateInZone", #"{{ htmlDateInZone .Time "Asia/Tokyo" }}"#, data: tm, output: "2019-06-14"),
        TemplateCase("dateModify adds a duration", #"{{ date_modify "24h" .Time }}"#, data: tm, output: "2019-06-14 20:39:39 +0000 GMT"),
        TemplateCase("dateModify subtracts", #"{{ dateModify "-1.5h" .Time }}"#, data: tm, output: "2019-06-13 19:09:39 +0000 GMT"),
        TemplateCase("dateModify with a bad duration keeps the time", #"{{ dateModify "1f" .Time }}"#, data: tm, output: "2019-06-13 20:39:39 +0000 GMT"),
        TemplateCase("mustDateModify with a bad duration is an error", #"{{ must_date_modify "1f" .Time }}"#, data: tm, error: "invalid duration"),
        TemplateCase("dateModify needs a time", #"{{ dateModify "1h" 5 }}"#, error: "expected time.Time; got int"),
        TemplateCase("toDate parses with a layout", #"{{ toDate "2006-01-02" "2017-12-31" | date "02/01/2006" }}"#, output: "31/12/2017"),
        TemplateCase("toDate keeps an explicit offset", #"{{ toDate "2006-01-02T15:04:05Z07:00" "2020-02-03T04:05:06+02:00" }}"#, output: "2020-02-03 04:05:06 +0200 +0200"),
        TemplateCase("toDate of bad text is the zero time", #"{{ toDate "2006-01-02" "nope" }}"#, output: "0001-01-01 00:00:00 +0000 UTC"),
        TemplateCase("mustToDate of bad text is an error", #"{{ mustToDate "2006-01-02" "nope" }}"#, error: "parsing time \"nope\""),
        TemplateCase("ago measures from the clock", #"{{ ago .t }}"#, data: ["t": "2023-11-14 22:11:15 +0000 UTC"], output: "2m5s"),
        TemplateCase("ago of a future time is negative", #"{{ ago .t }}"#, data: ["t": "2023-11-14 22:13:25 +0000 UTC"], output: "-5s"),
        TemplateCase("ago of a Unix time", "{{ ago 1699990737 }}", output: "2h34m23s"),
        TemplateCase("duration of seconds in a string", #"{{ duration "61" }} {{ duration "3600" }} {{ duration "93784" }}"#, output: "1m1s 1h0m0s 26h3m4s"),
        TemplateCase("duration of an int is zero, as in Sprig", "{{ duration 95 }}", output: "0s"),
        TemplateCase("durationRound rounds to the largest unit", #"{{ durationRound "2h5s" }} {{ durationRound "24h5s" }} {{ durationRound "2400h5s" }}"#, output: "2h 1d 3mo"),
        TemplateCase("durationRound of years and seconds", #"{{ durationRound "9000h" }} {{ durationRound "1.5s" }} {{ durationRound "nope" }}"#, output: "1y 1s 0s"),
        TemplateCase("durationRound of a time measures from now", #"{{ durationRound .t }}"#, data: ["t": "2023-11-13 22:13:19 +0000 UTC"], output: "1d"),
    ]

    @Test(arguments: cases) func dates(_ c: TemplateCase) { checkSprig(c) }

    @Test func theConfiguredZoneIsLocal() throws {
        let options = SprigOptions(clock: { sprigTestNow }, timeZone: try #require(TimeZoneFixture.berlin))
        let set = try Template.parse(name: "t", text: #"{{ now | date "15:04 MST" }} {{ now | htmlDate }}"#, functions: Sprig.functions(options))
        let out = try set.execute("t", data: .emptyObject)
        #expect(out == "23:13 CET 2023-11-14" || out == "23:13 GMT+1 2023-11-14", "got \(out)")
    }
}

import Foundation

enum TimeZoneFixture {
    static let berlin = TimeZone(identifier: "Europe/Berlin")
}
