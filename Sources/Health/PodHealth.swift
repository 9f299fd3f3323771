import FerryCore

/// Pod health: phases, container errors and readiness.
///
/// Container errors (`CrashLoopBackOff`, `ImagePullBackOff`, `ErrImagePull`, `CreateContainerConfigError`, …)
/// degrade only pods that restart forever (`restartPolicy: Always`): pods with a finite life are usually
/// hooks, which must not fail early while the error may still clear.
enum PodHealth {
    static func assess(_ pod: ObjectFields) -> Health {
        let restartPolicy = pod.string("spec", "restartPolicy").isEmpty ? "Always" : pod.string("spec", "restartPolicy")
        let message = pod.string("status", "message")
        if restartPolicy == "Always", let failure = containerFailure(pod) { return failure }
        switch pod.string("status", "phase") {
        case "Pending": return .with(.progressing, message)
        case "Succeeded": return .with(.healthy, message)
        case "Failed": return failed(pod)
        case "Running": return running(pod, restartPolicy: restartPolicy)
        default: return .with(.unknown, message)
        }
    }

    private static func containerFailure(_ pod: ObjectFields) -> Health? {
        let messages = pod.array("status", "containerStatuses").map(ObjectFields.init).compactMap { status -> String? in
            guard status.has("state", "waiting") else { return nil }
            let reason = status.string("state", "waiting", "reason")
            guard reason.hasPrefix("Err") || reason.hasSuffix("Error") || reason.hasSuffix("BackOff") else { return nil }
            let text = status.string("state", "waiting", "message")
            return text.isEmpty ? reason : text
        }
        return messages.isEmpty ? nil : .with(.degraded, messages.joined(separator: ", "))
    }

    private static func failed(_ pod: ObjectFields) -> Health {
        let message = pod.string("status", "message")
        if !message.isEmpty { return Health(.degraded, message) }
        let statuses = pod.array("status", "initContainerStatuses") + pod.array("status", "containerStatuses")
        for status in statuses.map(ObjectFields.init) {
            if let text = terminationMessage(status) { return Health(.degraded, text) }
        }
        return Health(.degraded)
    }

    private static func terminationMessage(_ status: ObjectFields) -> String? {
        guard status.has("state", "terminated") else { return nil }
        let message = status.string("state", "terminated", "message")
        if !message.isEmpty { return message }
        if status.string("state", "terminated", "reason") == "OOMKilled" { return "OOMKilled" }
        let code = status.int("state", "terminated", "exitCode")
        return code == 0 ? nil : "container \"\(status.string("name"))\" failed with exit code \(code)"
    }

    private static func running(_ pod: ObjectFields, restartPolicy: String) -> Health {
        let message = pod.string("status", "message")
        guard restartPolicy == "Always" else {
            // Pods that run to completion (hooks) are not healthy until they succeed.
            return .with(.progressing, message)
        }
        if pod.condition("Ready")?.string("status") == "True" { return .with(.healthy, message) }
        let restarted = pod.array("status", "containerStatuses").map(ObjectFields.init)
            .contains { $0.has("lastState", "terminated") }
        return .with(restarted ? .degraded : .progressing, message)
    }
}
