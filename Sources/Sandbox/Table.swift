import FerryCore
import Foundation

/// Server-side printing (`Accept: application/json;as=Table;g=meta.k8s.io;v=v1`): the columns kubectl shows.
enum Table {
    typealias Column = (name: String, cell: (Value) -> Value)

    /// A `meta.k8s.io/v1` Table of `objects`.
    static func render(_ objects: [Value], _ type: ResourceType, resourceVersion: String) -> Value {
        if let columns = type.printerColumns { return render(objects, columns: columns, resourceVersion: resourceVersion) }
        let standard: [Column] = type.kind == "Event" ? eventColumns
            : [("Name", { .string(KubeObject($0).name) })] + kindColumns(type.kind) + [("Age", { age($0) })]
        let wide = type.kind == "Event" ? eventWideColumns : wideColumns(type.kind)
        let columns = standard + wide
        let definitions: [Value] = columns.enumerated().map { index, column in
            ["name": .string(column.name), "type": "string", "format": column.name == "Name" ? "name" : "",
             "description": "", "priority": index < standard.count ? 0 : 1]
        }
        let rows: [Value] = objects.map { object in row(object, cells: columns.map { $0.cell(object) }) }
        return document(definitions: definitions, rows: rows, resourceVersion: resourceVersion)
    }

