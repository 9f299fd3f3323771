import FerryCore

/// DaemonSet health, after `kubectl rollout status`.
enum DaemonSetHealth {
    static func assess(_ d: ObjectFields) -> Health {
        if d.int("metadata", "generation") > d.int("status", "observedGeneration") {
            return Health(.progressing,
                          "Waiting for rollout to finish: observed daemon set generation less than desired generation")
        }
        let name = d.string("metadata", "name")
        let updated = d.int("status", "updatedNumberScheduled"), desired = d.int("status", "desiredNumberScheduled")
        let available = d.int("status", "numberAvailable")
        if d.string("spec", "updateStrategy", "type") == "OnDelete" {
            return Health(.healthy, "daemon set \(updated) out of \(desired) new pods have been updated")
        }
        if updated < desired {
            return Health(.progressing, "Waiting for daemon set \"\(name)\" rollout to finish: \(updated) out of "
                          + "\(desired) new pods have been updated...")
        }
        if available < desired {
            return Health(.progressing, "Waiting for daemon set \"\(name)\" rollout to finish: \(available) of "
                          + "\(desired) updated pods are available...")
        }
        return Health(.healthy)
    }
}
