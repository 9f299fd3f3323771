import FerryCore

/// JSON Patch (RFC 6902) with JSON Pointers (RFC 6901).
enum JSONPatch {
    /// Applies every operation in order; throws `APIError.badRequest`-style messages via `PatchFailure`.
    static func apply(_ patch: Value, to document: Value) throws -> Value {
        guard let operations = patch.arrayValue else { throw PatchFailure("a JSON patch must be an array of operations") }
        var doc = document
        for (i, operation) in operations.enumerated() {
            guard let op = operation["op"]?.stringValue, let path = operation["path"]?.stringValue else {
                throw PatchFailure("operation \(i) needs 'op' and 'path'")
            }
            let pointer = try parse(path)
            switch op {
            case "add": doc = try set(doc, pointer, try value(operation, i), insert: true)
            case "replace":
                _ = try get(doc, pointer)
                doc = try set(doc, pointer, try value(operation, i), insert: false)
            case "remove": doc = try remove(doc, pointer)
            case "move", "copy":
                guard let from = operation["from"]?.stringValue else { throw PatchFailure("operation \(i) needs 'from'") }
                let source = try parse(from)
                let moved = try get(doc, source)
                if op == "move" { doc = try remove(doc, source) }
                doc = try set(doc, pointer, moved, insert: true)
            case "test":
                guard try get(doc, pointer).semanticallyEquals(try value(operation, i)) else {
                    throw PatchFailure("test operation \(i) failed at \(path)")
                }
            default: throw PatchFailure("unknown operation '\(op)'")
            }
        }
        return doc
    }

    private static func value(_ operation: Value, _ i: Int) throws -> Value {
        guard let v = operation["value"] else { throw PatchFailure("operation \(i) needs 'value'") }
        return v
    }

    static func parse(_ pointer: String) throws -> [String] {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { throw PatchFailure("invalid JSON pointer '\(pointer)'") }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    static func get(_ doc: Value, _ pointer: [String]) throws -> Value {
        var current = doc
        for token in pointer {
            switch current {
            case .object(let m):
                guard let next = m[token] else { throw PatchFailure("path /\(pointer.joined(separator: "/")) not found") }
                current = next
            case .array(let a):
                guard let i = Int(token), a.indices.contains(i) else { throw PatchFailure("index \(token) out of range") }
                current = a[i]
            default: throw PatchFailure("path /\(pointer.joined(separator: "/")) not found")
            }
        }
        return current
    }

    static func set(_ doc: Value, _ pointer: [String], _ newValue: Value, insert: Bool) throws -> Value {
        guard let token = pointer.first else { return newValue }
        let rest = Array(pointer.dropFirst())
        switch doc {
        case .object(var m):
            if rest.isEmpty { m[token] = newValue; return .object(m) }
            guard let child = m[token] else { throw PatchFailure("missing parent for /\(pointer.joined(separator: "/"))") }
            m[token] = try set(child, rest, newValue, insert: insert)
            return .object(m)
        case .array(var a):
            if rest.isEmpty {
                if token == "-" && insert { a.append(newValue); return .array(a) }
                guard let i = Int(token), i >= 0, insert ? i <= a.count : i < a.count else {
                    throw PatchFailure("index \(token) out of range")
                }
                if insert { a.insert(newValue, at: i) } else { a[i] = newValue }
                return .array(a)
            }
            guard let i = Int(token), a.indices.contains(i) else { throw PatchFailure("index \(token) out of range") }
            a[i] = try set(a[i], rest, newValue, insert: insert)
            return .array(a)
        default:
            throw PatchFailure("cannot address /\(pointer.joined(separator: "/")) in a \(doc.typeName)")
        }
    }

    static func remove(_ doc: Value, _ pointer: [String]) throws -> Value {
        guard let token = pointer.first else { throw PatchFailure("cannot remove the whole document") }
        let rest = Array(pointer.dropFirst())
        switch doc {
        case .object(var m):
            guard let child = m[token] else { throw PatchFailure("path /\(pointer.joined(separator: "/")) not found") }
            if rest.isEmpty { m[token] = nil } else { m[token] = try remove(child, rest) }
            return .object(m)
        case .array(var a):
            guard let i = Int(token), a.indices.contains(i) else { throw PatchFailure("index \(token) out of range") }
            if rest.isEmpty { a.remove(at: i) } else { a[i] = try remove(a[i], rest) }
            return .array(a)
        default:
            throw PatchFailure("path /\(pointer.joined(separator: "/")) not found")
        }
    }
}

/// A patch that cannot be applied.
struct PatchFailure: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
