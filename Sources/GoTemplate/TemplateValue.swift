import FerryCore

/// A function callable from a template: receives evaluated arguments, returns one value or throws.
public typealias TemplateFunction = @Sendable ([TemplateValue]) throws -> TemplateValue

/// The functions a template may call by name, besides the builtins (Sprig and Helm plug in here).
public typealias FunctionMap = [String: TemplateFunction]

/// A value flowing through a template: data, Go's "no value", or a function value (for `call`).
public enum TemplateValue: Sendable {
    /// A data value; `.null` behaves like Go's nil interface.
    case value(Value)
    /// Go's invalid value: a missing map key under the default `missingkey` mode; prints `<no value>`.
    case missing
    /// A function value, callable with the `call` builtin.
    case function(TemplateFunction)

    /// The data value, with `.missing` and functions read as `.null`.
    public var data: Value {
        if case .value(let v) = self { return v }
        return .null
    }

    /// Go's truth: false, 0, nil, empty string/array/map and no value are false.
    public var isTrue: Bool {
        switch self {
        case .missing: return false
        case .function: return true
        case .value(let v):
            switch v {
            case .null: return false
            case .bool(let b): return b
            case .int(let i): return i != 0
            case .double(let d): return d != 0
            case .string(let s): return !s.isEmpty
            case .array(let a): return !a.isEmpty
            case .object(let o): return !o.isEmpty
            }
        }
    }

    /// The Go type name this value would have in Helm (`string`, `int`, `float64`, `map[string]interface {}`…).
    public var goTypeName: String {
        switch self {
        case .missing: return "<nil>"
        case .function: return "func"
        case .value(let v): return v.goTypeName
        }
    }
}

extension Value {
    /// The Go type name of this value as decoded into `interface{}`.
    public var goTypeName: String {
        switch self {
        case .null: "<nil>"
        case .bool: "bool"
        case .int: "int"
        case .double: "float64"
        case .string: "string"
        case .array: "[]interface {}"
        case .object: "map[string]interface {}"
        }
    }
}
