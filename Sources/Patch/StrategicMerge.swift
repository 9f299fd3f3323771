import FerryCore
import OrderedCollections

/// Strategic merge patch, as Kubernetes' apimachinery applies it (`strategicpatch.StrategicMergeMapPatch`):
///
/// - maps merge recursively and `null` deletes a member;
/// - lists whose field has patch strategy `merge` and a merge key merge item by item (new items come first,
///   in patch order, then the items only the original has); lists of scalars with strategy `merge` are unioned;
///   every other list replaces the original;
/// - directives: `$patch: replace|delete` on a map or a list item, `$patch: replace` inside a list,
///   `$setElementOrder/<field>`, `$retainKeys`, `$deleteFromPrimitiveList/<field>`.
///
/// With no schema (custom resources) the patch is applied as a JSON merge patch (RFC 7386), as the API
/// server does for unstructured objects. Fields the schema does not know merge like JSON merge patch too
/// (apimachinery would reject them when both sides hold a map or list; Ferry is lenient).
public enum StrategicMerge {
    /// Applies `patch` to `original`; `schema` is the type of the whole object (`PatchSchema.type(apiVersion:kind:)`).
    public static func apply(_ patch: Value, to original: Value, schema: PatchSchema.Node?) throws -> Value {
        guard case .object(let patchMembers) = patch else { throw PatchError.notAnObject("a strategic merge patch", patch) }
        guard let schema else { return MergePatch.apply(patch, to: original) }
        let base: OrderedDictionary<String, Value>
        switch original {
        case .object(let members): base = members
        case .null: base = [:]
        default: throw PatchError.notAnObject("the patched document", original)
        }
        var merger = Merger()
        return .object(try merger.mergeMap(base, patchMembers, schema, path: ""))
    }
}

/// The recursive merge, one call per map or list.
struct Merger {
    static let directive = "$patch"
    static let retainKeys = "$retainKeys"
    static let setElementOrder = "$setElementOrder/"
    static let deleteFromPrimitiveList = "$deleteFromPrimitiveList/"

    mutating func mergeMap(_ original: OrderedDictionary<String, Value>, _ patch: OrderedDictionary<String, Value>,
                           _ node: PatchSchema.Node?, path: String) throws -> OrderedDictionary<String, Value> {
        if let directive = patch[Self.directive] { return try mapDirective(directive, patch, path: path) }
        var original = original
        var patch = patch
        try applyRetainKeys(&original, &patch, path: path)
        try applySetElementOrder(&original, &patch, node, path: path)
        for (name, patchValue) in patch {
            var key = name
            var isDeleteList = false
            if name.hasPrefix(Self.deleteFromPrimitiveList) {
                key = String(name.dropFirst(Self.deleteFromPrimitiveList.count))
                guard !key.isEmpty else { throw PatchError.primitiveListFormat(path: path) }
                isDeleteList = true
            } else if name.hasPrefix("$deleteFromPrimitiveList") {
                throw PatchError.primitiveListFormat(path: path)
            }
            if patchValue.isNull { original[key] = nil; continue }
            guard let originalValue = original[key], Self.sameKind(originalValue, patchValue) else {
                // A new member (or one whose JSON type changes) takes the patch value without nulls or directives.
                if !isDeleteList { original[key] = Self.removingDirectives(Self.removingNulls(patchValue)) }
                continue
            }
            let field = node?.field(key)
            let fieldPath = path + "." + key
            switch (originalValue, patchValue) {
            case (.object(let o), .object(let p)):
                original[key] = field?.patchStrategy == "replace" ? patchValue : .object(try mergeMap(o, p, field?.type, path: fieldPath))
            case (.array(let o), .array(let p)):
                guard field?.patchStrategy == "merge" || isDeleteList else { original[key] = patchValue; continue }
                original[key] = .array(try mergeList(o, p, field, isDeleteList: isDeleteList, path: fieldPath))
            default:
                original[key] = patchValue
            }
        }
        return original
    }

    /// `$patch` inside a map: `replace` takes the patch as it is, `delete` empties the map.
    private func mapDirective(_ directive: Value, _ patch: OrderedDictionary<String, Value>,
                              path: String) throws -> OrderedDictionary<String, Value> {
        switch directive.stringValue {
        case "replace":
            var replaced = patch
            replaced[Self.directive] = nil
            return replaced
        case "delete":
            return [:]
        default:
            throw PatchError.badPatchType(directive, .object(patch), path: path)
        }
    }

    /// `$retainKeys: [a, b]`: members of the original not listed are cleared; every non-null member of the
    /// patch must be listed.
    private func applyRetainKeys(_ original: inout OrderedDictionary<String, Value>,
                                 _ patch: inout OrderedDictionary<String, Value>, path: String) throws {
        guard let directive = patch.removeValue(forKey: Self.retainKeys) else { return }
        guard let keys = directive.arrayValue else { throw PatchError.retainKeysFormat(path: path) }
        let retained = Set(keys)
        for (name, value) in patch where !value.isNull && !name.hasPrefix("$deleteFromPrimitiveList")
            && !name.hasPrefix("$setElementOrder") {
            if !retained.contains(.string(name)) { throw PatchError.retainKeysFormat(path: path) }
        }
        for name in original.keys where !retained.contains(.string(name)) { original[name] = nil }
    }

    /// `value` without `null` members, at any depth.
    static func removingNulls(_ value: Value) -> Value {
        switch value {
        case .object(let members): .object(members.filter { !$0.value.isNull }.mapValues(removingNulls))
        case .array(let items): .array(items.map(removingNulls))
        default: value
        }
    }

    /// `value` without maps that carry a `$patch` directive, at any depth; nil when `value` itself is one.
    static func removingDirectives(_ value: Value) -> Value? {
        switch value {
        case .object(let members):
            if members[directive] != nil { return nil }
            var kept = OrderedDictionary<String, Value>()
            for (name, member) in members { if let member = removingDirectives(member) { kept[name] = member } }
            return .object(kept)
        case .array(let items): return .array(items.compactMap(removingDirectives))
        default: return value
        }
    }

    /// True when Go's JSON decoding would give both values the same dynamic type.
    static func sameKind(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.object, .object), (.array, .array), (.string, .string), (.bool, .bool), (.null, .null): true
        case (.int, .int), (.int, .double), (.double, .int), (.double, .double): true
        default: false
        }
    }
}
