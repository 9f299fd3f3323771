import FerryCore

/// What a function name in a template stands for. A set resolves each name once, when it parses a text, and the
/// parsed tree carries the result, so a call costs no lookup by name when the template runs.
enum Callee: Sendable {
    /// `and` and `or`, which evaluate their arguments lazily.
    case and, or
    /// `call`, whose error names the source text of its first argument.
    case call
    /// A builtin or a caller's function.
    case plain(TemplateFunction)
    /// A function that reaches the running execution (Helm's `include`, `tpl`).
    case contextual(ContextFunction)

    /// Every name a set's templates may call: the builtins, then the context functions, then the caller's plain
    /// functions, each able to replace a name of the ones before (as Go's `Funcs` replaces a builtin).
    static func table(functions: FunctionMap, contextFunctions: [String: ContextFunction]) -> [String: Callee] {
        var table: [String: Callee] = [:]
        table.reserveCapacity(Builtins.table.count + contextFunctions.count + functions.count + 3)
        for (name, function) in Builtins.table { table[name] = .plain(function) }
        for (name, function) in contextFunctions { table[name] = .contextual(function) }
        table["and"] = .and
        table["or"] = .or
        table["call"] = .call
        for (name, function) in functions { table[name] = .plain(function) }
        return table
    }
}
