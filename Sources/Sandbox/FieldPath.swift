import FerryCore
import OrderedCollections

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

/// Which lists merge item by item, and by which key fields. Other lists are atomic.
enum MergeKeys {
    /// The key fields of list `field`'s items, judged from one item; nil for atomic lists.
    static func keyFields(list field: String?, item: Value) -> [String]? {
        guard let field, case .object(let members) = item else { return nil }
        switch field {
        case "containers", "initContainers", "ephemeralContainers", "env", "volumes", "imagePullSecrets",
             "volumeDevices":
            return members["name"] != nil ? ["name"] : nil
        case "ports":
            if members["containerPort"] != nil { return ["containerPort"] }
            return members["port"] != nil ? ["port"] : nil
        case "volumeMounts": return members["mountPath"] != nil ? ["mountPath"] : nil
        case "conditions": return members["type"] != nil ? ["type"] : nil
        case "hostAliases": return members["ip"] != nil ? ["ip"] : nil
        case "ownerReferences": return members["uid"] != nil ? ["uid"] : nil
        default: return nil
        }
    }

    /// The `k:` identity of `item` in list `field`, or nil when the list is atomic.
    static func key(list field: String?, item: Value) -> Value? {
        guard let fields = keyFields(list: field, item: item) else { return nil }
        var key = OrderedDictionary<String, Value>()
        for name in fields.sorted() { key[name] = item[name] }
        return .object(key)
    }

    /// True when every item of `items` has a key, so the list merges by key.
    static func isAssociative(list field: String?, items: [Value]) -> Bool {
        !items.isEmpty && items.allSatisfy { key(list: field, item: $0) != nil }
    }
}

extension Value {
    /// The value at `path`, if present.
    func lookup(_ path: FieldPath) -> Value? {
        var current = self
        var field: String?
        for element in path {
            switch element {
            case .field(let name):
                guard let next = current[name] else { return nil }
                current = next; field = name
            case .index(let i):
                guard let items = current.arrayValue, items.indices.contains(i) else { return nil }
                current = items[i]
            case .key(let key):
                guard let items = current.arrayValue,
                      let item = items.first(where: { MergeKeys.key(list: field, item: $0) == key }) else { return nil }
                current = item
            }
        }
        return current
    }

    /// Removes the value at `path`; objects and lists emptied by the removal are removed too.
    mutating func remove(_ path: FieldPath, listField: String? = nil) {
        guard let first = path.first else { return }
        let rest = Array(path.dropFirst())
        switch (first, self) {
        case (.field(let name), .object(var members)):
            guard var child = members[name] else { return }
            if rest.isEmpty { members[name] = nil } else {
                child.remove(rest, listField: name)
                if child.isEmptyContainer { members[name] = nil } else { members[name] = child }
            }
            self = .object(members)
        case (.key(let key), .array(var items)):
            guard let i = items.firstIndex(where: { MergeKeys.key(list: listField, item: $0) == key }) else { return }
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
