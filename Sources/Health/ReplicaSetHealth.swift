import FerryCore

/// ReplicaSet health: a `ReplicaFailure` condition degrades it; missing available replicas mean progress.
enum ReplicaSetHealth {
    static func assess(_ r: ObjectFields) -> Health {
        if r.int("metadata", "generation") > r.int("status", "observedGeneration") {
            return Health(.progressing,
                          "Waiting for rollout to finish: observed replica set generation less than desired generation")
        }
        if let failure = r.condition("ReplicaFailure"), failure.string("status") == "True" {
            return .with(.degraded, failure.string("message"))
        }
        let available = r.int("status", "availableReplicas")
        if let wanted = r.optionalInt("spec", "replicas"), available < wanted {
            return Health(.progressing,
                          "Waiting for rollout to finish: \(available) out of \(wanted) new replicas are available...")
        }
        return Health(.healthy)
    }
}
