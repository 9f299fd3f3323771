import OrderedCollections

/// An ordered JSON-like value: what a Kubernetes manifest is made of.
///
/// Object keys keep their insertion order so rendered YAML reads the way it was written.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([Value])
    case object(OrderedDictionary<String, Value>)

    /// An empty object.
    public static var emptyObject: Value { .object([:]) }

    /// The member at `key` when this is an object, else `nil`.
    public subscript(key: String) -> Value? {
        get {
            guard case .object(let members) = self else { return nil }
            return members[key]
        }
        set {
            guard case .object(var members) = self else {
                self = .object(newValue.map { [key: $0] } ?? [:])
                return
            }
            self = .null  // drops the enum's reference so `members` is mutated in place, not copied
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The value at a path of object keys, e.g. `["metadata", "name"]`.
    public subscript(path path: [String]) -> Value? {
        get {
            var current: Value? = self
            for key in path { current = current?[key] }
            return current
        }
        set {
            guard let first = path.first else { if let newValue { self = newValue }; return }
            if path.count == 1 { self[first] = newValue; return }
            var child = self[first] ?? .emptyObject
            child[path: Array(path.dropFirst())] = newValue
            self[first] = child
        }
    }

    /// The string payload, if this is a string.
    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    /// The integer payload (doubles with no fraction count too).
    public var intValue: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9.0e18: return Int64(d)
        default: return nil
        }
    }
    /// The boolean payload, if this is a boolean.
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    /// The elements, if this is an array.
    public var arrayValue: [Value]? { if case .array(let a) = self { return a }; return nil }
    /// The members, if this is an object.
    public var objectValue: OrderedDictionary<String, Value>? { if case .object(let o) = self { return o }; return nil }
    /// True for `.null`.
    public var isNull: Bool { if case .null = self { return true }; return false }

    /// A short name of the JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .object(OrderedDictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension Value {
    /// Numbers compare by value across int/double, as JSON does.
    public func semanticallyEquals(_ other: Value) -> Bool {
        switch (self, other) {
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Double(a) == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.semanticallyEquals($1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { key, value in b[key].map { value.semanticallyEquals($0) } ?? false }
        default: return self == other
        }
    }
}

extension Sequence where Element == String {
    /// The strings in byte (UTF-8) order, as Go sorts strings: map keys in `range`, JSON and YAML output.
    /// Swift's own `<` orders by Unicode canonical equivalence instead.
    public func sortedByBytes() -> [String] {
        sorted(by: UTF8Bytes.less)
    }
}
