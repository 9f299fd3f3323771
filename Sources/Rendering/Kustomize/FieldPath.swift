import FerryCore

/// Dotted field paths as kustomize's replacements and vars write them (`spec.containers.[name=app].image`,
/// `spec.ports.0.port`, `metadata.labels.*`): field names, `[key=value]` / `[=value]` list selectors,
/// numeric indexes and the `*` wildcard.
enum FieldPath {
    /// Splits on dots outside brackets; `name[k=v]` becomes `name`, `[k=v]`.
    static func split(_ path: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for c in path {
            switch c {
            case "[":
                if depth == 0, !current.isEmpty { parts.append(current); current = "" }
                depth += 1; current.append(c)
            case "]":
                depth = max(0, depth - 1); current.append(c)
                if depth == 0 { parts.append(current); current = "" }
            case "." where depth == 0:
                if !current.isEmpty { parts.append(current) }
                current = ""
            default: current.append(c)
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// The value at `path`, or nil when any step is missing.
    static func get(_ value: Value, _ path: [String]) -> Value? {
        var node = value
        for segment in path {
            guard let next = step(node, segment) else { return nil }
            node = next
        }
        return node
    }

    private static func step(_ node: Value, _ segment: String) -> Value? {
        switch node {
        case .object:
            return node[segment]
        case .array(let items):
            if let i = index(segment) { return i < items.count ? items[i] : nil }
            guard let (key, wanted) = selector(segment) else { return nil }
            return items.first { matches($0, key: key, value: wanted) }
        default:
            return nil
        }
    }

    static func index(_ segment: String) -> Int? {
        let digits = segment.hasPrefix("[") && segment.hasSuffix("]") ? String(segment.dropFirst().dropLast()) : segment
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    /// `[key=value]` → (key, value); `[=value]` → ("", value).
    static func selector(_ segment: String) -> (String, String)? {
        guard segment.hasPrefix("["), segment.hasSuffix("]"), let eq = segment.firstIndex(of: "=") else { return nil }
        let key = String(segment[segment.index(after: segment.startIndex)..<eq])
        let value = String(segment[segment.index(after: eq)..<segment.index(before: segment.endIndex)])
        return (key, value)
    }

    static func matches(_ item: Value, key: String, value: String) -> Bool {
        let candidate = key.isEmpty ? item : item[key]
        guard let candidate else { return false }
        return scalarText(candidate) == value
    }

    /// A scalar's text as YAML would show it (nil for maps, lists and null).
    static func scalarText(_ value: Value) -> String? {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .double(let d): return YAML.formatFloat(d)
        default: return nil
        }
    }

    /// Calls `body` on every field `path` selects in `node`, creating missing fields when `create` is set.
    /// Returns how many fields were visited.
    @discardableResult
    static func update(_ node: inout Value, _ path: ArraySlice<String>, create: Bool,
                       _ body: (inout Value) throws -> Void) rethrows -> Int {
        guard let segment = path.first else {
            try body(&node)
            return 1
        }
        let rest = path.dropFirst()
        switch node {
        case .object(var members):
            if segment == "*" {
                var count = 0
                for key in members.keys {
                    guard var child = members[key] else { continue }
                    count += try update(&child, rest, create: false, body)
                    members[key] = child
                }
                node = .object(members)
                return count
            }
            var child: Value
            if let existing = members[segment], !(existing.isNull && create) {
                child = existing
            } else {
                guard create else { return 0 }
                child = rest.first.map { selector($0) != nil || index($0) != nil ? Value.array([]) : Value.emptyObject } ?? .null
            }
            let count = try update(&child, rest, create: create, body)
            if count > 0 || members[segment] != nil { members[segment] = child }
            node = .object(members)
            return count
        case .array(var items):
            return try updateList(&node, &items, segment, rest, create: create, body)
        case .null where create:
            node = selector(segment) != nil || index(segment) != nil ? .array([]) : .emptyObject
            return try update(&node, path, create: create, body)
        default:
            return 0
        }
    }

    private static func updateList(_ node: inout Value, _ items: inout [Value], _ segment: String,
                                   _ rest: ArraySlice<String>, create: Bool,
                                   _ body: (inout Value) throws -> Void) rethrows -> Int {
        var count = 0
        if segment == "*" {
            for i in items.indices { count += try update(&items[i], rest, create: false, body) }
        } else if let i = index(segment) {
            guard i < items.count else { return 0 }
            count = try update(&items[i], rest, create: create, body)
        } else if let (key, wanted) = selector(segment) {
            for i in items.indices where matches(items[i], key: key, value: wanted) {
                count += try update(&items[i], rest, create: create, body)
            }
            if count == 0 && create {
                var item: Value = key.isEmpty ? .string(wanted) : [key: .string(wanted)]
                count = try update(&item, rest, create: create, body)
                items.append(item)
            }
        }
        node = .array(items)
        return count
    }
}
