import FerryCore
import Foundation

/// The JSONPath subset CRD `additionalPrinterColumns` use: `.spec.replicas`, `.metadata.labels['app']`,
/// `.items[0]`, `.items[*].name`, `.status.conditions[?(@.type=="Ready")].status` (filters compare with
/// `==` or `!=`, or test that a field exists). An optional `{…}` wrapper and leading `$` are accepted.
struct SimpleJSONPath: Sendable, Hashable {
    enum Step: Sendable, Hashable {
        case field(String)
        case index(Int)
        case wildcard
        /// `[?(@.a.b == "v")]`: items whose `path` equals (or, negated, differs from) `value`; with no value,
        /// items where `path` exists.
        case filter(path: [String], value: Value?, negated: Bool)
    }

    let steps: [Step]

    /// Parses `text`; nil when it uses syntax outside the subset.
    init?(_ text: String) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if body.hasPrefix("{") && body.hasSuffix("}") { body = body.dropFirst().dropLast() }
        if body.hasPrefix("$") { body = body.dropFirst() }
        var steps: [Step] = []
        while let first = body.first {
            if first == "." {
                body = body.dropFirst()
                guard let name = Self.takeName(&body) else { return nil }
                steps.append(name == "*" ? .wildcard : .field(name))
            } else if first == "[" {
                guard let close = Self.closingBracket(body) else { return nil }
                guard let step = Self.bracket(body[body.index(after: body.startIndex)..<close]) else { return nil }
                steps.append(step)
                body = body[body.index(after: close)...]
            } else {
                return nil
            }
        }
        self.steps = steps
    }

    /// Every value the path selects in `root`, in document order.
    func evaluate(_ root: Value) -> [Value] {
        steps.reduce([root]) { current, step in current.flatMap { Self.apply(step, to: $0) } }
    }

    private static func apply(_ step: Step, to value: Value) -> [Value] {
        switch step {
        case .field(let name):
            return value[name].map { [$0] } ?? []
        case .index(let i):
            guard let items = value.arrayValue else { return [] }
            let index = i < 0 ? items.count + i : i
            return items.indices.contains(index) ? [items[index]] : []
        case .wildcard:
            if let items = value.arrayValue { return items }
            return value.objectValue.map { Array($0.values) } ?? []
        case .filter(let path, let expected, let negated):
            return (value.arrayValue ?? []).filter { item in
                let found = item[path: path]
                guard let expected else { return found != nil }
                return (found == expected) != negated
            }
        }
    }

    /// A dotted name up to the next `.` or `[`; `\.` escapes a dot inside a key.
    private static func takeName(_ body: inout Substring) -> String? {
        var name = ""
        while let c = body.first, c != ".", c != "[" {
            body = body.dropFirst()
            if c == "\\", let next = body.first { name.append(next); body = body.dropFirst() } else { name.append(c) }
        }
        return name.isEmpty ? nil : name
    }

    /// The `]` closing the bracket at the start of `body`, skipping quoted text.
    private static func closingBracket(_ body: Substring) -> Substring.Index? {
        var quote: Character?
        for index in body.indices.dropFirst() {
            let c = body[index]
            if let q = quote { if c == q { quote = nil } } else if c == "'" || c == "\"" { quote = c } else if c == "]" { return index }
        }
        return nil
    }

    /// The step inside `[…]`: an index, `*`, a quoted key or a filter.
    private static func bracket(_ inner: Substring) -> Step? {
        let text = inner.trimmingCharacters(in: .whitespaces)
        if text == "*" { return .wildcard }
        if let i = Int(text) { return .index(i) }
        if let key = unquote(text) { return .field(key) }
        guard text.hasPrefix("?("), text.hasSuffix(")") else { return nil }
        return filter(String(text.dropFirst(2).dropLast()))
    }

    /// `@.a.b == "v"`, `@.a != 3`, or `@.a`.
    private static func filter(_ expression: String) -> Step? {
        for (op, negated) in [("!=", true), ("==", false)] {
            guard let range = expression.range(of: op) else { continue }
            guard let path = relativePath(String(expression[..<range.lowerBound])),
                  let value = literal(String(expression[range.upperBound...])) else { return nil }
            return .filter(path: path, value: value, negated: negated)
        }
        return relativePath(expression).map { .filter(path: $0, value: nil, negated: false) }
    }

    /// `@.a.b` as `["a", "b"]`.
    private static func relativePath(_ text: String) -> [String]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("@.") else { return nil }
        let parts = trimmed.dropFirst(2).split(separator: ".").map(String.init)
        let invalid = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "~<>=!()[]@'\"*"))
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.rangeOfCharacter(from: invalid) == nil }) else {
            return nil
        }
        return parts
    }

    /// A quoted string, a number or `true`/`false`.
    private static func literal(_ text: String) -> Value? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let string = unquote(trimmed) { return .string(string) }
        if trimmed == "true" || trimmed == "false" { return .bool(trimmed == "true") }
        if let i = Int64(trimmed) { return .int(i) }
        return Double(trimmed).map { .double($0) }
    }

    private static func unquote(_ text: String) -> String? {
        guard text.count >= 2, let first = text.first, first == "'" || first == "\"", text.last == first else { return nil }
        return String(text.dropFirst().dropLast())
    }
}
