import FerryCore
import OrderedCollections

/// Sprig's dictionary functions. Maps are values: `set`, `unset` and the merges return the updated map.
enum SprigDicts {
    typealias Dict = OrderedDictionary<String, Value>

    static let table: FunctionMap = [
        "dict": { args in
            var d = Dict(minimumCapacity: (args.count + 1) / 2)
            for i in stride(from: 0, to: args.count, by: 2) {
                d[Cast.string(args[i].data)] = i + 1 < args.count ? args[i + 1].data : .string("")
            }
            return .map(d)
        },
        "get": { args in
            try Arg.count(args, 2)
            return .value(try Arg.map(args[0])[try Arg.string(args[1])] ?? .string(""))
        },
        "set": { args in
            try Arg.count(args, 3)
            var d = try Arg.map(args[0])
            d[try Arg.string(args[1])] = args[2].data
            return .map(d)
        },
        "unset": { args in
            try Arg.count(args, 2)
            var d = try Arg.map(args[0])
            d.removeValue(forKey: try Arg.string(args[1]))
            return .map(d)
        },
        "hasKey": { args in
            try Arg.count(args, 2)
            return .bool(try Arg.map(args[0])[try Arg.string(args[1])] != nil)
        },
        "pluck": { args in
            try Arg.atLeast(args, 1)
            let key = try Arg.string(args[0])
            return .list(try args.dropFirst().compactMap { try Arg.map($0)[key] })
        },
        "keys": { args in .list(try args.flatMap { try Arg.map($0).keys.map(Value.string) }) },
        "values": { args in try Arg.count(args, 1); return .list(Array(try Arg.map(args[0]).values)) },
        "pick": { args in
            try Arg.atLeast(args, 1)
            let d = try Arg.map(args[0])
            var out = Dict()
            for key in try args.dropFirst().map(Arg.string) { if let v = d[key] { out[key] = v } }
            return .map(out)
        },
        "omit": { args in
            try Arg.atLeast(args, 1)
            let omit = Set(try args.dropFirst().map(Arg.string))
            return .map(try Arg.map(args[0]).filter { !omit.contains($0.key) })
        },
        "dig": { args in
            guard args.count >= 3 else { throw FunctionError("dig needs at least three arguments") }
            guard case .object(let d) = args[args.count - 1].data else {
                throw FunctionError("interface conversion: interface {} is \(args[args.count - 1].goTypeName), not map[string]interface {}")
            }
            let keys = try args.dropLast(2).map { arg -> String in
                guard case .string(let s) = arg.data else {
                    throw FunctionError("interface conversion: interface {} is \(arg.goTypeName), not string")
                }
                return s
            }
            return .value(try dig(d, keys[...], default: args[args.count - 2].data))
        },
        "deepCopy": { args in try Arg.count(args, 1); return args[0] },
        "mustDeepCopy": { args in try Arg.count(args, 1); return args[0] },
        "merge": merging(overwrite: false),
        "mustMerge": merging(overwrite: false),
        "mergeOverwrite": merging(overwrite: true),
        "mustMergeOverwrite": merging(overwrite: true),
    ]

    static func dig(_ d: Dict, _ keys: ArraySlice<String>, default fallback: Value) throws -> Value {
        guard let key = keys.first, let step = d[key] else { return fallback }
        if keys.count == 1 { return step }
        guard case .object(let next) = step else {
            throw FunctionError("interface conversion: interface {} is \(step.goTypeName), not map[string]interface {}")
        }
        return try dig(next, keys.dropFirst(), default: fallback)
    }

    static func merging(overwrite: Bool) -> TemplateFunction {
        { args in
            try Arg.atLeast(args, 1)
            var dst = try Arg.map(args[0])
            for src in args.dropFirst() { merge(into: &dst, try Arg.map(src), overwrite: overwrite) }
            return .map(dst)
        }
    }

    /// mergo's map merge as Sprig calls it: nested maps merge key by key; otherwise a source value fills a
    /// missing or empty (zero) destination value, or — with `overwrite` — replaces it, nil included.
    static func merge(into dst: inout Dict, _ src: Dict, overwrite: Bool) {
        for (key, value) in src {
            let existing = dst[key]
            if value.isNull {
                if overwrite { dst[key] = .null }
                continue
            }
            if case .object(let srcMap) = value, case .object(var dstMap)? = existing, !dstMap.isEmpty {
                merge(into: &dstMap, srcMap, overwrite: overwrite)
                dst[key] = .object(dstMap)
                continue
            }
            if overwrite || existing.map(SprigDefaults.isEmpty) ?? true { dst[key] = value }
        }
    }
}
