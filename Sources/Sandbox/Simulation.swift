import FerryCore

/// What the real controllers would write into `status`, per kind. Pure: the object in, the object out.
/// The annotation `sandbox.ferry.dev/simulate: fail` makes Deployments miss their progress deadline and Jobs fail.
enum Simulation {
    static func observe(_ object: Value, resource: String, now: String) -> Value {
        var result = object
        let old = object["status"] ?? .emptyObject
        let failing = ["fail", "progress-deadline", "crashloop"].contains(KubeObject(object).annotations[WellKnown.sandboxSimulate] ?? "")
        let generation = object[path: ["metadata", "generation"]] ?? 1
        let replicas = object[path: ["spec", "replicas"]]?.intValue ?? 1
        let name = KubeObject(object).name
        switch resource {
        case "deployments":
            result["status"] = failing
                ? deploymentFailing(generation, replicas, name, old, now)
                : deploymentReady(generation, replicas, name, old, now)
        case "statefulsets":
            let revision = Value.string("\(name)-\(hash(object["spec"]))")
            result["status"] = counts(["observedGeneration": generation, "replicas": .int(replicas)],
                                      ["readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas"], replicas)
                .merging(["currentRevision": revision, "updateRevision": revision, "collisionCount": 0])
        case "replicasets":
            result["status"] = counts(["observedGeneration": generation, "replicas": .int(replicas)],
                                      ["fullyLabeledReplicas", "readyReplicas", "availableReplicas"], replicas)
        case "daemonsets":
            result["status"] = counts(["observedGeneration": generation],
                                      ["currentNumberScheduled", "desiredNumberScheduled", "numberAvailable",
                                       "numberReady", "updatedNumberScheduled"], 1).merging(["numberMisscheduled": 0])
        case "jobs":
            result["status"] = failing ? jobFailed(object, old, now) : jobComplete(object, old, now)
        case "services":
            if object[path: ["spec", "type"]]?.stringValue == "LoadBalancer" {
                let ip = "172.18.255." + String((object[path: ["spec", "clusterIP"]]?.stringValue ?? "0").split(separator: ".").last ?? "1")
                result["status"] = ["loadBalancer": ["ingress": [["ip": .string(ip), "ipMode": "VIP"]]]]
            }
        case "ingresses":
            // The address of the ingress controller's load balancer, as kind with ingress-nginx reports it.
            result["status"] = ["loadBalancer": ["ingress": [["ip": .string(ingressAddress)]]]]
        case "persistentvolumeclaims":
            if (object[path: ["spec", "volumeName"]]?.stringValue ?? "").isEmpty {
                result[path: ["spec", "volumeName"]] = .string("pvc-" + (object[path: ["metadata", "uid"]]?.stringValue ?? ""))
            }
            var status: Value = ["phase": "Bound", "accessModes": object[path: ["spec", "accessModes"]] ?? ["ReadWriteOnce"]]
            if let size = object[path: ["spec", "resources", "requests", "storage"]] { status["capacity"] = ["storage": size] }
            result["status"] = status
        case "pods":
            if (object[path: ["spec", "nodeName"]]?.stringValue ?? "").isEmpty {
                result[path: ["spec", "nodeName"]] = .string(nodeName)
            }
            result["status"] = podRunning(object, old, now)
        default:
            break
        }
        return result
    }

    private static func counts(_ base: Value, _ fields: [String], _ n: Int64) -> Value {
        var status = base
        if n > 0 { for field in fields { status[field] = .int(n) } }
        return status
    }

    static func condition(_ type: String, _ status: String, _ reason: String, _ message: String,
                          old: Value, now: String, updateTime: Bool = false) -> Value {
        let previous = old["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == type }
        let same = previous?["status"]?.stringValue == status && previous?["reason"]?.stringValue == reason
        let since = same ? previous?["lastTransitionTime"] ?? .string(now) : .string(now)
        var c: Value = ["type": .string(type), "status": .string(status)]
        if updateTime { c["lastUpdateTime"] = same ? previous?["lastUpdateTime"] ?? since : since }
        c["lastTransitionTime"] = since
        c["reason"] = .string(reason)
        c["message"] = .string(message)
        return c
    }

    private static func deploymentReady(_ generation: Value, _ replicas: Int64, _ name: String, _ old: Value, _ now: String) -> Value {
        let status = counts(["observedGeneration": generation, "replicas": .int(replicas)],
                            ["updatedReplicas", "readyReplicas", "availableReplicas"], replicas)
        return status.merging(["conditions": [
            condition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.",
                      old: old, now: now, updateTime: true),
            condition("Progressing", "True", "NewReplicaSetAvailable",
                      "ReplicaSet \"\(name)-sandbox\" has successfully progressed.", old: old, now: now, updateTime: true),
        ]])
    }

