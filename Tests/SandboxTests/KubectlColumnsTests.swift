import FerryCore
import Foundation
import Testing
@testable import Sandbox

/// `kubectl get` prints the columns a real API server's Tables carry for Jobs, CronJobs, DaemonSets and claims.
@Suite struct KubectlColumnsTests {
    static func table(_ k: Kubectl, _ args: [String]) async throws -> [[String]] {
        try await k.succeed(["get"] + args).split(separator: "\n").map { line in
            line.components(separatedBy: "   ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    @Test func workloadAndClaimColumns() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        try await k.succeed(["apply", "-f", "-"], stdin: """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: once}
            spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}}}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly}
            spec:
              schedule: "0 3 * * *"
              timeZone: Europe/Paris
              jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}}}}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec: {nodeSelector: {kubernetes.io/os: linux}, containers: [{name: c, image: busybox}]}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
            """)
        #expect(try await poll { try await k.succeed(["get", "pvc", "data", "-o", "jsonpath={.status.phase}"]) == "Bound" })
        #expect(try await poll { try await k.succeed(["get", "job", "once", "-o", "jsonpath={.status.succeeded}"]) == "1" })
        #expect(try await poll { try await k.succeed(["get", "ds", "agent", "-o", "jsonpath={.status.numberReady}"]) == "1" })

        let jobs = try await Self.table(k, ["jobs"])
        #expect(jobs.first == ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"])
        #expect(Array(jobs.dropFirst().first?.prefix(3) ?? []) == ["once", "Complete", "1/1"])
        let cron = try await Self.table(k, ["cronjobs"])
        #expect(cron.first == ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"])
        #expect(Array(cron.dropFirst().first?.prefix(6) ?? []) == ["nightly", "0 3 * * *", "Europe/Paris", "False", "0", "<none>"])
        let daemons = try await Self.table(k, ["daemonsets"])
        #expect(daemons.first == ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"])
        #expect(Array(daemons.dropFirst().first?.prefix(7) ?? []) == ["agent", "1", "1", "1", "1", "1", "kubernetes.io/os=linux"])
        let claims = try await Self.table(k, ["pvc"])
        #expect(claims.first == ["NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE"])
        let uid = try await k.succeed(["get", "pvc", "data", "-o", "jsonpath={.metadata.uid}"])
        #expect(Array(claims.dropFirst().first?.prefix(7) ?? []) == ["data", "Bound", "pvc-" + uid, "1Gi", "RWO", "<unset>", "<unset>"])
    }
}
