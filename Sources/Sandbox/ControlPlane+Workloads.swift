import FerryCore
import Foundation

/// The simulated Deployment and ReplicaSet controllers: a Deployment owns one ReplicaSet per pod template
/// (`<name>-<template hash>`, older ones scaled to 0) and a ReplicaSet owns `spec.replicas` Pods. Every
/// created object names its owner in `ownerReferences` (`controller: true`), so deleting a Deployment
/// cascades to its ReplicaSets and Pods through the API server's garbage collection.
extension ControlPlane {
    /// Creates or scales the ReplicaSets of the Deployment at `key`.
    func reconcileReplicaSets(of key: ObjectKey) throws {
        guard let deployment = try store.get(key), deployment[path: ["metadata", "deletionTimestamp"]] == nil,
              let template = deployment[path: ["spec", "template"]] else { return }
        let uid = deployment[path: ["metadata", "uid"]]?.stringValue ?? ""
        let hash = Simulation.hash(template)
        let current = "\(key.name)-\(hash)"
        let replicas = deployment[path: ["spec", "replicas"]] ?? 1
        for owned in try store.dependents(of: uid, namespace: key.namespace) where owned.resource == "replicasets"
            && owned.name != current {
            var scaledFrom: Int64?
            try store.modify(owned) { rs in
                guard var rs, rs[path: ["spec", "replicas"]] != 0 else { return .keep }
                scaledFrom = rs[path: ["spec", "replicas"]]?.intValue ?? 1
                rs[path: ["spec", "replicas"]] = 0
                return .put(rs)
            }
            if let scaledFrom { recordScaling(of: deployment, replicaSet: owned.name, from: scaledFrom, to: 0) }
        }
        let rsKey = ObjectKey(group: "apps", resource: "replicasets", namespace: key.namespace, name: current)
        var scaledFrom: Int64?
        defer { if let scaledFrom { recordScaling(of: deployment, replicaSet: current, from: scaledFrom, to: replicas.intValue ?? 1) } }
        try store.modify(rsKey) { existing in
            if var existing {
                guard existing[path: ["spec", "replicas"]] != replicas else { return .keep }
                scaledFrom = existing[path: ["spec", "replicas"]]?.intValue ?? 1
                existing[path: ["spec", "replicas"]] = replicas
                return .put(existing)
            }
            scaledFrom = 0
            var labeled = template
            labeled[path: ["metadata", "labels", "pod-template-hash"]] = .string(hash)
            var selector = deployment[path: ["spec", "selector"]] ?? .emptyObject
            selector[path: ["matchLabels", "pod-template-hash"]] = .string(hash)
            var rs = Self.owned(by: deployment, kind: "Deployment", apiVersion: "apps/v1", name: current,
                                labels: labeled[path: ["metadata", "labels"]])
            rs["apiVersion"] = "apps/v1"
            rs["kind"] = "ReplicaSet"
            rs["spec"] = ["replicas": replicas, "selector": selector, "template": labeled]
            return .put(rs)
        }
    }

    /// Creates or deletes Pods until the ReplicaSet at `key` owns `spec.replicas` of them.
    func reconcilePods(of key: ObjectKey) throws {
        guard let rs = try store.get(key), rs[path: ["metadata", "deletionTimestamp"]] == nil else { return }
        let uid = rs[path: ["metadata", "uid"]]?.stringValue ?? ""
        let wanted = Int(rs[path: ["spec", "replicas"]]?.intValue ?? 1)
        let pods = try store.dependents(of: uid, namespace: key.namespace).filter { $0.resource == "pods" }
        for extra in pods.sorted(by: { $0.name < $1.name }).dropFirst(wanted) {
            if try store.modify(extra, { $0 == nil ? .keep : .delete }) != nil {
                recordEvent(about: rs, reason: "SuccessfulDelete", message: "Deleted pod: \(extra.name)",
                            component: "replicaset-controller")
            }
        }
        guard pods.count < wanted else { return }
        for _ in pods.count..<wanted {
            let name = "\(key.name)-\(APIServer.randomSuffix())"
            var pod = Self.owned(by: rs, kind: "ReplicaSet", apiVersion: "apps/v1", name: name,
                                 labels: rs[path: ["spec", "template", "metadata", "labels"]])
            pod["apiVersion"] = "v1"
            pod["kind"] = "Pod"
            pod["spec"] = rs[path: ["spec", "template", "spec"]] ?? .emptyObject
            let podKey = ObjectKey(group: "", resource: "pods", namespace: key.namespace, name: name)
            try store.modify(podKey) { $0 == nil ? .put(pod) : .keep }
            recordEvent(about: rs, reason: "SuccessfulCreate", message: "Created pod: \(name)", component: "replicaset-controller")
        }
    }

    /// New object metadata naming `owner` as its controller.
    static func owned(by owner: Value, kind: String, apiVersion: String, name: String, labels: Value?) -> Value {
        var metadata: Value = ["name": .string(name), "namespace": .string(KubeObject(owner).namespace),
                               "uid": .string(UUID().uuidString.lowercased()),
                               "creationTimestamp": .string(ObjectRules.timestamp()), "generation": 1]
        if let labels { metadata["labels"] = labels }
        metadata["ownerReferences"] = [["apiVersion": .string(apiVersion), "kind": .string(kind),
                                        "name": .string(KubeObject(owner).name),
                                        "uid": owner[path: ["metadata", "uid"]] ?? "",
                                        "controller": true, "blockOwnerDeletion": true]]
        return ["metadata": metadata]
    }
}
