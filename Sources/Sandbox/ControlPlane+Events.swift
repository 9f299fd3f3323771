import FerryCore
import Foundation

/// core/v1 Events, recorded as the real controllers record them, so `kubectl describe` and
/// `kubectl get events` show what the simulated control plane did.
extension ControlPlane {
    /// Records an Event about `object` from `component` (the controller or kubelet that acted).
    func recordEvent(about object: Value, reason: String, message: String, component: String, type: String = "Normal") {
        let item = KubeObject(object)
        let namespace = item.namespace.isEmpty ? "default" : item.namespace
        let now = ObjectRules.timestamp()
        let name = "\(item.name).\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
        let event: Value = [
            "apiVersion": "v1", "kind": "Event",
            "metadata": ["name": .string(name), "namespace": .string(namespace),
                         "uid": .string(UUID().uuidString.lowercased()), "creationTimestamp": .string(now)],
            "involvedObject": ["apiVersion": object["apiVersion"] ?? "", "kind": object["kind"] ?? "",
                               "name": .string(item.name), "namespace": .string(item.namespace),
                               "uid": object[path: ["metadata", "uid"]] ?? "",
                               "resourceVersion": object[path: ["metadata", "resourceVersion"]] ?? ""],
            "reason": .string(reason), "message": .string(message), "type": .string(type),
            "source": ["component": .string(component)], "reportingComponent": .string(component), "reportingInstance": "",
            "firstTimestamp": .string(now), "lastTimestamp": .string(now), "count": 1, "eventTime": .null,
        ]
        let key = ObjectKey(group: "", resource: "events", namespace: namespace, name: name)
        do {
            try store.modify(key) { $0 == nil ? .put(event) : .keep }
        } catch {
            logger.warning("cannot record an event", metadata: ["object": "\(item.name)", "error": "\(error)"])
        }
    }

    /// The Events of a status the simulation just wrote: a Pod scheduled and its containers started, a Job
    /// completed or failed, a claim bound.
    func recordTransition(_ resource: String, from old: Value, to new: Value) {
        let phase = { (object: Value) in object[path: ["status", "phase"]]?.stringValue }
        switch resource {
        case "pods" where phase(old) != "Running" && phase(new) == "Running":
            let pod = KubeObject(new)
            recordEvent(about: new, reason: "Scheduled",
                        message: "Successfully assigned \(pod.namespace)/\(pod.name) to \(Simulation.nodeName)",
                        component: "default-scheduler")
            for container in new[path: ["spec", "containers"]]?.arrayValue ?? [] {
                let name = container["name"]?.stringValue ?? "", image = container["image"]?.stringValue ?? ""
                recordEvent(about: new, reason: "Pulled", message: "Container image \"\(image)\" already present on machine",
                            component: "kubelet")
                recordEvent(about: new, reason: "Created", message: "Created container: \(name)", component: "kubelet")
                recordEvent(about: new, reason: "Started", message: "Started container \(name)", component: "kubelet")
            }
        case "jobs":
            let finished = Self.hasCondition
            if !finished(old, "Complete") && finished(new, "Complete") {
                recordEvent(about: new, reason: "Completed", message: "Job completed", component: "job-controller")
            } else if !finished(old, "Failed") && finished(new, "Failed") {
                recordEvent(about: new, reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit",
                            component: "job-controller", type: "Warning")
            }
        case "persistentvolumeclaims" where phase(old) != "Bound" && phase(new) == "Bound":
            recordEvent(about: new, reason: "ProvisioningSucceeded",
                        message: "Successfully provisioned volume pvc-\(new[path: ["metadata", "uid"]]?.stringValue ?? "")",
                        component: "sandbox.ferry.dev/provisioner")
        default:
            break
        }
    }

    /// "Scaled up replica set web-7f9c from 0 to 3", as the deployment controller words it.
    func recordScaling(of deployment: Value, replicaSet: String, from old: Int64, to new: Int64) {
        guard old != new else { return }
        let direction = new > old ? "up" : "down"
        recordEvent(about: deployment, reason: "ScalingReplicaSet",
                    message: "Scaled \(direction) replica set \(replicaSet) from \(old) to \(new)", component: "deployment-controller")
    }
}
