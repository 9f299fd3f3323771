import FerryCore
import OrderedCollections
import Patch

/// A set of owned fields: leaf paths plus the paths of associative-list items (the FieldsV1 `"."` entries).
struct FieldSet: Hashable, Sendable {
    var paths: Set<FieldPath> = []

    init(_ paths: Set<FieldPath> = []) { self.paths = paths }

    /// Top-level and metadata fields the server owns; never tracked.
    static let untracked: Set<FieldPath> = [
        [.field("apiVersion")], [.field("kind")], [.field("status")],
        [.field("metadata"), .field("name")], [.field("metadata"), .field("namespace")],
        [.field("metadata"), .field("uid")], [.field("metadata"), .field("resourceVersion")],
        [.field("metadata"), .field("generation")], [.field("metadata"), .field("creationTimestamp")],
        [.field("metadata"), .field("managedFields")], [.field("metadata"), .field("deletionTimestamp")],
        [.field("metadata"), .field("selfLink")], [.field("metadata"), .field("generateName")],
    ]

    /// The fields set in `object` (identity, server-owned metadata and status excluded).
    init(of object: Value) {
        var paths = Set<FieldPath>()
        Self.collect(object, at: [], field: nil, type: ListKeys.schema(of: object), into: &paths)
        self.paths = paths
    }

    /// Collects the leaves of `value`; `type` is its schema (for objects) and `field` describes it (for lists).
    private static func collect(_ value: Value, at path: FieldPath, field: PatchSchema.Field?, type: PatchSchema.Node?,
                                into paths: inout Set<FieldPath>) {
        if untracked.contains(path) { return }
        switch value {
        case .object(let members) where !members.isEmpty:
            for (name, child) in members {
                let childField = type?.field(name)
                collect(child, at: path + [.field(name)], field: childField, type: childField?.type, into: &paths)
            }
        case .array(let items) where ListKeys.isAssociative(field, items: items):
            for item in items {
                guard let key = ListKeys.key(field, item: item) else { continue }
                let itemPath = path + [.key(key)]
                paths.insert(itemPath)
                for (name, child) in item.objectValue ?? [:] {
                    let childField = type?.field(name)
                    collect(child, at: itemPath + [.field(name)], field: childField, type: childField?.type, into: &paths)
                }
            }
        default:
            if !path.isEmpty { paths.insert(path) }
        }
    }

    /// True for paths naming an associative-list item rather than a value.
    static func isItem(_ path: FieldPath) -> Bool {
        if case .key = path.last { return true }
        return false
    }

    func union(_ other: FieldSet) -> FieldSet { FieldSet(paths.union(other.paths)) }
    func subtracting(_ other: FieldSet) -> FieldSet { FieldSet(paths.subtracting(other.paths)) }
    func intersection(_ other: FieldSet) -> FieldSet { FieldSet(paths.intersection(other.paths)) }
    var isEmpty: Bool { paths.isEmpty }

    /// Keeps only paths that still exist in `object`.
    func present(in object: Value) -> FieldSet { FieldSet(paths.filter { object.lookup($0) != nil }) }

    /// The FieldsV1 tree, e.g. `{"f:metadata":{"f:labels":{"f:app":{}}}}`.
    var fieldsV1: Value {
        final class Node { var children: [PathElement: Node] = [:]; var isSelf = false }
        let root = Node()
        for path in paths {
            var node = root
            for element in path {
                if let next = node.children[element] { node = next } else {
                    let next = Node(); node.children[element] = next; node = next
                }
            }
            node.isSelf = true
        }
        func render(_ node: Node) -> Value {
            var members = OrderedDictionary<String, Value>()
            if node.isSelf && !node.children.isEmpty { members["."] = .emptyObject }
            for element in node.children.keys.sorted() {
                if let child = node.children[element] { members[element.encoded] = render(child) }
            }
            return .object(members)
        }
        return render(root)
    }

    /// Decodes a FieldsV1 tree; unknown element kinds are skipped.
    init(fieldsV1: Value) {
        var paths = Set<FieldPath>()
        func walk(_ node: Value, _ path: FieldPath) {
            let members = node.objectValue ?? [:]
            if members.isEmpty || members["."] != nil, !path.isEmpty { paths.insert(path) }
            for (name, child) in members where name != "." {
                if let element = PathElement(encoded: name) { walk(child, path + [element]) }
            }
        }
        walk(fieldsV1, [])
        self.paths = paths
    }
}
