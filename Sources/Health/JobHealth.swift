import FerryCore

/// Job health, by its conditions: `Failed` degrades, `Suspended` suspends, `Complete` is healthy.
enum JobHealth {
    static func assess(_ job: ObjectFields) -> Health {
        var finished = false, failedMessage: String?, suspended = false, message = ""
        for condition in job.conditions {
            switch condition.string("type") {
            case "Failed":
                finished = true
                failedMessage = condition.string("message")
            case "Complete":
                finished = true
                message = condition.string("message")
            case "Suspended":
                finished = true
                message = condition.string("message")
                suspended = suspended || condition.string("status") == "True"
            default:
                continue
            }
        }
        if !finished { return .with(.progressing, message) }
        if let failedMessage { return .with(.degraded, failedMessage) }
        if suspended { return .with(.suspended, message) }
        return .with(.healthy, message)
    }
}
