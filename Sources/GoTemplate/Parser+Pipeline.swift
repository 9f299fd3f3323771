import FerryCore

extension Parser {
    /// Parses declarations and `|`-separated commands up to `end` (which is consumed).
    mutating func pipeline(context: String, end: TokenKind) throws -> Pipeline {
        var pipe = Pipeline(pos: peek.pos)
        try declarations(into: &pipe, context: context)
        while true {
            let token = peek
            if token.kind == end { _ = next(); break }
            guard token.startsOperand else { throw unexpected(next(), in: context) }
            pipe.commands.append(try command(end: end))
            if peek.kind == .pipe {
                _ = next()
                if peek.kind == end { throw error("missing command after |", at: peek) }
            }
        }
        guard !pipe.commands.isEmpty else { throw error("missing value for \(context)", at: peek) }
        for (i, cmd) in pipe.commands.enumerated().dropFirst() {
            switch cmd.args[0].kind {
            case .constant, .nilValue, .dot: throw error("non executable command in pipeline stage \(i + 1)", at: peek)
            default: break
            }
        }
        return pipe
    }

    mutating func declarations(into pipe: inout Pipeline, context: String) throws {
        guard case .variable(let first) = peek.kind else { return }
        let save = index
        _ = next()
        var names = [first]
        if peek.kind == .comma, context == "range" {
            _ = next()
            guard case .variable(let second) = next().kind else { throw error("missing variable after comma", at: peek) }
            names.append(second)
        }
        switch peek.kind {
        case .declare:
            _ = next()
            vars.append(contentsOf: names)
        case .assign:
            _ = next()
            for n in names where !vars.contains(n) { throw error("undefined variable \"\(n)\"", at: tokens[save]) }
            pipe.isAssign = true
        default:
            index = save
            return
        }
        pipe.decl = names
    }

    /// Parses operands up to `|` or `end`.
    mutating func command(end: TokenKind) throws -> Command {
        var cmd = Command(pos: peek.pos, args: [])
        while true {
            cmd.args.append(try operand())
            let token = peek
            if token.kind == end || token.kind == .pipe { return cmd }
            if token.kind == .rightDelim || token.kind == .rightParen || token.kind == .eof { return cmd }
            guard token.spaceBefore else { throw unexpected(token, in: "operand") }
        }
    }

    /// Parses a term followed by an optional `.Field` chain. Like Go, a chained operand takes the position of
    /// the first chained field (`.a` in `.Values.a.b`), which is where its errors are reported.
    mutating func operand() throws -> Operand {
        var op = try term()
        var fields: [String] = []
        let chainPos = peek.pos
        while case .field(let f) = peek.kind, !peek.spaceBefore { _ = next(); fields.append(f) }
        guard !fields.isEmpty else { return op }
        switch op.kind {
        case .field(let base): op = Operand(kind: .field(base + fields), pos: chainPos)
        case .variable(let n, let base): op = Operand(kind: .variable(n, base + fields), pos: chainPos)
        case .constant, .nilValue: throw error("unexpected . after term \"\(op)\"", at: peek)
        default: op = Operand(kind: .chain(op, fields), pos: chainPos)
        }
        return op
    }

    mutating func term() throws -> Operand {
        let token = next()
        let pos = token.pos
        switch token.kind {
        case .identifier(let n):
            guard let callee = functions[n] else { throw error("function \"\(n)\" not defined", at: token) }
            return Operand(kind: .identifier(n, callee), pos: pos)
        case .dot: return Operand(kind: .dot, pos: pos)
        case .nilValue: return Operand(kind: .nilValue, pos: pos)
        case .variable(let n):
            guard vars.contains(n) else { throw error("undefined variable \"\(n)\"", at: token) }
            return Operand(kind: .variable(n, []), pos: pos)
        case .field(let f): return Operand(kind: .field([f]), pos: pos)
        case .bool(let b): return Operand(kind: .constant(.bool(b), nil), pos: pos)
        case .char(let c): return Operand(kind: .constant(.int(c), "\(c)"), pos: pos)
        case .number(let text):
            guard let v = NumberLiteral.parse(text) else { throw error("bad number syntax: \"\(text)\"", at: token) }
            return Operand(kind: .constant(v, text), pos: pos)
        case .string(let s): return Operand(kind: .constant(.string(s), nil), pos: pos)
        case .leftParen:
            try enter()
            defer { nesting -= 1 }
            let pipe = try pipeline(context: "parenthesized pipeline", end: .rightParen)
            return Operand(kind: .pipeline(pipe), pos: pos)
        default: throw unexpected(token, in: "operand")
        }
    }
}

extension Token {
    /// Whether this token can begin an operand (Go's pipeline accepts only these).
    var startsOperand: Bool {
        switch kind {
        case .bool, .char, .dot, .field, .identifier, .number, .nilValue, .string, .variable, .leftParen: return true
        default: return false
        }
    }
}
