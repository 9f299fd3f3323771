import FerryCore
import Foundation

/// Server-side printing (`Accept: application/json;as=Table;g=meta.k8s.io;v=v1`): the columns kubectl shows.
enum Table {
    typealias Column = (name: String, cell: (Value) -> Value)

    /// A `meta.k8s.io/v1` Table of `objects`.
    static func render(_ objects: [Value], _ type: ResourceType, resourceVersion: String) -> Value {
        let columns: [Column] = [("Name", { .string(KubeObject($0).name) })] + kindColumns(type.kind)
            + [("Age", { age($0) })]
        let definitions: [Value] = columns.map {
            ["name": .string($0.name), "type": "string", "format": $0.name == "Name" ? "name" : "",
             "description": "", "priority": 0]
        }
        let rows: [Value] = objects.map { object in
            ["cells": .array(columns.map { $0.cell(object) }),
             "object": ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
                        "metadata": object["metadata"] ?? .emptyObject]]
        }
        return ["kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": ["resourceVersion": .string(resourceVersion)],
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
        case "StatefulSet", "ReplicaSet":
            return [("Ready", { .string("\(int($0, ["status", "readyReplicas"]))/\($0[path: ["spec", "replicas"]]?.intValue ?? 1)") })]
        case "Pod":
            return [("Status", { $0[path: ["status", "phase"]] ?? "Pending" })]
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
            return [("Status", { jobStatus($0) })]
        default:
            return []
        }
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

    /// kubectl's short age: `45s`, `3m12s`, `2h5m`, `4d`.
    static func age(_ object: Value, now: Date = Date()) -> Value {
        guard let text = object[path: ["metadata", "creationTimestamp"]]?.stringValue,
              let created = APICoding.parseDate(text) else { return "<unknown>" }
        let s = max(0, Int(now.timeIntervalSince(created)))
        if s < 120 { return .string("\(s)s") }
        if s < 600 { return .string("\(s / 60)m\(s % 60 == 0 ? "" : "\(s % 60)s")") }
        if s < 3 * 3600 { return .string("\(s / 60)m") }
        if s < 48 * 3600 { return .string("\(s / 3600)h") }
        return .string("\(s / 86400)d")
    }
}
