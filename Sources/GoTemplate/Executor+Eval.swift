import FerryCore

extension Executor {
    /// Evaluates a pipeline; declares or assigns its variables; a nil result becomes "no value" as in Go.
    func evalPipeline(_ pipe: Pipeline, dot: TemplateValue) throws -> TemplateValue {
        var value: TemplateValue?
        for cmd in pipe.commands {
            value = try evalCommand(cmd, dot: dot, final: value)
            if case .value(.null) = value { value = .missing }
        }
        let result = value ?? .missing
        for name in pipe.decl {
            if pipe.isAssign { setVariable(name, result) } else { vars.append((name, result)) }
        }
        return result
    }

    func evalCommand(_ cmd: Command, dot: TemplateValue, final: TemplateValue?) throws -> TemplateValue {
        let first = cmd.args[0]
        let hasArgs = cmd.args.count > 1 || final != nil
        switch first.kind {
        case .field(let names): return try evalFields(dot, names, op: first, hasArgs: hasArgs)
        case .variable(let name, let names):
            let base = try variable(name, at: first)
            if names.isEmpty { try notAFunction(cmd, final: final); return base }
            return try evalFields(base, names, op: first, hasArgs: hasArgs)
        case .chain(let base, let names):
            let receiver = try evalArg(base, dot: dot)
            return try evalFields(receiver, names, op: first, hasArgs: hasArgs)
        case .identifier(let name, let callee):
            return try evalFunction(name, callee, ident: first, argOps: cmd.args.dropFirst(), cmd: cmd, dot: dot, final: final)
        case .pipeline(let pipe):
            try notAFunction(cmd, final: final)
            return try evalPipeline(pipe, dot: dot)
        case .constant(let v, _):
            try notAFunction(cmd, final: final)
            return Self.constant(v)
        case .dot:
            try notAFunction(cmd, final: final)
            return dot
        case .nilValue: throw fail("nil is not a command", at: first)
        }
    }

    func notAFunction(_ cmd: Command, final: TemplateValue?) throws {
        guard cmd.args.count > 1 || final != nil else { return }
        throw fail("can't give argument to non-function \(cmd.args[0])", at: cmd.args[0])
    }

    /// Evaluates an argument operand.
    func evalArg(_ op: Operand, dot: TemplateValue) throws -> TemplateValue {
        switch op.kind {
        case .field(let names): return try evalFields(dot, names, op: op, hasArgs: false)
        case .variable(let name, let names):
            let base = try variable(name, at: op)
            return names.isEmpty ? base : try evalFields(base, names, op: op, hasArgs: false)
        case .chain(let base, let names):
            return try evalFields(try evalArg(base, dot: dot), names, op: op, hasArgs: false)
        case .dot: return dot
        case .nilValue: return .value(.null)
        case .constant(let v, _): return Self.constant(v)
        case .identifier(let name, let callee):
            return try evalFunction(name, callee, ident: op, argOps: [], cmd: nil, dot: dot, final: nil)
        case .pipeline(let pipe): return try evalPipeline(pipe, dot: dot)
        }
    }

    /// Follows `.A.B.C` from `receiver`.
    /// The first hop reports the receiver's own Go type in errors; later hops read `interface {}` as in Go.
    func evalFields(_ receiver: TemplateValue, _ names: [String], op: Operand, hasArgs: Bool) throws -> TemplateValue {
        var current = receiver
        for (i, name) in names.enumerated() {
            let isLast = i == names.count - 1
            current = try evalField(current, name, op: op, hasArgs: isLast && hasArgs, typeName: i == 0 ? nil : "interface {}")
        }
        return current
    }

    func evalField(_ receiver: TemplateValue, _ name: String, op: Operand, hasArgs: Bool, typeName: String?) throws -> TemplateValue {
        switch receiver {
        case .missing:
            if options.missingKey == .error { throw fail("nil data; no entry for key \(GoQuote.quote(name))", at: op) }
            return .missing
        case .value(.null):
            throw fail("nil pointer evaluating interface {}.\(name)", at: op)
        case .value(.object(let members)):
            if hasArgs { throw fail("\(name) is not a method but has arguments", at: op) }
            if let found = members[name] { return .value(found) }
            switch options.missingKey {
            case .default: return .missing
            case .zero: return .value(.null)
            case .error: throw fail("map has no entry for key \(GoQuote.quote(name))", at: op)
            }
        default:
            throw fail("can't evaluate field \(name) in type \(typeName ?? receiver.goTypeName)", at: op)
        }
    }

    /// A constant's value: integer constants are Go `int`s.
    static func constant(_ v: Value) -> TemplateValue {
        if case .int(let i) = v { return .goInt(i) }
        return .value(v)
    }
}
