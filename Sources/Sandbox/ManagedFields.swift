import FerryCore
import Foundation

/// One `metadata.managedFields` entry: a manager, its operation and the fields it owns.
struct ManagedFieldsEntry: Sendable, Equatable {
    var manager: String
    /// `Apply` or `Update`.
    var operation: String
    var apiVersion: String
    var time: String
    var subresource: String?
    var fields: FieldSet

    init(manager: String, operation: String, apiVersion: String, time: String, subresource: String? = nil,
         fields: FieldSet) {
        self.manager = manager; self.operation = operation; self.apiVersion = apiVersion
        self.time = time; self.subresource = subresource; self.fields = fields
    }

    init?(_ value: Value) {
        guard let manager = value["manager"]?.stringValue else { return nil }
        self.init(manager: manager, operation: value["operation"]?.stringValue ?? "Update",
                  apiVersion: value["apiVersion"]?.stringValue ?? "", time: value["time"]?.stringValue ?? "",
                  subresource: value["subresource"]?.stringValue,
                  fields: FieldSet(fieldsV1: value["fieldsV1"] ?? .emptyObject))
    }

    var value: Value {
        var v: Value = ["manager": .string(manager), "operation": .string(operation),
                        "apiVersion": .string(apiVersion), "time": .string(time),
                        "fieldsType": "FieldsV1", "fieldsV1": fields.fieldsV1]
        if let subresource { v["subresource"] = .string(subresource) }
        return v
    }

    /// True when this entry is the one `manager` writes with `operation`.
    func belongs(to manager: String, _ operation: String, subresource: String? = nil) -> Bool {
        self.manager == manager && self.operation == operation && self.subresource == subresource
    }
}

/// Reading and writing the managed-fields list of an object.
enum ManagedFields {
    static func entries(of object: Value?) -> [ManagedFieldsEntry] {
        (object?[path: ["metadata", "managedFields"]]?.arrayValue ?? []).compactMap(ManagedFieldsEntry.init)
    }

    /// Stores `entries` (dropping empty ones) into `object`.
    static func set(_ entries: [ManagedFieldsEntry], on object: inout Value) {
        let kept = entries.filter { !$0.fields.isEmpty }
        if kept.isEmpty { object[path: ["metadata", "managedFields"]] = nil } else {
            object[path: ["metadata", "managedFields"]] = .array(kept.map(\.value))
        }
    }

    /// Records a non-apply write: `manager` takes the fields whose values changed from `old` to `new`,
    /// other managers lose them, and everyone loses fields that no longer exist.
    static func recordUpdate(manager: String, old: Value?, new: inout Value, apiVersion: String,
                             subresource: String? = nil, now: String) {
        var entries = entries(of: old)
        let newFields = FieldSet(of: new)
        let changed = FieldSet(newFields.paths.filter { path in
            guard let before = old?.lookup(path) else { return true }
            if FieldSet.isItem(path) { return false }
            return !(new.lookup(path)?.semanticallyEquals(before) ?? false)
        })
        for i in entries.indices where !entries[i].belongs(to: manager, "Update", subresource: subresource) {
            entries[i].fields = entries[i].fields.subtracting(changed).present(in: new)
        }
        if let i = entries.firstIndex(where: { $0.belongs(to: manager, "Update", subresource: subresource) }) {
            entries[i].fields = entries[i].fields.union(changed).present(in: new)
            if !changed.isEmpty { entries[i].time = now; entries[i].apiVersion = apiVersion }
        } else if !changed.isEmpty {
            entries.append(ManagedFieldsEntry(manager: manager, operation: "Update", apiVersion: apiVersion,
                                              time: now, subresource: subresource, fields: changed))
        }
        set(entries, on: &new)
    }
}
