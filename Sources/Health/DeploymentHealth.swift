import FerryCore

/// Deployment health, after `kubectl rollout status`.
enum DeploymentHealth {
    static func assess(_ d: ObjectFields) -> Health {
        if d.bool("spec", "paused") { return Health(.suspended, "Deployment is paused") }
        guard d.int("metadata", "generation") <= d.int("status", "observedGeneration") else {
            return Health(.progressing,
                          "Waiting for rollout to finish: observed deployment generation less than desired generation")
        }
        let name = d.string("metadata", "name")
        let updated = d.int("status", "updatedReplicas"), current = d.int("status", "replicas")
        let available = d.int("status", "availableReplicas")
        if d.condition("Progressing")?.string("reason") == "ProgressDeadlineExceeded" {
            return Health(.degraded, "Deployment \"\(name)\" exceeded its progress deadline")
        }
        if let wanted = d.optionalInt("spec", "replicas"), updated < wanted {
            return Health(.progressing,
                          "Waiting for rollout to finish: \(updated) out of \(wanted) new replicas have been updated...")
        }
        if current > updated {
            return Health(.progressing,
                          "Waiting for rollout to finish: \(current - updated) old replicas are pending termination...")
        }
        if available < updated {
            return Health(.progressing,
                          "Waiting for rollout to finish: \(available) of \(updated) updated replicas are available...")
        }
        return Health(.healthy)
    }
}
