import Foundation
import FerryCore

/// Removes what the API server and kubectl add to an object, so that only intent is compared.
public enum Normalizer {
    /// Metadata fields the API server populates.
    public static let serverMetadataFields = [
        "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink",
        "deletionTimestamp", "deletionGracePeriodSeconds",
    ]

    /// Strips server-populated fields: `status`, `metadata.{uid, resourceVersion, generation,
    /// creationTimestamp, managedFields, selfLink, deletionTimestamp, deletionGracePeriodSeconds}`,
    /// kubectl's last-applied annotation (`WellKnown.lastApplied`), empty annotation and label maps and
    /// null members (Kubernetes treats `null` as unset). A Secret's `stringData` is folded into `data`
    /// (base64-encoded), as the API server does on write.
    public static func normalize(_ object: KubeObject) -> KubeObject {
        var value = dropNulls(object.value)
        value["status"] = nil
        for field in serverMetadataFields { value[path: ["metadata", field]] = nil }
        var result = KubeObject(value)
        result.setAnnotation(WellKnown.lastApplied, nil)
        for map in ["annotations", "labels"] where result.value[path: ["metadata", map]]?.objectValue?.isEmpty == true {
            result.value[path: ["metadata", map]] = nil
        }
        if isSecret(result) { foldStringData(&result.value) }
        return result
    }

    /// True for core-group Secrets.
    static func isSecret(_ object: KubeObject) -> Bool {
        object.kind == "Secret" && object.gvk.group.isEmpty
    }

    private static func dropNulls(_ value: Value) -> Value {
        switch value {
        case .object(let members):
            return .object(members.filter { !$0.value.isNull }.mapValues(dropNulls))
        case .array(let items):
            return .array(items.map(dropNulls))
        default:
            return value
        }
    }

    private static func foldStringData(_ value: inout Value) {
        guard let stringData = value["stringData"]?.objectValue else { return }
        var data = value["data"]?.objectValue ?? [:]
        for (key, entry) in stringData {
            if let text = entry.stringValue {
                data[key] = .string(Data(text.utf8).base64EncodedString())
            } else {
                data[key] = entry
            }
        }
        value["stringData"] = nil
        value["data"] = .object(data)
    }
}
