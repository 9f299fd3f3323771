import FerryCore

/// Ignore rules remove what a pointer designates. A `*` token is an extension: it matches every element of an
/// array or every member of an object.
extension JSONPointer {
    /// Returns `value` without whatever this pointer designates (unchanged when it designates nothing).
    public func removing(from value: Value) -> Value {
        guard !tokens.isEmpty else { return value }
        return Self.remove(tokens[...], from: value)
    }

    private static func remove(_ tokens: ArraySlice<String>, from value: Value) -> Value {
        guard let token = tokens.first else { return value }
        let rest = tokens.dropFirst()
        switch value {
        case .object(var members):
            let keys = token == "*" ? Array(members.keys) : (members[token] == nil ? [] : [token])
            for key in keys {
                if rest.isEmpty { members[key] = nil } else if let child = members[key] {
                    members[key] = remove(rest, from: child)
                }
            }
            return .object(members)
        case .array(var items):
            let indices = token == "*" ? Array(items.indices) : (Int(token).map { [$0] } ?? [])
            for index in indices.reversed() where items.indices.contains(index) {
                if rest.isEmpty { items.remove(at: index) } else { items[index] = remove(rest, from: items[index]) }
            }
            return .array(items)
        default:
            return value
        }
    }
}
