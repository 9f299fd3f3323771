import FerryCore

/// A function that also needs the running execution: Helm's `include` and `tpl` are built on this.
public typealias ContextFunction = @Sendable (ExecutionContext, [TemplateValue]) throws -> TemplateValue

/// What a `ContextFunction` may do with the execution that called it.
///
/// Nested executions share the caller's options, recursion depth and output budget, so an `include`
/// loop fails with `exceeded maximum template depth` instead of crashing.
public struct ExecutionContext {
    let executor: Executor

    /// Runs the named template of the current set with `data` as dot and returns its output.
    public func execute(_ name: String, data: TemplateValue) throws -> String {
        guard let tree = executor.template(name) else { throw FunctionError("template \(GoQuote.quote(name)) not defined") }
        return try executor.nested(tree, overlay: executor.overlay, data: data)
    }

    /// Parses `text` as a template named `name` that sees the current set's definitions, and runs it.
    public func render(text: String, name: String, data: TemplateValue) throws -> String {
        let callees = executor.callees
        let parsed = try executor.parseCache.trees(name: name, text: text) {
            try Parser.parse(name: name, text: text, functions: callees)
        }
        // The text's templates shadow the set's for this run only (Helm parses into a clone of the set).
        var overlay = executor.overlay
        for (key, tree) in parsed where executor.template(key) == nil || !tree.root.isEmptyBody {
            overlay[key] = tree
        }
        guard let tree = overlay[name] ?? executor.trees[name] else { return "" }
        return try executor.nested(tree, overlay: overlay, data: data)
    }

    /// The data passed to the top-level execution (`$` of the outermost template).
    public var root: TemplateValue { executor.rootData }
}

extension Executor {
    /// Runs `tree` one level deeper and returns what it wrote (taken off the shared output), restoring the caller's state.
    func nested(_ tree: Tree, overlay: [String: Tree], data: TemplateValue) throws -> String {
        guard depth < options.maxDepth else {
            throw FunctionError("exceeded maximum template depth (\(options.maxDepth))")
        }
        let mark = output.count, savedOverlay = self.overlay
        defer { output.removeSubrange(mark...); self.overlay = savedOverlay }
        self.overlay = overlay
        try enter(tree, data: data) { try walk(tree.root, dot: data) }
        return String(decoding: output[mark...], as: UTF8.self)
    }
}