    private static func deploymentFailing(_ generation: Value, _ replicas: Int64, _ name: String, _ old: Value, _ now: String) -> Value {
        var status: Value = ["observedGeneration": generation, "replicas": .int(replicas),
                             "updatedReplicas": .int(replicas)]
        if replicas > 0 { status["unavailableReplicas"] = .int(replicas) }
        return status.merging(["conditions": [
            condition("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.",
                      old: old, now: now, updateTime: true),
            condition("Progressing", "False", "ProgressDeadlineExceeded",
                      "ReplicaSet \"\(name)-sandbox\" has timed out progressing.", old: old, now: now, updateTime: true),
        ]])
    }

    private static func jobComplete(_ job: Value, _ old: Value, _ now: String) -> Value {
        let completions = job[path: ["spec", "completions"]]?.intValue ?? 1
        return ["conditions": [
                    condition("SuccessCriteriaMet", "True", "CompletionsReached", "Reached expected number of succeeded pods", old: old, now: now),
                    condition("Complete", "True", "CompletionsReached", "Reached expected number of succeeded pods", old: old, now: now),
                ],
                "startTime": old["startTime"] ?? .string(now), "completionTime": old["completionTime"] ?? .string(now),
                "succeeded": .int(completions), "terminating": 0, "ready": 0,
                "uncountedTerminatedPods": .emptyObject]
    }

    private static func jobFailed(_ job: Value, _ old: Value, _ now: String) -> Value {
        let failed = (job[path: ["spec", "backoffLimit"]]?.intValue ?? 6) + 1
        return ["conditions": [
                    condition("FailureTarget", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit", old: old, now: now),
                    condition("Failed", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit", old: old, now: now),
                ],
                "startTime": old["startTime"] ?? .string(now), "failed": .int(failed), "terminating": 0, "ready": 0,
                "uncountedTerminatedPods": .emptyObject]
    }

    private static func podRunning(_ pod: Value, _ old: Value, _ now: String) -> Value {
        let containers = pod[path: ["spec", "containers"]]?.arrayValue ?? []
        let statuses: [Value] = containers.map {
            ["name": $0["name"] ?? "", "image": $0["image"] ?? "", "ready": true, "started": true, "restartCount": 0,
             "state": ["running": ["startedAt": old["startTime"] ?? .string(now)]]]
        }
        return ["phase": "Running",
                "conditions": [condition("Ready", "True", "", "", old: old, now: now),
                               condition("ContainersReady", "True", "", "", old: old, now: now)],
                "hostIP": .string(hostIP), "hostIPs": [["ip": .string(hostIP)]],
                "podIP": .string(podIP(pod)), "podIPs": [["ip": .string(podIP(pod))]], "startTime": old["startTime"] ?? .string(now),
                "containerStatuses": .array(statuses)]
    }

    /// The simulated node every Pod is scheduled to, and its address.
    static let nodeName = "sandbox-control-plane"
    /// The address Ingresses get.
    static let ingressAddress = "172.18.255.200"
    static let hostIP = "172.18.0.2"

    /// A stable Pod address in the node's pod CIDR 10.244.0.0/16, derived from the Pod's uid.
    static func podIP(_ pod: Value) -> String {
        let h = UInt64(hash(pod[path: ["metadata", "uid"]] ?? pod[path: ["metadata", "name"]]), radix: 16) ?? 0
        return "10.244.\((h / 254) % 256).\(h % 254 + 1)"
    }

    /// A short stable hash of a value, for revision names.
    static func hash(_ value: Value?) -> String {
        var h: UInt64 = 1469598103934665603
        for byte in JSON.encode(value ?? .null).utf8 { h = (h ^ UInt64(byte)) &* 1099511628211 }
        return String(h % 0xFFFFFFFFFF, radix: 16)
    }
}

extension Value {
    /// This object with `other`'s members added or replaced.
    func merging(_ other: Value) -> Value {
        var result = self
        for (key, value) in other.objectValue ?? [:] { result[key] = value }
        return result
    }
}
