import FerryCore

/// Reflection (`typeOf`, `kindOf`, `deepEqual`…), with Go's names for decoded values (`Value.goTypeName`).
enum SprigTypes {
    static let table: FunctionMap = [
        "typeOf": { args in try Arg.count(args, 1); return .str(args[0].goTypeName) },
        "typeIs": { args in try Arg.count(args, 2); return .bool(try Arg.string(args[0]) == args[1].goTypeName) },
        "typeIsLike": { args in
            try Arg.count(args, 2)
            let target = try Arg.string(args[0]), actual = args[1].goTypeName
            return .bool(target == actual || "*" + target == actual)
        },
        "kindOf": { args in try Arg.count(args, 1); return .str(args[0].goKind) },
        "kindIs": { args in try Arg.count(args, 2); return .bool(try Arg.string(args[0]) == args[1].data.goKind) },
        "deepEqual": { args in try Arg.count(args, 2); return .bool(args[0].data.goDeepEqual(args[1].data)) },
    ]
}

extension TemplateValue {
    /// Go's `reflect.Kind` name: data integers are `int64`, the template's own integers `int`.
    var goKind: String {
        if case .value(.int) = self { return "int64" }
        return data.goKind
    }
}
