import FerryCore

/// Go's predefined template functions (except `and`, `or` and `call`, which `Callee` handles: the first two
/// evaluate their arguments lazily, the last names its callee's text in errors).
enum Builtins {
    static let table: [String: TemplateFunction] = [
        "not": { args in try arity(args, 1); return .value(.bool(!args[0].isTrue)) },
        "len": { args in try arity(args, 1); return .goInt(Int64(try length(args[0].data))) },
        "index": { args in try atLeast(args, 1); return try index(args[0].data, Array(args.dropFirst()).map(\.data)) },
        "slice": { args in try atLeast(args, 1); return .value(try slice(args[0].data, Array(args.dropFirst()).map(\.data))) },
        "print": { args in .value(.string(GoPrintf.sprint(args.map(\.data)))) },
        "println": { args in .value(.string(GoPrintf.sprintln(args.map(\.data)))) },
        "printf": { args in
            try atLeast(args, 1)
            guard case .string(let format) = args[0].data else {
                throw FunctionError("wrong type for value; expected string; got \(args[0].goTypeName)")
            }
            return .value(.string(GoPrintf.sprintf(format, args.dropFirst().map(\.data))))
        },
        "eq": { args in try atLeast(args, 1); return .value(.bool(try Compare.eq(args[0].data, args.dropFirst().map(\.data)))) },
        "ne": { args in try arity(args, 2); return .value(.bool(!(try Compare.eq(args[0].data, [args[1].data])))) },
        "lt": { args in try arity(args, 2); return .value(.bool(try Compare.lt(args[0].data, args[1].data))) },
        "le": { args in try arity(args, 2); return .value(.bool(try Compare.le(args[0].data, args[1].data))) },
        "gt": { args in try arity(args, 2); return .value(.bool(!(try Compare.le(args[0].data, args[1].data)))) },
        "ge": { args in try arity(args, 2); return .value(.bool(!(try Compare.lt(args[0].data, args[1].data)))) },
        "html": { args in .value(.string(Escape.html(evalArgs(args)))) },
        "js": { args in .value(.string(Escape.js(evalArgs(args)))) },
        "urlquery": { args in .value(.string(Escape.query(evalArgs(args)))) },
    ]

    /// `call fn args…`; `calleeName` is the source text of the first argument, for the error.
    static func call(_ args: [TemplateValue], calleeName: String) throws -> TemplateValue {
        try atLeast(args, 1)
        guard case .function(let f) = args[0] else {
            if case .value(.null) = args[0] { throw FunctionError("call of nil") }
            throw FunctionError("non-function \(calleeName) of type \(args[0].goTypeName)")
        }
        return try f(Array(args.dropFirst()))
    }

    static func arity(_ args: [TemplateValue], _ n: Int) throws {
        guard args.count == n else { throw ArgCountError(want: "\(n)", got: args.count) }
    }

    static func atLeast(_ args: [TemplateValue], _ n: Int) throws {
        guard args.count >= n else { throw ArgCountError(want: "at least \(n)", got: args.count) }
    }

    /// The single string argument, or `fmt.Sprint` of all arguments.
    static func evalArgs(_ args: [TemplateValue]) -> String {
        if args.count == 1, case .value(.string(let s)) = args[0] { return s }
        return GoPrintf.sprint(args.map(\.data))
    }

    static func length(_ item: Value) throws -> Int {
        switch item {
        case .string(let s): return s.utf8.count
        case .array(let a): return a.count
        case .object(let o): return o.count
        case .null: throw FunctionError("len of nil pointer")
        default: throw FunctionError("len of type \(item.goTypeName)")
        }
    }

    static func index(_ item: Value, _ indices: [Value]) throws -> TemplateValue {
        guard !item.isNull else { throw FunctionError("index of untyped nil") }
        var current = item
        for key in indices {
            switch current {
            case .array(let a): current = a[try position(key, count: a.count)]
            case .string(let s):
                let bytes = Array(s.utf8)
                current = .int(Int64(bytes[try position(key, count: bytes.count)]))
            case .object(let o):
                guard case .string(let k) = key else {
                    if key.isNull { throw FunctionError("value is nil; should be of type string") }
                    throw FunctionError("value has type \(key.goTypeName); should be string")
                }
                current = o[k] ?? .null
            case .null: throw FunctionError("index of nil pointer")
            default: throw FunctionError("can't index item of type \(current.goTypeName)")
            }
        }
        return .value(current)
    }

    static func position(_ key: Value, count: Int) throws -> Int {
        guard case .int(let i) = key else {
            if key.isNull { throw FunctionError("cannot index slice/array with nil") }
            throw FunctionError("cannot index slice/array with type \(key.goTypeName)")
        }
        guard i >= 0, i < count else { throw FunctionError("index out of range: \(i)") }
        return Int(i)
    }

    static func slice(_ item: Value, _ indices: [Value]) throws -> Value {
        guard !item.isNull else { throw FunctionError("slice of untyped nil") }
        guard indices.count <= 3 else { throw FunctionError("too many slice indexes: \(indices.count)") }
        let count: Int
        switch item {
        case .array(let a): count = a.count
        case .string(let s):
            count = s.utf8.count
            if indices.count == 3 { throw FunctionError("cannot 3-index slice a string") }
        default: throw FunctionError("can't slice item of type \(item.goTypeName)")
        }
        var bounds = [0, count, count]
        for (i, key) in indices.enumerated() { bounds[i] = try sliceIndex(key, cap: count) }
        guard bounds[0] <= bounds[1] else { throw FunctionError("invalid slice index: \(bounds[0]) > \(bounds[1])") }
        if indices.count == 3, bounds[1] > bounds[2] { throw FunctionError("invalid slice index: \(bounds[1]) > \(bounds[2])") }
        switch item {
        case .array(let a): return .array(Array(a[bounds[0]..<bounds[1]]))
        case .string(let s): return .string(String(decoding: Array(s.utf8)[bounds[0]..<bounds[1]], as: UTF8.self))
        default: return item
        }
    }

    static func sliceIndex(_ key: Value, cap: Int) throws -> Int {
        guard case .int(let i) = key else {
            if key.isNull { throw FunctionError("cannot index slice/array with nil") }
            throw FunctionError("cannot index slice/array with type \(key.goTypeName)")
        }
        guard i >= 0, i <= cap else { throw FunctionError("index out of range: \(i)") }
        return Int(i)
    }
}
