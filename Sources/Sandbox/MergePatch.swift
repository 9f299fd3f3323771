import FerryCore

/// JSON merge patch (RFC 7386) and an approximation of strategic merge patch for built-in types.
enum MergePatch {
    /// RFC 7386: objects merge recursively, `null` deletes, everything else replaces.
    static func apply(_ patch: Value, to target: Value) -> Value {
        guard case .object(let members) = patch else { return patch }
        var result = target.objectValue ?? [:]
        for (name, value) in members {
            if value.isNull { result[name] = nil } else { result[name] = apply(value, to: result[name] ?? .null) }
        }
        return .object(result)
    }

    /// Strategic merge: like RFC 7386, but lists with merge keys merge item by item, honouring
    /// `$patch: delete|replace` and `$deleteFromPrimitiveList`; `$setElementOrder` and `$retainKeys` are ignored.
    static func applyStrategic(_ patch: Value, to target: Value) -> Value {
        guard case .object(let members) = patch else { return patch }
        if members["$patch"]?.stringValue == "replace" {
            var replaced = members
            replaced["$patch"] = nil
            return .object(replaced)
        }
        var result = target.objectValue ?? [:]
        for (name, value) in members {
            if name.hasPrefix("$setElementOrder/") || name == "$retainKeys" || name == "$patch" { continue }
            if name.hasPrefix("$deleteFromPrimitiveList/") {
                let field = String(name.dropFirst("$deleteFromPrimitiveList/".count))
                let doomed = value.arrayValue ?? []
                if let items = result[field]?.arrayValue { result[field] = .array(items.filter { !doomed.contains($0) }) }
                continue
            }
            if value.isNull { result[name] = nil; continue }
            if case .array(let items) = value, case .array(let existing)? = result[name] {
                result[name] = .array(mergeList(items, into: existing, field: name))
                continue
            }
            result[name] = applyStrategic(value, to: result[name] ?? .null)
        }
        return .object(result)
    }

    private static func mergeList(_ patch: [Value], into existing: [Value], field: String) -> [Value] {
        let keyed = patch.allSatisfy { MergeKeys.key(list: field, item: $0) != nil || $0["$patch"] != nil }
        guard keyed, MergeKeys.isAssociative(list: field, items: existing) || existing.isEmpty else { return patch }
        if patch.contains(where: { $0["$patch"]?.stringValue == "replace" }) {
            return patch.filter { $0["$patch"] == nil }
        }
        var result = existing
        for item in patch {
            let key = MergeKeys.key(list: field, item: item)
            let index = result.firstIndex { MergeKeys.key(list: field, item: $0) == key }
            if item["$patch"]?.stringValue == "delete" {
                if let index { result.remove(at: index) }
            } else if let index {
                result[index] = applyStrategic(item, to: result[index])
            } else {
                result.append(applyStrategic(item, to: .emptyObject))
            }
        }
        return result
    }
}
