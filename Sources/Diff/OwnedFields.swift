import FerryCore

/// The fields a server-side-apply field manager owns, from an object's `metadata.managedFields`
/// (`fieldsV1`: `f:<name>` for members, `k:{…}` for list items by key, `v:<json>` for set items).
///
/// Ferry applies with its own field manager, so a field Ferry owns that Git no longer sets is a field
/// the next apply will remove: that counts as a difference.
struct OwnedFields {
    let tree: Value

    /// The fields `manager` owns through `Apply` operations on the main resource, if any.
    init?(of object: KubeObject, manager: String) {
        let entries = object.value[path: ["metadata", "managedFields"]]?.arrayValue ?? []
        let owned = entries.first { entry in
            entry["manager"]?.stringValue == manager && entry["operation"]?.stringValue == "Apply"
                && (entry["subresource"]?.stringValue ?? "").isEmpty
        }
        guard let tree = owned?["fieldsV1"], tree.objectValue != nil else { return nil }
        self.tree = tree
    }

    private init(tree: Value) { self.tree = tree }

    /// True when the member `key` is owned.
    func owns(_ key: String) -> Bool { tree["f:" + key] != nil }

    /// The owned fields inside member `key`.
    func member(_ key: String) -> OwnedFields? { tree["f:" + key].map(OwnedFields.init(tree:)) }

    /// The owned fields inside a list item, found by its key fields (`k:`) or its value (`v:`).
    func item(_ element: Value) -> OwnedFields? {
        guard let members = tree.objectValue else { return nil }
        for (name, subtree) in members where name.hasPrefix("k:") || name.hasPrefix("v:") {
            guard let identity = try? JSON.parse(String(name.dropFirst(2))) else { continue }
            if name.hasPrefix("v:") ? identity.semanticallyEquals(element) : Self.element(element, matches: identity) {
                return OwnedFields(tree: subtree)
            }
        }
        return nil
    }

    private static func element(_ element: Value, matches keys: Value) -> Bool {
        guard let keyFields = keys.objectValue else { return false }
        return keyFields.allSatisfy { name, value in element[name].map { $0.semanticallyEquals(value) } ?? false }
    }
}
