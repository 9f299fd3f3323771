import FerryCore
import OrderedCollections
import Patch

/// One step of a path into an object, in the FieldsV1 encoding: `f:name`, `k:{"name":"web"}`, `i:0`.
enum PathElement: Hashable, Sendable, Comparable {
    case field(String)
    /// An item of an associative list, identified by its merge-key fields (an object).
    case key(Value)
    case index(Int)

    var encoded: String {
        switch self {
        case .field(let name): "f:" + name
        case .key(let key): "k:" + JSON.encode(key)
        case .index(let i): "i:\(i)"
        }
    }

    /// Decodes `f:`, `k:` and `i:` elements; others (`v:` set members) are not tracked.
    init?(encoded: String) {
        let body = String(encoded.dropFirst(2))
        switch encoded.prefix(2) {
        case "f:": self = .field(body)
        case "k:": guard let key = try? JSON.parse(body) else { return nil }; self = .key(key)
        case "i:": guard let i = Int(body) else { return nil }; self = .index(i)
        default: return nil
        }
    }

    static func < (a: PathElement, b: PathElement) -> Bool { a.encoded < b.encoded }
}

/// A path from the object root.
typealias FieldPath = [PathElement]

extension FieldPath {
    /// The path as a conflict message shows it: `.spec.template.spec.containers[name="web"].image`.
    var display: String {
        map { element -> String in
            switch element {
            case .field(let name): return "." + name
            case .index(let i): return "[\(i)]"
            case .key(let key):
                let parts = (key.objectValue ?? [:]).map { "\($0.key)=\(JSON.encode($0.value))" }
                return "[" + parts.joined(separator: ",") + "]"
            }
        }.joined()
    }
}

/// Which lists are associative, read from the Kubernetes schema (`PatchSchema`): lists with
/// `x-kubernetes-list-type: map` are keyed by `x-kubernetes-list-map-keys`; lists that only declare a patch
/// merge key are keyed by it. Every other list (and every list of a kind without schema) is atomic.
enum ListKeys {
    /// The schema of a whole object, from its own `apiVersion` and `kind`; nil for custom resources.
    static func schema(of object: Value) -> PatchSchema.Node? { PatchSchema.kubernetes.type(of: object) }

    /// The key fields of a list described by `field`, or nil for atomic lists and sets.
    static func keyFields(_ field: PatchSchema.Field?) -> [String]? {
        guard let field else { return nil }
        if field.listType == "map", !field.listMapKeys.isEmpty { return field.listMapKeys }
        if field.listType == nil, let key = field.patchMergeKey { return [key] }
        return nil
    }

    /// The `k:` identity of `item` (its key fields that are set, sorted), or nil when the list is not keyed
    /// or the item sets none of them.
    static func key(_ field: PatchSchema.Field?, item: Value) -> Value? {
        guard let fields = keyFields(field), case .object(let members) = item else { return nil }
        var key = OrderedDictionary<String, Value>()
        for name in fields.sorted() { key[name] = members[name] }
        guard !key.isEmpty else { return nil }
        // Key fields the API server defaults (a port's protocol) count with their default, as
        // structured-merge-diff does: an applied `{port: 80}` is the live `{port: 80, protocol: TCP}`.
        for name in fields where key[name] == nil { key[name] = defaultedKeyFields[name] }
        key.sort { $0.key < $1.key }
        return .object(key)
    }

    /// List-map key fields with a server-side default (the Kubernetes schema marks `protocol` `+default="TCP"`).
    static let defaultedKeyFields: [String: Value] = ["protocol": "TCP"]

    /// True when every item of `items` has a key, so the list merges by key.
    static func isAssociative(_ field: PatchSchema.Field?, items: [Value]) -> Bool {
        !items.isEmpty && items.allSatisfy { key(field, item: $0) != nil }
    }

    /// True when `item` is the list item `key` identifies: it has every key field with the same value.
    static func item(_ item: Value, matches key: Value) -> Bool {
        guard case .object(let members) = item, case .object(let fields) = key, !fields.isEmpty else { return false }
        return fields.allSatisfy { name, value in
            (members[name] ?? defaultedKeyFields[name]).map { $0.semanticallyEquals(value) } ?? false
        }
    }
}

extension Value {
    /// The value at `path`, if present.
    func lookup(_ path: FieldPath) -> Value? {
        var current = self
        for element in path {
            switch element {
            case .field(let name):
                guard let next = current[name] else { return nil }
                current = next
            case .index(let i):
                guard let items = current.arrayValue, items.indices.contains(i) else { return nil }
                current = items[i]
            case .key(let key):
                guard let items = current.arrayValue,
                      let item = items.first(where: { ListKeys.item($0, matches: key) }) else { return nil }
                current = item
            }
        }
        return current
    }

    /// Removes the value at `path`; objects and lists emptied by the removal are removed too.
    mutating func remove(_ path: FieldPath) {
        guard let first = path.first else { return }
        let rest = Array(path.dropFirst())
        switch (first, self) {
        case (.field(let name), .object(var members)):
            guard var child = members[name] else { return }
            if rest.isEmpty { members[name] = nil } else {
                child.remove(rest)
                if child.isEmptyContainer { members[name] = nil } else { members[name] = child }
            }
            self = .object(members)
        case (.key(let key), .array(var items)):
            guard let i = items.firstIndex(where: { ListKeys.item($0, matches: key) }) else { return }
            if rest.isEmpty { items.remove(at: i) } else { items[i].remove(rest) }
            self = .array(items)
        case (.index(let i), .array(var items)) where items.indices.contains(i):
            if rest.isEmpty { items.remove(at: i) } else { items[i].remove(rest) }
            self = .array(items)
        default:
            return
        }
    }

    var isEmptyContainer: Bool {
        switch self {
        case .object(let m): m.isEmpty
        case .array(let a): a.isEmpty
        default: false
        }
    }
}
