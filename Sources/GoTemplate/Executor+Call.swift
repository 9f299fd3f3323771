import FerryCore

extension Executor {
    /// Calls a builtin or user function; `and`/`or` evaluate their arguments lazily.
    func evalFunction(_ name: String, cmd: Command, dot: TemplateValue, final: TemplateValue?) throws -> TemplateValue {
        let ident = cmd.args[0]
        let argOps = cmd.args.dropFirst()
        let user = functions[name]
        if user == nil, name == "and" || name == "or" {
            return try evalAndOr(name == "and", argOps, ident: ident, dot: dot, final: final)
        }
        var args: [TemplateValue] = []
        args.reserveCapacity(argOps.count + 1)
        for op in argOps { args.append(try evalArg(op, dot: dot)) }
        if let final { args.append(final) }
        for i in args.indices { if case .missing = args[i] { args[i] = .value(.null) } }
        let function: ([TemplateValue]) throws -> TemplateValue
        if user == nil, name == "call" {
            function = { args in try Builtins.call(args, calleeName: argOps.first?.description ?? "") }
        } else if let user {
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

    func evalAndOr(_ isAnd: Bool, _ ops: ArraySlice<Operand>, ident: Operand, dot: TemplateValue, final: TemplateValue?) throws -> TemplateValue {
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
