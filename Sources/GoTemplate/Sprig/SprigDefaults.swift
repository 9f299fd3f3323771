import FerryCore

/// Sprig's defaults and flow control: `default`, `empty`, `coalesce`, `all`, `any`, `ternary`, `fail`.
enum SprigDefaults {
    static let table: FunctionMap = [
        "default": { args in
            try Arg.atLeast(args, 1)
            guard args.count > 1, !isEmpty(args[1].data) else { return args[0] }
            return args[1]
        },
        "empty": { args in try Arg.count(args, 1); return .bool(isEmpty(args[0].data)) },
        "coalesce": { args in args.first { !isEmpty($0.data) } ?? .value(.null) },
        "all": { args in .bool(args.allSatisfy { !isEmpty($0.data) }) },
        "any": { args in .bool(args.contains { !isEmpty($0.data) }) },
        "ternary": { args in
            try Arg.count(args, 3)
            return try Arg.bool(args[2]) ? args[0] : args[1]
        },
        "fail": { args in
            try Arg.count(args, 1)
            throw FunctionError(try Arg.string(args[0]))
        },
    ]

    /// Sprig's `empty`: nil, false, 0, and empty strings, lists and maps.
    static func isEmpty(_ v: Value) -> Bool {
        switch v {
        case .null: return true
        case .bool(let b): return !b
        case .int(let i): return i == 0
        case .double(let d): return d == 0
        case .string(let s): return s.isEmpty
        case .array(let a): return a.isEmpty
        case .object(let o): return o.isEmpty
        }
    }
}

extension Value {
    /// Go's `reflect.DeepEqual` on decoded values: maps compare without order; int and float64 differ.
    func goDeepEqual(_ other: Value) -> Bool {
        switch (self, other) {
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.goDeepEqual($1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { key, value in b[key].map { value.goDeepEqual($0) } ?? false }
        case (.double(let a), .double(let b)): return a == b
        default: return self == other
        }
    }

    /// Go's `reflect.Kind` name of this value as decoded into `interface{}`.
    var goKind: String {
        switch self {
        case .null: "invalid"
        case .bool: "bool"
        case .int: "int"
        case .double: "float64"
        case .string: "string"
        case .array: "slice"
        case .object: "map"
        }
    }
}
