import FerryCore

/// Sprig's list functions; the plain forms throw where Go panics, the `must*` forms return the same errors.
enum SprigLists {
    static let nilDereference = FunctionError("runtime error: invalid memory address or nil pointer dereference")

    /// The elements of a list argument, or Sprig's error naming the operation and the argument's kind.
    static func elements(_ v: TemplateValue, _ operation: String) throws -> [Value] {
        switch v.data {
        case .array(let a): return a
        case .null: throw nilDereference
        default: throw FunctionError("Cannot \(operation) type \(v.data.goKind)")
        }
    }

    /// A one-list function registered under its plain and `must` names.
    static func listFunction(_ name: String, _ operation: String, _ f: @escaping @Sendable ([Value]) -> Value) -> FunctionMap {
        let fn: TemplateFunction = { args in
            try Arg.count(args, 1)
            return .value(f(try elements(args[0], operation)))
        }
        return [name: fn, mustName(name): fn]
    }

    static var table: FunctionMap {
        var t: FunctionMap = [
            "list": { args in .list(args.map(\.data)) },
            "tuple": { args in .list(args.map(\.data)) },
            "concat": { args in
                var out: [Value] = []
                for arg in args {
                    guard case .array(let a) = arg.data else {
                        if arg.data.isNull { throw nilDereference }
                        throw FunctionError("Cannot concat type \(arg.data.goKind) as list")
                    }
                    out += a
                }
                return .list(out)
            },
            "until": { args in
                try Arg.count(args, 1)
                let n = try Arg.int(args[0])
                return .list(try untilStep(0, n, n < 0 ? -1 : 1).map { .int(Int64($0)) })
            },
            "untilStep": { args in
                try Arg.count(args, 3)
                return .list(try untilStep(try Arg.int(args[0]), try Arg.int(args[1]), try Arg.int(args[2])).map { .int(Int64($0)) })
            },
            "seq": { args in .str(try seq(try args.map(Arg.int)).map(String.init).joined(separator: " ")) },
        ]
        let simple: [FunctionMap] = [
            listFunction("first", "find first on") { $0.first ?? .null },
            listFunction("last", "find last on") { $0.last ?? .null },
            listFunction("rest", "find rest on") { .array(Array($0.dropFirst())) },
            listFunction("initial", "find initial on") { .array(Array($0.dropLast())) },
            listFunction("reverse", "find reverse on") { .array($0.reversed()) },
            listFunction("uniq", "find uniq on") { .array(uniq($0)) },
            listFunction("compact", "compact on") { .array($0.filter { !SprigDefaults.isEmpty($0) }) },
            pairFunction("append", "push on") { $0 + [$1] },
            pairFunction("push", "push on") { $0 + [$1] },
            pairFunction("prepend", "prepend on") { [$1] + $0 },
            more,
        ]
        for group in simple { t.merge(group) { _, new in new } }
        return t
    }

    /// `f(list, value)` under its plain and `must` names.
    /// Sprig's erroring twin of a list function: `first` → `mustFirst`.
    static func mustName(_ name: String) -> String { "must" + name.prefix(1).uppercased() + String(name.dropFirst()) }

    static func pairFunction(_ name: String, _ operation: String, _ f: @escaping @Sendable ([Value], Value) -> [Value]) -> FunctionMap {
        let fn: TemplateFunction = { args in
            try Arg.count(args, 2)
            return .list(f(try elements(args[0], operation), args[1].data))
        }
        return [name: fn, mustName(name): fn]
    }

    static let more: FunctionMap = {
        let without: TemplateFunction = { args in
            try Arg.atLeast(args, 1)
            let omit = args.dropFirst().map(\.data)
            return .list(try elements(args[0], "find without on").filter { item in !omit.contains { $0.goDeepEqual(item) } })
        }
        let has: TemplateFunction = { args in
            try Arg.count(args, 2)
            if args[1].data.isNull { return .bool(false) }
            return .bool(try elements(args[1], "find has on").contains { $0.goDeepEqual(args[0].data) })
        }
        let slice: TemplateFunction = { args in
            try Arg.atLeast(args, 1)
            let items = try elements(args[0], "slice")
            if items.isEmpty { return .value(.null) }
            let start = args.count > 1 ? Int(Cast.toInt64(args[1].data)) : 0
            let end = args.count > 2 ? Int(Cast.toInt64(args[2].data)) : items.count
            guard start >= 0, start <= end, end <= items.count else {
                throw FunctionError("reflect: slice index out of range")
            }
            return .list(Array(items[start..<end]))
        }
        let chunk: TemplateFunction = { args in
            try Arg.count(args, 2)
            let size = try Arg.int(args[0])
            let items = try elements(args[1], "chunk")
            guard size > 0 else { throw FunctionError("runtime error: chunk size must be positive, got \(size)") }
            let chunks = stride(from: 0, to: items.count, by: size).map { Value.array(Array(items[$0..<min($0 + size, items.count)])) }
            return .list(chunks)
        }
        return ["without": without, "mustWithout": without, "has": has, "mustHas": has,
                "slice": slice, "mustSlice": slice, "chunk": chunk, "mustChunk": chunk]
    }()

    static func uniq(_ items: [Value]) -> [Value] {
        var out: [Value] = []
        for item in items where !out.contains(where: { $0.goDeepEqual(item) }) { out.append(item) }
        return out
    }

    static let maxItems = 1 << 22

    /// Sprig's `untilStep`: counts from start towards stop; a step pointing away gives nothing.
    static func untilStep(_ start: Int, _ stop: Int, _ step: Int) throws -> [Int] {
        if stop < start { guard step < 0 else { return [] } } else { guard step > 0 else { return [] } }
        let span = Int64(stop).subtractingReportingOverflow(Int64(start))
        let items = span.overflow ? UInt64.max : span.partialValue.magnitude / UInt64(step.magnitude)
        guard items <= UInt64(maxItems) else { throw FunctionError("untilStep: too many items (\(items))") }
        return Array(stride(from: start, to: stop, by: step))
    }

    /// Sprig's `seq` (like GNU seq): `seq 3`, `seq 2 5`, `seq 0 2 10`; descending when end < start.
    static func seq(_ p: [Int]) throws -> [Int] {
        switch p.count {
        case 1:
            let inc = p[0] < 1 ? -1 : 1
            return try untilStep(1, p[0] &+ inc, inc)
        case 2:
            let inc = p[1] < p[0] ? -1 : 1
            return try untilStep(p[0], p[1] &+ inc, inc)
        case 3:
            let (start, step, end) = (p[0], p[1], p[2])
            var inc = 1
            if end < start {
                inc = -1
                if step > 0 { return [] }
            }
            return try untilStep(start, end &+ inc, step)
        default: return []
        }
    }
}
