import FerryCore
import Foundation
import Synchronization
import Testing
@testable import Sandbox

/// CronJob schedules, and the simulated CronJob controller driven by a clock the test moves forward.
@Suite struct CronJobTests {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    static func date(_ text: String) -> Date { APICoding.parseDate(text)! }

    @Test func schedulesFireWhereCronWould() throws {
        func next(_ spec: String, _ after: String) throws -> String? {
            try CronSchedule(spec).next(after: Self.date(after), calendar: Self.utc).map { ObjectRules.timestamp($0) }
        }
        #expect(try next("*/15 * * * *", "2026-11-22T10:07:30Z") == "2026-11-22T10:15:00Z")
        #expect(try next("0 3 * * *", "2026-11-22T03:00:00Z") == "2026-11-23T03:00:00Z")
        #expect(try next("30 9 * * mon-fri", "2026-11-21T12:00:00Z") == "2026-11-23T09:30:00Z")  // Saturday -> Monday
        #expect(try next("0 0 1 jan,jul *", "2026-11-22T00:00:00Z") == "2027-01-01T00:00:00Z")
        #expect(try next("@hourly", "2026-11-22T10:59:59Z") == "2026-11-22T11:00:00Z")
        #expect(try next("0 12 13 * 5", "2026-11-01T00:00:00Z") == "2026-11-06T12:00:00Z")  // day 13 or a Friday
        #expect(try next("0 0 29 2 *", "2026-03-01T00:00:00Z") == "2028-02-29T00:00:00Z")
        for bad in ["* * * *", "61 * * * *", "*/0 * * * *", "5-1 * * * *", "* * * foo *"] {
            #expect(throws: CronSchedule.Invalid.self, "\(bad)") { try CronSchedule(bad) }
        }
    }

    @Test func aDueCronJobRunsItsJobOnceAndRecordsTheSchedule() async throws {
        let offset = Mutex<TimeInterval>(0)
        var options = SandboxOptions(simulationDelay: .milliseconds(50))
        options.clock = { Date().addingTimeInterval(offset.withLock { $0 }) }
        options.cronInterval = .milliseconds(50)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-cron-\(UUID().uuidString)")
        let cluster = try SandboxCluster(dataDirectory: dir, options: options)
        _ = try await cluster.start()
        defer { Task { await cluster.stop() } }
        let k = Kubectl(kubeconfig: cluster.kubeconfigPath)
        try await k.succeed(["apply", "-f", "-"], stdin: """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "0 3 1 1 *"
              jobTemplate:
                metadata: {labels: {app: report}}
                spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}}}
            """)
        // Two years later: many runs were missed; only the latest one is started, as the real controller does.
        offset.withLock { $0 = 2 * 366 * 86400 }
        #expect(try await poll {
            try await k.succeed(["get", "cronjob", "report", "-o", "jsonpath={.status.lastSuccessfulTime}"]) != ""
        })
        let jobs = try await k.succeed(["get", "jobs", "-l", "app=report", "-o",
                                        "jsonpath={range .items[*]}{.metadata.name} {.metadata.ownerReferences[0].kind} {.status.succeeded}{\"\\n\"}{end}"])
        let lines = jobs.split(separator: "\n")
        #expect(lines.count == 1, "\(jobs)")
        let last = try await k.succeed(["get", "cronjob", "report", "-o", "jsonpath={.status.lastScheduleTime}"])
        #expect(last.hasSuffix("-01-01T03:00:00Z"))
        #expect(lines.first?.hasPrefix("report-\(Int64(Self.date(last).timeIntervalSince1970 / 60)) CronJob 1") == true, "\(jobs)")
        #expect(try await k.succeed(["get", "cronjob", "report", "-o", "jsonpath={.status.active}"]) == "")
        let events = try await k.succeed(["get", "events", "--field-selector", "involvedObject.kind=CronJob"])
        #expect(events.contains("SuccessfulCreate") && events.contains("Created job report-"), "\(events)")
        #expect(events.contains("SawCompletedJob"), "\(events)")
    }
}
