import FerryCore

extension Executor {
    /// Calls a builtin or caller's function named by `ident` with the operands `argOps` (and the previous
    /// command's result, `final`); `and`/`or` evaluate their arguments lazily. `cmd` is the whole command, or
    /// nil when the function is named alone as an argument (`default list .x`), for errors.
    func evalFunction(_ name: String, _ callee: Callee, ident: Operand, argOps: ArraySlice<Operand>, cmd: Command?,
                      dot: TemplateValue, final: TemplateValue?) throws -> TemplateValue {
        switch callee {
        case .and: return try evalAndOr(true, argOps, ident: ident, dot: dot, final: final)
        case .or: return try evalAndOr(false, argOps, ident: ident, dot: dot, final: final)
        case .call, .plain, .contextual: break
        }
        var args: [TemplateValue] = []
        args.reserveCapacity(argOps.count + 1)
        for op in argOps {
            let arg = try evalArg(op, dot: dot)
            if case .missing = arg { args.append(.value(.null)) } else { args.append(arg) }
        }
        if let final {
            if case .missing = final { args.append(.value(.null)) } else { args.append(final) }
        }
        do {
            switch callee {
            case .plain(let function): return try function(args)
            case .contextual(let function): return try function(ExecutionContext(executor: self), args)
            case .call: return try Builtins.call(args, calleeName: argOps.first?.description ?? "")
            case .and, .or: preconditionFailure("and/or are evaluated above")
            }
        } catch let error as ArgCountError {
            throw fail("wrong number of args for \(name): want \(error.want) got \(error.got)", at: ident)
        } catch {
            let command = cmd ?? Command(pos: ident.pos, args: [ident])
            throw fail("error calling \(name): \(error)", at: command.pos, context: command.description)
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
