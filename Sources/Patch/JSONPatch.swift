import FerryCore

/// JSON patch (RFC 6902): an array of `add`, `remove`, `replace`, `move`, `copy` and `test` operations
/// addressed by JSON pointers, applied in order; the first failing operation stops the patch. Results match
/// `kubectl patch --type json` (evanphx/json-patch), including its one leniency: `replace` of a missing
/// object member adds the member.
public enum JSONPatch {
    /// Applies `operations` (a JSON array) to `document`. Errors name the operation's index, op and path.
    public static func apply(_ operations: Value, to document: Value) throws -> Value {
        guard let list = operations.arrayValue else {
            throw PatchError("a JSON patch must be an array of operations, not \(operations.typeName)")
        }
        var doc = document
        for (index, operation) in list.enumerated() {
            doc = try Operation(operation, index: index).apply(to: doc)
        }
        return doc
    }
}

/// One decoded JSON patch operation.
struct Operation {
    var op: String
    var path: JSONPointer
    var rawPath: String
    var index: Int
    var operation: Value

    init(_ operation: Value, index: Int) throws {
        guard case .object = operation else {
            throw PatchError("JSON patch operation \(index) must be an object, not \(operation.typeName)",
                             operationIndex: index)
        }
        guard let op = operation["op"]?.stringValue else {
            throw PatchError("JSON patch operation \(index) has no 'op'", operationIndex: index)
        }
        guard let path = operation["path"]?.stringValue else {
            throw PatchError("JSON patch operation \(index) (\(op)) has no 'path'", operationIndex: index)
        }
        do { self.path = try JSONPointer(parsing: path) } catch {
            throw PatchError("JSON patch operation \(index) (\(op) \(path)) failed: \(error)",
                             operationIndex: index, path: path)
        }
        self.op = op
        self.rawPath = path
        self.index = index
        self.operation = operation
    }

    func fail(_ reason: String, path: String? = nil) -> PatchError {
        let at = path ?? rawPath
        return PatchError("JSON patch operation \(index) (\(op) \(at)) failed: \(reason)", operationIndex: index, path: at)
    }

    func apply(to doc: Value) throws -> Value {
        switch op {
        case "add": return try set(doc, path.tokens[...], try value(), insert: true)
        case "remove": return try remove(doc, path.tokens[...])
        case "replace":
            // Like the JSON patch library Kubernetes uses (and unlike RFC 6902's letter), replacing a missing
            // member of an existing object adds it; a missing array index or parent is still an error.
            return try set(doc, path.tokens[...], try value(), insert: false)
        case "move", "copy":
            let (from, fromText) = try source()
            guard let moved = doc.resolve(from) else { throw fail("the 'from' path \(fromText) does not exist") }
            if op == "move" {
                if path.tokens.starts(with: from.tokens) && path.tokens != from.tokens {
                    throw fail("cannot move \(fromText) into one of its own children")
                }
                return try set(try remove(doc, from.tokens[...], text: fromText), path.tokens[...], moved, insert: true)
            }
            return try set(doc, path.tokens[...], moved, insert: true)
        case "test":
            guard let actual = doc.resolve(path) else { throw fail("the path does not exist") }
            guard actual.semanticallyEquals(try value()) else {
                throw fail("test failed: the value is \(JSON.encode(actual)), not \(JSON.encode(try value()))")
            }
            return doc
        default:
            throw fail("unknown operation '\(op)' (expected add, remove, replace, move, copy or test)")
        }
    }

    private func value() throws -> Value {
        guard let members = operation.objectValue, let value = members["value"] else { throw fail("it has no 'value'") }
        return value
    }

    private func source() throws -> (JSONPointer, String) {
        guard let text = operation["from"]?.stringValue else { throw fail("it has no 'from'") }
        do { return (try JSONPointer(parsing: text), text) } catch { throw fail(error.description) }
    }

    private func set(_ doc: Value, _ tokens: ArraySlice<String>, _ newValue: Value, insert: Bool) throws -> Value {
        guard let token = tokens.first else { return newValue }
        let rest = tokens.dropFirst()
        switch doc {
        case .object(var members):
            if rest.isEmpty { members[token] = newValue; return .object(members) }
            guard let child = members[token] else { throw fail("the parent path does not exist") }
            members[token] = try set(child, rest, newValue, insert: insert)
            return .object(members)
        case .array(var items):
            let last = rest.isEmpty && insert
            guard let i = JSONPointer.index(token, count: items.count, allowEnd: last) else {
                throw fail("index '\(token)' is out of range for an array of \(items.count)")
            }
            if rest.isEmpty {
                if insert { items.insert(newValue, at: i) } else { items[i] = newValue }
            } else {
                items[i] = try set(items[i], rest, newValue, insert: insert)
            }
            return .array(items)
        default:
            throw fail("cannot address '\(token)' inside a \(doc.typeName)")
        }
    }

    private func remove(_ doc: Value, _ tokens: ArraySlice<String>, text: String? = nil) throws -> Value {
        guard let token = tokens.first else { throw fail("cannot remove the whole document", path: text) }
        let rest = tokens.dropFirst()
        switch doc {
        case .object(var members):
            guard let child = members[token] else { throw fail("the path does not exist", path: text) }
            if rest.isEmpty { members[token] = nil } else { members[token] = try remove(child, rest, text: text) }
            return .object(members)
        case .array(var items):
            guard let i = JSONPointer.index(token, count: items.count, allowEnd: false) else {
                throw fail("index '\(token)' is out of range for an array of \(items.count)", path: text)
            }
            if rest.isEmpty { items.remove(at: i) } else { items[i] = try remove(items[i], rest, text: text) }
            return .array(items)
        default:
            throw fail("the path does not exist", path: text)
        }
    }
}
