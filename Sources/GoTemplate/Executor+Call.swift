import FerryCore

extension Executor {
    /// Calls a builtin or user function; `and`/`or` evaluate their arguments lazily.
    func evalFunction(_ name: String, cmd: Command, dot: TemplateValue, final: TemplateValue?) throws -> TemplateValue {
        let ident = cmd.args[0]
        let argOps = Array(cmd.args.dropFirst())
        if functions[name] == nil, name == "and" || name == "or" {
            return try evalAndOr(name == "and", argOps, ident: ident, dot: dot, final: final)
        }
        var args = try argOps.map { try evalArg($0, dot: dot) }
        if let final { args.append(final) }
        args = args.map { if case .missing = $0 { return .value(.null) }; return $0 }
        let function: ([TemplateValue]) throws -> TemplateValue
        if functions[name] == nil, name == "call" {
            function = { args in try Builtins.call(args, calleeName: argOps.first?.description ?? "") }
        } else if let user = functions[name] {
            function = user
        } else if let contextual = contextFunctions[name] {
            let context = ExecutionContext(executor: self)
            function = { args in try contextual(context, args) }
        } else if let builtin = Builtins.table[name] {
            function = builtin
        } else {
            throw fail("\(GoQuote.quote(name)) is not a defined function", at: ident)
        }
        do {
            return try function(args)
        } catch let error as ArgCountError {
            throw fail("wrong number of args for \(name): want \(error.want) got \(error.got)", at: ident)
        } catch {
            throw fail("error calling \(name): \(error)", at: cmd.pos, context: cmd.description)
        }
    }

    func evalAndOr(_ isAnd: Bool, _ ops: [Operand], ident: Operand, dot: TemplateValue, final: TemplateValue?) throws -> TemplateValue {
        let count = ops.count + (final == nil ? 0 : 1)
        guard count >= 1 else { throw fail("wrong number of args for \(isAnd ? "and" : "or"): want at least 1 got 0", at: ident) }
        var value = TemplateValue.missing
        for (i, op) in ops.enumerated() {
            value = try evalArg(op, dot: dot)
            let isLast = i == count - 1
            if isLast || value.isTrue != isAnd { return value }
        }
        return final ?? value
    }
}