    /// One row: its cells and the object's metadata.
    static func row(_ object: Value, cells: [Value]) -> Value {
        ["cells": .array(cells),
         "object": ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
                    "metadata": object["metadata"] ?? .emptyObject]]
    }

    /// The `meta.k8s.io/v1` Table around column definitions and rows.
    static func document(definitions: [Value], rows: [Value], resourceVersion: String) -> Value {
        ["kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": ["resourceVersion": .string(resourceVersion)],
         "columnDefinitions": .array(definitions), "rows": .array(rows)]
    }

    /// True when the Accept header asks for a Table.
    static func isRequested(_ accept: String?) -> Bool {
        guard let accept else { return false }
        return accept.split(separator: ",").first.map { $0.contains("as=Table") } ?? false
    }

    private static func int(_ object: Value, _ path: [String]) -> Int64 { object[path: path]?.intValue ?? 0 }

    private static func kindColumns(_ kind: String) -> [Column] {
        switch kind {
        case "Deployment":
            return [("Ready", { .string("\(int($0, ["status", "readyReplicas"]))/\($0[path: ["spec", "replicas"]]?.intValue ?? 1)") }),
                    ("Up-to-date", { .int(int($0, ["status", "updatedReplicas"])) }),
                    ("Available", { .int(int($0, ["status", "availableReplicas"])) })]
        case "StatefulSet":
            return [("Ready", { .string("\(int($0, ["status", "readyReplicas"]))/\($0[path: ["spec", "replicas"]]?.intValue ?? 1)") })]
        case "ReplicaSet":
            return [("Desired", { .int($0[path: ["spec", "replicas"]]?.intValue ?? 1) }),
                    ("Current", { .int(int($0, ["status", "replicas"])) }),
                    ("Ready", { .int(int($0, ["status", "readyReplicas"])) })]
        case "Pod":
            return [("Ready", { podReady($0) }), ("Status", { podStatus($0) }),
                    ("Restarts", { podRestarts($0) })]
        case "Service":
            return [("Type", { $0[path: ["spec", "type"]] ?? "ClusterIP" }),
                    ("Cluster-IP", { $0[path: ["spec", "clusterIP"]] ?? "<none>" }),
                    ("External-IP", { $0[path: ["status", "loadBalancer", "ingress", "0", "ip"]] ?? externalIP($0) }),
                    ("Port(s)", { ports($0) })]
        case "Namespace":
            return [("Status", { $0[path: ["status", "phase"]] ?? "Active" })]
        case "ConfigMap", "Secret":
            return [("Data", { .int(Int64(($0["data"]?.objectValue?.count ?? 0) + ($0["binaryData"]?.objectValue?.count ?? 0))) })]
        case "Job":
            return [("Status", { jobStatus($0) }),
                    ("Completions", { .string("\(int($0, ["status", "succeeded"]))/\($0[path: ["spec", "completions"]]?.intValue ?? 1)") }),
                    ("Duration", { jobDuration($0) })]
        case "CronJob":
            return [("Schedule", { $0[path: ["spec", "schedule"]] ?? "" }),
                    ("Timezone", { $0[path: ["spec", "timeZone"]] ?? "<none>" }),
                    ("Suspend", { .string($0[path: ["spec", "suspend"]] == true ? "True" : "False") }),
                    ("Active", { .int(Int64($0[path: ["status", "active"]]?.arrayValue?.count ?? 0)) }),
                    ("Last Schedule", { $0[path: ["status", "lastScheduleTime"]].map { since($0) } ?? "<none>" })]
        case "DaemonSet":
            return [("Desired", { .int(int($0, ["status", "desiredNumberScheduled"])) }),
                    ("Current", { .int(int($0, ["status", "currentNumberScheduled"])) }),
                    ("Ready", { .int(int($0, ["status", "numberReady"])) }),
                    ("Up-to-date", { .int(int($0, ["status", "updatedNumberScheduled"])) }),
                    ("Available", { .int(int($0, ["status", "numberAvailable"])) }),
                    ("Node Selector", { nodeSelector($0) })]
        case "PersistentVolumeClaim":
            return [("Status", { $0[path: ["status", "phase"]] ?? "Pending" }),
                    ("Volume", { $0[path: ["spec", "volumeName"]] ?? "" }),
                    ("Capacity", { $0[path: ["status", "capacity", "storage"]] ?? "" }),
                    ("Access Modes", { accessModes($0) }),
                    ("StorageClass", { $0[path: ["spec", "storageClassName"]] ?? "<unset>" }),
                    ("VolumeAttributesClass", { $0[path: ["spec", "volumeAttributesClassName"]] ?? "<unset>" })]
        case "Ingress":
            return [("Class", { $0[path: ["spec", "ingressClassName"]] ?? "<none>" }),
                    ("Hosts", { ingressHosts($0) }), ("Address", { ingressAddress($0) }),
                    ("Ports", { $0[path: ["spec", "tls"]]?.arrayValue?.isEmpty == false ? "80, 443" : "80" })]
        default:
            return []
        }
    }

    /// The `-o wide` columns (priority 1) of workloads: containers, images and selector.
    private static func wideColumns(_ kind: String) -> [Column] {
        if kind == "Pod" {
            return [("IP", { $0[path: ["status", "podIP"]] ?? "<none>" }),
                    ("Node", { $0[path: ["spec", "nodeName"]] ?? "<none>" }),
                    ("Nominated Node", { $0[path: ["status", "nominatedNodeName"]] ?? "<none>" }),
                    ("Readiness Gates", { readinessGates($0) })]
        }
        guard ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"].contains(kind) else { return [] }
        func containers(_ object: Value, _ field: String) -> Value {
            let list = object[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? []
            return .string(list.compactMap { $0[field]?.stringValue }.joined(separator: ","))
        }
        var columns: [Column] = [("Containers", { containers($0, "name") }), ("Images", { containers($0, "image") })]
        if kind != "StatefulSet" { columns.append(("Selector", { selector($0) })) }
        return columns
    }

    /// A label selector as kubectl formats it: `app=web,tier in (a,b)`; `<none>` when empty.
    private static func selector(_ object: Value) -> Value {
        let labels = (object[path: ["spec", "selector", "matchLabels"]]?.objectValue ?? [:])
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.stringValue ?? "")" }
        let expressions = (object[path: ["spec", "selector", "matchExpressions"]]?.arrayValue ?? []).map { e in
            let key = e["key"]?.stringValue ?? "", op = e["operator"]?.stringValue ?? ""
            let values = (e["values"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ",")
            switch op {
            case "Exists": return key
            case "DoesNotExist": return "!" + key
            default: return "\(key) \(op.lowercased()) (\(values))"
            }
        }
        let all = labels + expressions
        return .string(all.isEmpty ? "<none>" : all.joined(separator: ","))
    }

    /// `ready/total` containers of a Pod.
    private static func podReady(_ pod: Value) -> Value {
        let total = pod[path: ["spec", "containers"]]?.arrayValue?.count ?? 0
        let ready = (pod[path: ["status", "containerStatuses"]]?.arrayValue ?? []).filter { $0["ready"] == true }.count
        return .string("\(ready)/\(total)")
    }

    /// A Pod's STATUS as kubectl words it: the phase, or the pod's reason; an init container's progress or
    /// failure (`Init:1/2`, `Init:CrashLoopBackOff`); a container's waiting or terminated reason (the last
    /// container that has one); `Terminating` while a deletion is pending (`Unknown` on a lost node).
    private static func podStatus(_ pod: Value) -> Value {
        let phase = pod[path: ["status", "phase"]]?.stringValue ?? "Pending"
        let podReason = pod[path: ["status", "reason"]]?.stringValue ?? ""
        var reason = podReason.isEmpty ? phase : podReason
        var initializing = false
        let initStatuses = pod[path: ["status", "initContainerStatuses"]]?.arrayValue ?? []
        let initCount = pod[path: ["spec", "initContainers"]]?.arrayValue?.count ?? 0
        for (index, status) in initStatuses.enumerated() {
            if let terminated = status[path: ["state", "terminated"]], terminated["exitCode"]?.intValue == 0 { continue }
            if status["started"] == true, status[path: ["state", "running"]] != nil { continue }  // a sidecar
            initializing = true
            if let terminated = status[path: ["state", "terminated"]] {
                reason = "Init:" + terminatedReason(terminated)
            } else if let waiting = status[path: ["state", "waiting", "reason"]]?.stringValue, !waiting.isEmpty,
                      waiting != "PodInitializing" {
                reason = "Init:" + waiting
            } else {
                reason = "Init:\(index)/\(initCount)"
            }
            break
        }
        let conditions = pod[path: ["status", "conditions"]]?.arrayValue ?? []
        func condition(_ type: String) -> Bool { conditions.contains { $0["type"]?.stringValue == type && $0["status"] == "True" } }
        if !initializing || condition("Initialized") {
            var running = false
            for status in (pod[path: ["status", "containerStatuses"]]?.arrayValue ?? []).reversed() {
                if let waiting = status[path: ["state", "waiting", "reason"]]?.stringValue, !waiting.isEmpty {
                    reason = waiting
                } else if let terminated = status[path: ["state", "terminated"]] {
                    reason = terminatedReason(terminated)
                } else if status["ready"] == true, status[path: ["state", "running"]] != nil {
                    running = true
                }
            }
            if reason == "Completed" && running { reason = condition("Ready") ? "Running" : "NotReady" }
        }
        if pod[path: ["metadata", "deletionTimestamp"]] != nil {
            if podReason == "NodeLost" { reason = "Unknown" }
            else if phase != "Succeeded" && phase != "Failed" { reason = "Terminating" }
        }
        return .string(reason)
    }

    /// A terminated container's reason, or `Signal:N` / `ExitCode:N` when it gives none.
    private static func terminatedReason(_ terminated: Value) -> String {
        if let reason = terminated["reason"]?.stringValue, !reason.isEmpty { return reason }
        if let signal = terminated["signal"]?.intValue, signal != 0 { return "Signal:\(signal)" }
        return "ExitCode:\(terminated["exitCode"]?.intValue ?? 0)"
    }

    /// `passed/total` readiness gates of a Pod; `<none>` without gates.
    private static func readinessGates(_ pod: Value) -> Value {
        let gates = (pod[path: ["spec", "readinessGates"]]?.arrayValue ?? []).compactMap { $0["conditionType"]?.stringValue }
        guard !gates.isEmpty else { return "<none>" }
        let conditions = pod[path: ["status", "conditions"]]?.arrayValue ?? []
        let passed = gates.filter { gate in conditions.contains { $0["type"]?.stringValue == gate && $0["status"] == "True" } }
        return .string("\(passed.count)/\(gates.count)")
    }

    private static func podRestarts(_ pod: Value) -> Value {
        .int((pod[path: ["status", "containerStatuses"]]?.arrayValue ?? []).reduce(0) { $0 + ($1["restartCount"]?.intValue ?? 0) })
    }

    private static func externalIP(_ service: Value) -> Value {
        if let ip = service[path: ["status", "loadBalancer", "ingress"]]?.arrayValue?.first?["ip"] { return ip }
        return service[path: ["spec", "type"]]?.stringValue == "LoadBalancer" ? "<pending>" : "<none>"
    }

    private static func ports(_ service: Value) -> Value {
        let list = (service[path: ["spec", "ports"]]?.arrayValue ?? []).map {
            "\($0["port"]?.intValue ?? 0)/\($0["protocol"]?.stringValue ?? "TCP")"
        }
        return .string(list.isEmpty ? "<none>" : list.joined(separator: ","))
    }

    private static func jobStatus(_ job: Value) -> Value {
        let conditions = job[path: ["status", "conditions"]]?.arrayValue ?? []
        if conditions.contains(where: { $0["type"] == "Complete" && $0["status"] == "True" }) { return "Complete" }
        if conditions.contains(where: { $0["type"] == "Failed" && $0["status"] == "True" }) { return "Failed" }
        return "Running"
    }

    /// How long a Job ran (or has been running).
    private static func jobDuration(_ job: Value) -> Value {
        guard let start = job[path: ["status", "startTime"]]?.stringValue.flatMap(APICoding.parseDate) else { return "" }
        let end = job[path: ["status", "completionTime"]]?.stringValue.flatMap(APICoding.parseDate) ?? Date()
        return .string(HumanDuration.since(start, now: end))
    }

    /// A DaemonSet's pod node selector, `key=value` pairs, `<none>` when empty.
    private static func nodeSelector(_ ds: Value) -> Value {
        let pairs = (ds[path: ["spec", "template", "spec", "nodeSelector"]]?.objectValue ?? [:])
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.stringValue ?? "")" }
        return .string(pairs.isEmpty ? "<none>" : pairs.joined(separator: ","))
    }

    /// A claim's access modes as kubectl abbreviates them (`RWO,ROX`).
    private static func accessModes(_ pvc: Value) -> Value {
        let short = ["ReadWriteOnce": "RWO", "ReadOnlyMany": "ROX", "ReadWriteMany": "RWX", "ReadWriteOncePod": "RWOP"]
        let modes = (pvc[path: ["status", "accessModes"]]?.arrayValue ?? []).compactMap(\.stringValue)
        return .string(modes.map { short[$0] ?? $0 }.joined(separator: ","))
    }

    /// The hosts an Ingress's rules name, `*` for a rule without one.
    private static func ingressHosts(_ ingress: Value) -> Value {
        let hosts = (ingress[path: ["spec", "rules"]]?.arrayValue ?? []).map { $0["host"]?.stringValue ?? "*" }
        return .string(hosts.isEmpty ? "*" : hosts.joined(separator: ","))
    }

    /// The load balancer addresses an Ingress reports.
    private static func ingressAddress(_ ingress: Value) -> Value {
        let entries = ingress[path: ["status", "loadBalancer", "ingress"]]?.arrayValue ?? []
        return .string(entries.compactMap { $0["ip"]?.stringValue ?? $0["hostname"]?.stringValue }.joined(separator: ","))
    }

    /// An Event's row as the API server prints it: when it was last seen, its type and reason, the object it is
    /// about (`kind/name`) and the message; `-o wide` adds the source, first sighting, count and name.
    private static var eventColumns: [Column] { [
        ("Last Seen", { since($0["lastTimestamp"] ?? $0["eventTime"]) }), ("Type", { $0["type"] ?? "" }),
        ("Reason", { $0["reason"] ?? "" }),
        ("Object", { .string("\(($0[path: ["involvedObject", "kind"]]?.stringValue ?? "").lowercased())/"
                             + ($0[path: ["involvedObject", "name"]]?.stringValue ?? "")) }),
        ("Message", { $0["message"] ?? "" }),
    ] }
    private static var eventWideColumns: [Column] { [
        ("Subobject", { $0[path: ["involvedObject", "fieldPath"]] ?? "" }),
        ("Source", { $0[path: ["source", "component"]] ?? "" }),
        ("First Seen", { since($0["firstTimestamp"] ?? $0["eventTime"]) }),
        ("Count", { $0["count"] ?? 1 }), ("Name", { .string(KubeObject($0).name) }),
    ] }

    /// The time since `timestamp`, worded like AGE.
    private static func since(_ timestamp: Value?, now: Date = Date()) -> Value {
        guard let text = timestamp?.stringValue, let date = APICoding.parseDate(text) else { return "<unknown>" }
        return .string(HumanDuration.since(date, now: now))
    }

    /// The AGE cell, worded as the API server does (`45s`, `3m12s`, `5h4m`, `3d2h`; see
    /// `HumanDuration`).
    static func age(_ object: Value, now: Date = Date()) -> Value {
        since(object[path: ["metadata", "creationTimestamp"]], now: now)
    }
}
