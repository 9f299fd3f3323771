import FerryCore
import Foundation

/// The CronJob controller: a due CronJob gets a Job made from its `jobTemplate` (only the most recent missed
/// time, within `startingDeadlineSeconds`, honouring `concurrencyPolicy` and `suspend`), its status lists the
/// active Jobs and the last schedule, and a finished Job updates `lastSuccessfulTime`.
extension ControlPlane {
    /// Checks every CronJob each `interval` against `clock` until cancelled.
    func runCronJobs(clock: @escaping @Sendable () -> Date, interval: Duration) async {
        while !Task.isCancelled {
            let now = clock()
            for cronJob in (try? store.list(group: "batch", resource: "cronjobs", namespace: nil).items) ?? [] {
                do { try startIfDue(cronJob, now: now) } catch {
                    logger.warning("simulated cronjob controller failed", metadata: ["cronjob": "\(KubeObject(cronJob).name)",
                                                                                     "error": "\(error)"])
                }
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// The latest schedule time after the last one (or the creation) that is not later than `now`.
    static func dueTime(of cronJob: Value, now: Date) -> Date? {
        guard let text = cronJob[path: ["spec", "schedule"]]?.stringValue, let schedule = try? CronSchedule(text),
              let since = (cronJob[path: ["status", "lastScheduleTime"]] ?? cronJob[path: ["metadata", "creationTimestamp"]])?
                  .stringValue.flatMap(APICoding.parseDate) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        let zone = cronJob[path: ["spec", "timeZone"]]?.stringValue.flatMap { TimeZone(identifier: $0) }
        calendar.timeZone = zone ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        var due: Date?
        var cursor = since
        for _ in 0..<100 {  // the real controller gives up counting after 100 missed times too
            guard let next = schedule.next(after: cursor, calendar: calendar), next <= now else { break }
            due = next
            cursor = next
        }
        return due
    }

    private func startIfDue(_ cronJob: Value, now: Date) throws {
        let item = KubeObject(cronJob)
        guard cronJob[path: ["metadata", "deletionTimestamp"]] == nil, cronJob[path: ["spec", "suspend"]] != true,
              let due = Self.dueTime(of: cronJob, now: now) else { return }
        if let deadline = cronJob[path: ["spec", "startingDeadlineSeconds"]]?.intValue,
           now.timeIntervalSince(due) > Double(deadline) { return }
        let active = cronJob[path: ["status", "active"]]?.arrayValue ?? []
        let policy = cronJob[path: ["spec", "concurrencyPolicy"]]?.stringValue ?? "Allow"
        if policy == "Forbid" && !active.isEmpty { return }
        if policy == "Replace" {
            for reference in active {
                guard let name = reference["name"]?.stringValue else { continue }
                try store.modify(ObjectKey(group: "batch", resource: "jobs", namespace: item.namespace, name: name)) {
                    $0 == nil ? .keep : .delete
                }
            }
        }
        let name = "\(item.name)-\(Int64(due.timeIntervalSince1970 / 60))"
        var job = Self.owned(by: cronJob, kind: "CronJob", apiVersion: "batch/v1", name: name,
                             labels: cronJob[path: ["spec", "jobTemplate", "metadata", "labels"]])
        job["apiVersion"] = "batch/v1"
        job["kind"] = "Job"
        var annotations = cronJob[path: ["spec", "jobTemplate", "metadata", "annotations"]] ?? .emptyObject
        annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"] = .string(ObjectRules.timestamp(due))
        job[path: ["metadata", "annotations"]] = annotations
        job["spec"] = cronJob[path: ["spec", "jobTemplate", "spec"]] ?? .emptyObject
        let created = try store.modify(ObjectKey(group: "batch", resource: "jobs", namespace: item.namespace, name: name)) {
            $0 == nil ? .put(job) : .keep
        }
        recordEvent(about: cronJob, reason: "SuccessfulCreate", message: "Created job \(name)", component: "cronjob-controller")
        let reference: Value = ["apiVersion": "batch/v1", "kind": "Job", "name": .string(name), "namespace": .string(item.namespace),
                                "uid": created?[path: ["metadata", "uid"]] ?? "",
                                "resourceVersion": created?[path: ["metadata", "resourceVersion"]] ?? ""]
        let key = ObjectKey(group: "batch", resource: "cronjobs", namespace: item.namespace, name: item.name)
        try store.modify(key) { current in
            guard var current else { return .keep }
            var list = policy == "Replace" ? [] : current[path: ["status", "active"]]?.arrayValue ?? []
            list.append(reference)
            current[path: ["status", "active"]] = .array(list)
            current[path: ["status", "lastScheduleTime"]] = .string(ObjectRules.timestamp(due))
            return .put(current)
        }
    }

    /// A Job that finished leaves its CronJob's `active` list; a successful one sets `lastSuccessfulTime`.
    func cronJobsJobFinished(_ job: Value) throws {
        guard let owner = (job[path: ["metadata", "ownerReferences"]]?.arrayValue ?? [])
            .first(where: { $0["kind"] == "CronJob" && $0["controller"] == true })?["name"]?.stringValue else { return }
        let item = KubeObject(job)
        let succeeded = Self.hasCondition(job, "Complete")
        let cronJob = try store.modify(ObjectKey(group: "batch", resource: "cronjobs", namespace: item.namespace, name: owner)) { current in
            guard var current else { return .keep }
            let list = (current[path: ["status", "active"]]?.arrayValue ?? []).filter { $0["name"]?.stringValue != item.name }
            current[path: ["status", "active"]] = list.isEmpty ? nil : .array(list)
            if succeeded, let finished = job[path: ["status", "completionTime"]] {
                current[path: ["status", "lastSuccessfulTime"]] = finished
            }
            return .put(current)
        }
        if succeeded, let cronJob {
            recordEvent(about: cronJob, reason: "SawCompletedJob", message: "Saw completed job: \(item.name), status: Complete",
                        component: "cronjob-controller")
        }
    }
}
