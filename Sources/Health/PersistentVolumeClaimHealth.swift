import FerryCore

/// PersistentVolumeClaim health, by phase.
enum PersistentVolumeClaimHealth {
    static func assess(_ claim: ObjectFields) -> Health {
        switch claim.string("status", "phase") {
        case "Bound": Health(.healthy)
        case "Pending": Health(.progressing, "Waiting for the claim to be bound")
        case "Lost": Health(.degraded, "The claim lost its persistent volume")
        default: Health(.unknown)
        }
    }
}
