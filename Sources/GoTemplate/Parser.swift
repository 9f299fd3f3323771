import FerryCore

/// Builds trees from tokens: the main body and every `define`/`block` it contains.
struct Parser {
    let name: String
    let tokens: [Token]
    /// The functions the text may call, resolved by name (`Callee.table`).
    let functions: [String: Callee]
    var index = 0
    var vars: [String] = ["$"]
    var loopDepth = 0
    var nesting = 0
    static let maxNesting = 200
    var trees: [String: Tree] = [:]

    /// Parses `text` into its main tree plus defined templates.
    static func parse(name: String, text: String, functions: [String: Callee]) throws -> [String: Tree] {
        var parser = Parser(name: name, tokens: try Lexer.tokenize(name: name, text: text), functions: functions)
        let root = try parser.parseTop()
        var trees = parser.trees
        if trees[name] == nil || !root.isEmptyBody { trees[name] = Tree(name: name, parseName: name, root: root) }
        return trees
    }

    // MARK: tokens

    var peek: Token { index < tokens.count ? tokens[index] : Token(kind: .eof, pos: tokens.last?.pos ?? Position(offset: 0, line: 1, column: 0)) }

    mutating func next() -> Token {
        let token = peek
        if index < tokens.count { index += 1 }
        return token
    }

    func error(_ message: String, at token: Token) -> TemplateError {
        TemplateError(name: name, line: token.pos.line, message: message)
    }

    func unexpected(_ token: Token, in context: String) -> TemplateError {
        if token.kind == .eof { return error("unexpected EOF", at: token) }
        return error("unexpected \(token.display) in \(context)", at: token)
    }

    mutating func expect(_ kind: TokenKind, in context: String) throws {
        let token = next()
        guard token.kind == kind else { throw unexpected(token, in: context) }
    }

    // MARK: lists

    enum Terminator { case end, elseBranch, eof }

    mutating func parseTop() throws -> [Node] {
        let (nodes, terminator) = try itemList(top: true)
        if terminator != .eof { throw error("unexpected {{\(terminator == .end ? "end" : "else")}}", at: tokens[index - 1]) }
        return nodes
    }

    /// Parses nodes up to `{{end}}`, `{{else` or end of input.
    mutating func itemList(top: Bool = false) throws -> ([Node], Terminator) {
        var nodes: [Node] = []
        while true {
            let token = next()
            switch token.kind {
            case .eof:
                if top { return (nodes, .eof) }
                throw error("unexpected EOF", at: token)
            case .text(let s): nodes.append(.text(s))
            case .leftDelim:
                if case .keyword(let word) = peek.kind {
                    if word == "end" { _ = next(); try expect(.rightDelim, in: "end"); return (nodes, .end) }
                    if word == "else" { _ = next(); return (nodes, .elseBranch) }
                    if word == "define" {
                        guard top else { throw unexpected(peek, in: "command") }
                        _ = next(); try parseDefine(); continue
                    }
                }
                nodes.append(try action())
            default: throw unexpected(token, in: "input")
            }
        }
    }

    /// Parses what follows `{{` when it is not `end`, `else` or `define`.
    mutating func action() throws -> Node {
        let start = peek
        if case .keyword(let word) = start.kind {
            _ = next()
            switch word {
            case "if": return .ifNode(try control("if"))
            case "with": return .withNode(try control("with"))
            case "range": return .rangeNode(try control("range"))
            case "template": return try templateCall(context: "template clause")
            case "block": return try block()
            case "break", "continue":
                guard loopDepth > 0 else { throw error("{{\(word)}} outside {{range}}", at: start) }
                try expect(.rightDelim, in: "{{\(word)}}")
                return word == "break" ? .breakLoop(start.pos) : .continueLoop(start.pos)
            default: throw unexpected(start, in: "command")
            }
        }
        return .action(try pipeline(context: "command", end: .rightDelim))
    }

    /// Parses `if`/`with`/`range` after the keyword, through the matching `{{end}}`.
    mutating func control(_ context: String) throws -> Branch {
        let mark = vars.count
        try enter()
        defer { vars.removeLast(vars.count - mark); nesting -= 1 }
        let pipe = try pipeline(context: context, end: .rightDelim)
        if context == "range" { loopDepth += 1 }
        let (list, terminator) = try itemList()
        if context == "range" { loopDepth -= 1 }
        var elseList: [Node]?
        if terminator == .elseBranch {
            if (context == "if" || context == "with"), peek.kind == .keyword(context) {
                _ = next()
                let nested = try control(context)
                elseList = [context == "if" ? .ifNode(nested) : .withNode(nested)]
            } else {
                try expect(.rightDelim, in: "else")
                let (nodes, second) = try itemList()
                if second != .end { throw error("expected end; found {{else}}", at: tokens[index - 1]) }
                elseList = nodes
            }
        }
        return Branch(pipe: pipe, list: list, elseList: elseList)
    }

    mutating func templateName(context: String) throws -> String {
        let token = next()
        guard case .string(let s) = token.kind else { throw unexpected(token, in: context) }
        return s
    }

    /// `{{template "name" pipeline}}` after the keyword.
    mutating func templateCall(context: String) throws -> Node {
        let start = peek
        let target = try templateName(context: context)
        if peek.kind == .rightDelim { _ = next(); return .template(name: target, pipe: nil, pos: start.pos) }
        let pipe = try pipeline(context: context, end: .rightDelim)
        return .template(name: target, pipe: pipe, pos: start.pos)
    }

    /// `{{block "name" pipeline}}body{{end}}`: defines `name` and calls it at once.
    mutating func block() throws -> Node {
        let node = try templateCall(context: "block clause")
        guard case .template(let target, _, _) = node else { return node }
        try defineBody(target, context: "block clause")
        return node
    }

    /// `{{define "name"}}body{{end}}` after the keyword.
    mutating func parseDefine() throws {
        let target = try templateName(context: "define clause")
        try expect(.rightDelim, in: "define clause")
        try defineBody(target, context: "define clause")
    }

    mutating func defineBody(_ target: String, context: String) throws {
        let saved = vars
        vars = ["$"]
        defer { vars = saved }
        let (body, terminator) = try itemList()
        guard terminator == .end else { throw error("unexpected {{else}} in \(context)", at: tokens[index - 1]) }
        if trees[target] == nil || !body.isEmptyBody { trees[target] = Tree(name: target, parseName: name, root: body) }
    }
}

extension Parser {
    /// Bounds the nesting of blocks and parentheses so hostile input cannot exhaust the stack.
    mutating func enter() throws {
        nesting += 1
        guard nesting <= Parser.maxNesting else { throw error("nesting deeper than \(Parser.maxNesting) levels", at: peek) }
    }
}

extension [Node] {
    /// True when the body holds only whitespace text, which Go treats as "no definition".
    var isEmptyBody: Bool {
        allSatisfy { if case .text(let s) = $0 { return s.allSatisfy(\.isWhitespace) }; return false }
    }
}
