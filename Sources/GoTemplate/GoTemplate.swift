import FerryCore

// # GoTemplate — Go's text/template language in Swift
//
// The foundation for rendering Helm charts. A `TemplateSet` holds named templates parsed from one or more
// texts (Helm parses every file of a chart into one set so `define`s are shared); `execute` runs one of them
// against a FerryCore `Value` and returns the output.
//
// Supported:
// - Lexing: text and `{{ }}` actions, trim markers `{{- ` / ` -}}`, comments `{{/* */}}`, interpreted and
//   raw strings with Go escapes, rune constants, Go number literals (hex/octal/binary, `_`, floats), bools, nil,
//   identifiers, `.Field` chains, `$variables`, `|`, parentheses, `:=`, `=`.
// - Actions: pipelines, `if`/`else if`/`else`, `range` (one or two variables, `else`, `break`, `continue`,
//   over lists, maps in sorted key order and integers), `with`/`else with`/`else`, `define`, `template`,
//   `block`, variable declaration and assignment with Go's scoping, `$` as the root data.
// - Go's missing-key modes (`ExecOptions.missingKey`): `<no value>` (default), zero (Helm), or error.
// - Builtins: `and`, `or` (short-circuit), `not`, `len`, `index`, `slice`, `print`, `printf`, `println`,
//   `eq`, `ne`, `lt`, `le`, `gt`, `ge` (Go's comparison rules), `html`, `js`, `urlquery`, `call`.
// - Output as Go's `%v` prints values; Go-like error texts with template name, line and column; bounded
//   template recursion, block nesting and output size.
// - Caller functions: plain ones (`FunctionMap`, for Sprig) and `ContextFunction`s that can run another
//   template of the set or parse-and-run text against it (`ExecutionContext`), for Helm's `include`/`tpl`.
//
// - Sprig v3's function library plus Helm's non-context functions (`toYaml`, `fromYaml`, `fromJsonArray`, …):
//   `Sprig.functions(SprigOptions)` in `Sprig/` (its header lists the representation choices and limits:
//   maps are values, times are Go-formatted strings, regexes are RE2 translated to ICU).
//
// - Go values with a `String()` method (Helm's `.Capabilities.KubeVersion`, `semver`): `GoStringer` objects,
//   whose fields read as usual and which print as their string form.
// - Performance: `add(_:)` parses many texts and `execute(_:)` runs many templates in parallel; `tpl` texts are
//   parsed once per set (`ParseCache`) and run against an overlay of the set rather than a copy.
//
// Not yet: Helm's `include`/`tpl`/`required`/`lookup` (they live with the Helm renderer); custom delimiters;
// other methods on data; complex numbers; `%#v` Go-syntax output; Helm's final
// replacement of `<no value>` by the empty string (do it after `execute` when `missingKey == .zero`);
// `\x` escapes in strings decode to code points rather than raw bytes; parse errors carry no column (as in Go).

/// Options for one execution.
public struct ExecOptions: Sendable {
    /// What a missing map key evaluates to, like Go's `Option("missingkey=…")`.
    public enum MissingKey: Sendable {
        /// Go's default: "no value", printed as `<no value>`; fields on it are also "no value".
        case `default`
        /// The zero value (nil), as Helm configures it: printing gives `<no value>`, a field of it is an error.
        case zero
        /// An error: `map has no entry for key "x"`.
        case error
    }

    /// The missing-key mode.
    public var missingKey: MissingKey
    /// The deepest nesting of `{{template}}` calls allowed.
    public var maxDepth: Int
    /// The largest output allowed, in bytes.
    public var maxOutputBytes: Int

    /// Creates options; the defaults match Go's plain `text/template`.
    public init(missingKey: MissingKey = .default, maxDepth: Int = 200, maxOutputBytes: Int = 32 << 20) {
        self.missingKey = missingKey
        self.maxDepth = maxDepth
        self.maxOutputBytes = maxOutputBytes
    }
}

/// Entry point for parsing templates.
public struct Template: Sendable {
    /// Parses `text` as the template `name` (plus its `define`s) with the caller's functions available.
    public static func parse(name: String, text: String, functions: FunctionMap = [:],
                             contextFunctions: [String: ContextFunction] = [:]) throws -> TemplateSet {
        var set = TemplateSet(functions: functions, contextFunctions: contextFunctions)
        try set.add(name: name, text: text)
        return set
    }
}

/// A set of named templates sharing definitions and functions.
public struct TemplateSet: Sendable {
    /// Every function the templates may call, by name (computed once: a chart parses hundreds of files).
    let callees: [String: Callee]
    var trees: [String: Tree] = [:]
    /// Texts parsed by `tpl`, shared by every execution of the set.
    let parseCache = ParseCache()

    /// Creates an empty set with the given functions.
    public init(functions: FunctionMap = [:], contextFunctions: [String: ContextFunction] = [:]) {
        self.callees = Callee.table(functions: functions, contextFunctions: contextFunctions)
    }

    /// The names of all templates in the set, sorted.
    public var names: [String] { trees.keys.sorted() }

    /// Parses another text into the set; its `define`s become visible to every template in the set.
    public mutating func add(name: String, text: String) throws {
        let parsed = try Parser.parse(name: name, text: text, functions: callees)
        for (key, tree) in parsed where trees[key] == nil || !tree.root.isEmptyBody {
            trees[key] = tree
        }
    }

    /// Parses several texts into the set, in parallel, as if each were added in turn; throws the error of the
    /// first text (in order) that fails to parse. `rewriting`, when given, is applied to each text first (on
    /// the same worker, so a chart's files are rewritten and parsed in one parallel pass).
    public mutating func add(_ texts: [(name: String, text: String)],
                             rewriting: (@Sendable (String) -> String)? = nil) throws {
        let callees = callees
        let parsed = try ParallelMap.map(texts) { file in
            try Parser.parse(name: file.name, text: rewriting?(file.text) ?? file.text, functions: callees)
        }
        for file in parsed {
            for (key, tree) in file where trees[key] == nil || !tree.root.isEmptyBody { trees[key] = tree }
        }
    }

    /// Runs several templates, in parallel unless `parallel` is false (a seeded random source must be drawn
    /// from in order); each result is its output or its error, in the order given.
    public func execute(_ runs: [(name: String, data: Value)], options: ExecOptions = ExecOptions(),
                        parallel: Bool = true) -> [Result<String, Error>] {
        guard parallel else { return runs.map { run in Result { try execute(run.name, data: run.data, options: options) } } }
        return ParallelMap.results(runs) { try execute($0.name, data: $0.data, options: options) }
    }

    /// Runs the template `name` with `data` as dot and `$`, returning the output.
    public func execute(_ name: String, data: Value, options: ExecOptions = ExecOptions()) throws -> String {
        guard let tree = trees[name] else {
            throw TemplateError(name: name, line: 0, message: "no template \(GoQuote.quote(name)) associated with template set")
        }
        let executor = Executor(set: self, options: options, tree: tree)
        return try executor.run(data: data.isNull ? .missing : .value(data))
    }
}
