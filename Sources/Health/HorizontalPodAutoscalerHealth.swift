import FerryCore

/// HorizontalPodAutoscaler health from its conditions (v2 `status.conditions`, or v1's conditions annotation).
enum HorizontalPodAutoscalerHealth {
    static let conditionsAnnotation = "autoscaling.alpha.kubernetes.io/conditions"
    static let waiting = Health(.progressing, "Waiting to Autoscale")

    /// Condition (type, reason) pairs that mean the autoscaler cannot work.
    static let degradedReasons: Set<[String]> = [
        ["AbleToScale", "FailedGetScale"], ["AbleToScale", "FailedUpdateScale"],
        ["ScalingActive", "FailedGetResourceMetric"], ["ScalingActive", "InvalidSelector"],
    ]

    static func assess(_ hpa: ObjectFields) -> Health {
        for condition in conditions(hpa) {
            let type = condition.string("type")
            if degradedReasons.contains([type, condition.string("reason")]) {
                return .with(.degraded, condition.string("message"))
            }
            if ["AbleToScale", "ScalingLimited"].contains(type), condition.string("status") == "True" {
                return .with(.healthy, condition.string("message"))
            }
        }
        return waiting
    }

    private static func conditions(_ hpa: ObjectFields) -> [ObjectFields] {
        if hpa.has("status", "conditions") { return hpa.conditions }
        let text = hpa.string("metadata", "annotations", conditionsAnnotation)
        guard !text.isEmpty, let parsed = try? JSON.parse(text), let items = parsed.arrayValue else { return [] }
        return items.map(ObjectFields.init)
    }
}
