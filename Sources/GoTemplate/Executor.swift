import FerryCore

/// Control flow out of a `range` body.
enum LoopFlow: Error { case breakLoop, continueLoop }

/// A wrong argument count from a builtin, reported without Go's "error calling" prefix.
struct ArgCountError: Error {
    var want: String
    var got: Int
}

/// Walks a tree, writing output; one instance per `execute` call.
final class Executor {
    /// The set's templates; never changed during a run.
    let trees: [String: Tree]
    /// Templates defined by `tpl` texts of the running execution, seen before `trees`.
    var overlay: [String: Tree] = [:]
    let callees: [String: Callee]
    let parseCache: ParseCache
    var rootData: TemplateValue = .missing
    let options: ExecOptions
    /// What the running template and the templates it includes have written, as UTF-8; an `include` writes
    /// after its caller's text and takes its part off the end when it returns.
    var output: [UInt8] = []
    var outputBytes = 0
    /// The variables in scope, innermost last; a called template's start at `varBase` (it cannot see its caller's).
    var vars: [(name: String, value: TemplateValue)] = []
    var varBase = 0
    var depth = 0
    var tree: Tree

    init(set: TemplateSet, options: ExecOptions, tree: Tree) {
        self.trees = set.trees
        self.callees = set.callees
        self.parseCache = set.parseCache
        self.options = options
        self.tree = tree
    }

    /// The template called `name`: one a `tpl` text defined, else the set's.
    func template(_ name: String) -> Tree? { overlay.isEmpty ? trees[name] : overlay[name] ?? trees[name] }

    /// Runs `tree` with `data` as dot and `$`.
    func run(data: TemplateValue) throws -> String {
        vars = [("$", data)]
        varBase = 0
        rootData = data
        output.reserveCapacity(4096)
        try walk(tree.root, dot: data)
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: errors

    func fail(_ message: String, at pos: Position, context: String) -> TemplateError {
        TemplateError(name: tree.parseName, line: pos.line, column: pos.column,
                      message: "executing \"\(tree.name)\" at <\(context)>: \(message)")
    }

    func fail(_ message: String, at op: Operand) -> TemplateError { fail(message, at: op.pos, context: op.description) }

    // MARK: output

    func write(_ s: String) throws {
        outputBytes += s.utf8.count
        guard outputBytes <= options.maxOutputBytes else {
            throw TemplateError(name: tree.parseName, line: 0,
                                message: "executing \"\(tree.name)\": output exceeds the limit of \(options.maxOutputBytes) bytes")
        }
        output.append(contentsOf: s.utf8)
    }

    func printed(_ value: TemplateValue) -> String {
        if case .missing = value { return "<no value>" }
        if case .value(let data) = value, let s = GoStringer.string(of: data) { return s }
        return GoFormat.v(value)
    }

    // MARK: walking

    func walk(_ nodes: [Node], dot: TemplateValue) throws {
        for node in nodes { try walk(node, dot: dot) }
    }

    func walk(_ node: Node, dot: TemplateValue) throws {
        switch node {
        case .text(let s): try write(s)
        case .action(let pipe):
            let value = try evalPipeline(pipe, dot: dot)
            if pipe.decl.isEmpty { try write(printed(value)) }
        case .ifNode(let branch): try walkIfOrWith(branch, dot: dot, isWith: false)
        case .withNode(let branch): try walkIfOrWith(branch, dot: dot, isWith: true)
        case .rangeNode(let branch): try walkRange(branch, dot: dot)
        case .template(let name, let pipe, let pos): try callTemplate(name, pipe: pipe, pos: pos, dot: dot)
        case .breakLoop: throw LoopFlow.breakLoop
        case .continueLoop: throw LoopFlow.continueLoop
        }
    }

    func walkIfOrWith(_ branch: Branch, dot: TemplateValue, isWith: Bool) throws {
        let mark = vars.count
        defer { vars.removeLast(vars.count - mark) }
        let value = try evalPipeline(branch.pipe, dot: dot)
        if value.isTrue {
            try walk(branch.list, dot: isWith ? value : dot)
        } else if let elseList = branch.elseList {
            try walk(elseList, dot: dot)
        }
    }

    func callTemplate(_ name: String, pipe: Pipeline?, pos: Position, dot: TemplateValue) throws {
        func context() -> String { "{{template \(GoQuote.quote(name))" + (pipe.map { " \($0)" } ?? "") + "}}" }
        guard let target = template(name) else { throw fail("template \(GoQuote.quote(name)) not defined", at: pos, context: context()) }
        guard depth < options.maxDepth else {
            throw fail("exceeded maximum template depth (\(options.maxDepth))", at: pos, context: context())
        }
        let data = try pipe.map { try evalPipeline($0, dot: dot) } ?? .missing
        try enter(target, data: data) { try walk(target.root, dot: data) }
    }

    /// Runs `body` as the template `target` with `data` as its `$`, one level deeper, in a scope of its own.
    func enter(_ target: Tree, data: TemplateValue, _ body: () throws -> Void) throws {
        let savedTree = tree, savedBase = varBase, mark = vars.count
        defer {
            vars.removeLast(vars.count - mark)
            varBase = savedBase
            tree = savedTree
            depth -= 1
        }
        depth += 1
        varBase = mark
        vars.append(("$", data))
        tree = target
        try body()
    }
}
