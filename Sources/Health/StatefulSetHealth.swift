import FerryCore

/// StatefulSet health, after `kubectl rollout status`.
enum StatefulSetHealth {
    static func assess(_ s: ObjectFields) -> Health {
        let observed = s.int("status", "observedGeneration")
        if observed == 0 || s.int("metadata", "generation") > observed {
            return Health(.progressing, "Waiting for statefulset spec update to be observed...")
        }
        let ready = s.int("status", "readyReplicas"), updated = s.int("status", "updatedReplicas")
        let replicas = s.optionalInt("spec", "replicas")
        if let replicas, ready < replicas {
            return Health(.progressing, "Waiting for \(replicas - ready) pods to be ready...")
        }
        let strategy = s.string("spec", "updateStrategy", "type")
        if strategy == "RollingUpdate", s.has("spec", "updateStrategy", "rollingUpdate") {
            if let replicas, let partition = s.optionalInt("spec", "updateStrategy", "rollingUpdate", "partition"),
               updated < replicas - partition {
                return Health(.progressing, "Waiting for partitioned roll out to finish: \(updated) out of "
                              + "\(replicas - partition) new pods have been updated...")
            }
            return Health(.healthy, "partitioned roll out complete: \(updated) new pods have been updated...")
        }
        if strategy == "OnDelete" {
            return Health(.healthy, "statefulset has \(ready) ready pods")
        }
        let updateRevision = s.string("status", "updateRevision"), currentRevision = s.string("status", "currentRevision")
        if updateRevision != currentRevision {
            return Health(.progressing, "waiting for statefulset rolling update to complete \(updated) pods at "
                          + "revision \(updateRevision)...")
        }
        return Health(.healthy, "statefulset rolling update complete \(s.int("status", "currentReplicas")) pods at "
                      + "revision \(currentRevision)...")
    }
}
