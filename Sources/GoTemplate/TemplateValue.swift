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
    /// A Go `int` made by the template itself: integer constants, `len`, `range` indexes, Sprig's `int` and
    /// `atoi`. Integers in the data read as Helm's `int64` (`--set` values, Sprig arithmetic results), so
    /// `typeOf 3` is `int` while `typeOf (add 1 2)` is `int64`. It reads as `.int` through `data`.
    case goInt(Int64)

    /// The data value, with `.missing` and functions read as `.null`.
    public var data: Value {
        switch self {
        case .value(let v): return v
        case .goInt(let i): return .int(i)
        case .missing, .function: return .null
        }
    }

    /// Go's truth: false, 0, nil, empty string/array/map and no value are false.
    public var isTrue: Bool {
        switch self {
        case .missing: return false
        case .function: return true
        case .goInt(let i): return i != 0
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

    /// The Go type name this value would have in Helm (`string`, `int`, `float64`, `map[string]interface {}`…);
    /// data integers are `int64`.
    public var goTypeName: String {
        switch self {
        case .missing: return "<nil>"
        case .function: return "func"
        case .goInt: return "int"
        case .value(.int): return "int64"
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
