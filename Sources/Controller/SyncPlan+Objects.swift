import FerryCore
import Sync

extension SyncPlan {
    /// The prepared objects the plan applies (namespace defaulted, tracking annotation added), in plan order.
    var appliedObjects: [KubeObject] {
        tasks.compactMap { task in
            if case .apply(let object) = task.action { return object }
            return nil
        }
    }
}

extension TrackingID {
    /// The app named by an object's tracking annotation, if the annotation is valid for that object.
    static func app(of object: KubeObject) -> String? {
        guard let id = TrackingID.of(object), id.key == object.key else { return nil }
        return id.app
    }
}
