import FerryCore
import Patch

/// Strategic-merge patching as kustomize does it (kyaml's merge2 with "prepend" list merging), built on
/// `Patch.StrategicMerge`. Two things differ from apimachinery's strategic merge and are handled here:
/// `$patch: delete` at the top of a patch deletes the whole resource, and in lists that merge by key
/// the items the patch names come first, in patch order, followed by the items only the resource has.
enum PatchMerge {
    static let directive = "$patch"

    /// The patched object, or nil when the patch deletes it. `schemas` gives the object's schema (the
    /// built-in one, or the custom schema of an `openapi` field).
    static func apply(_ patch: Value, to object: Value, schemas: OpenAPISchemas) throws -> Value? {
        switch patch[directive]?.stringValue {
        case "delete":
            return nil
        case "replace":
            guard case .object(var members) = patch else { return patch }
            members[directive] = nil
            return .object(members)
        default:
            break
        }
        let schema = schemas.type(of: object)
        var original = object
        var prepared = resolveMapDirectives(patch, in: &original)
        if schema != nil { prepared = clearDeletedMaps(prepared) }
        let merged = try StrategicMerge.apply(prepared, to: original, schema: schema)
        guard let schema else { return merged }
        return reorder(merged, patch: patch, node: schema)
    }

    /// kyaml's reading of `$patch` in a nested map, for every kind (custom resources included): `delete`
    /// clears the field, `replace` sets it to the patch's map as it is. Returns the patch without them.
    static func resolveMapDirectives(_ patch: Value, in original: inout Value) -> Value {
        guard case .object(let members) = patch else { return patch }
        var out = members
        for (key, value) in members {
            guard case .object(var map) = value else { continue }
            switch map[directive]?.stringValue {
            case "delete":
                out[key] = .null
            case "replace":
                map[directive] = nil
                original[key] = .object(map)
                out[key] = nil
            default:
                guard case .object = original[key] else { continue }
                var child = original[key] ?? .null
                out[key] = resolveMapDirectives(value, in: &child)
                original[key] = child
            }
        }
        return .object(out)
    }

    /// Inside list items too, kyaml clears a member whose patch is `{$patch: delete}` (apimachinery would
    /// leave an empty map): such members become `null` in the patch. Item-level directives stay as they are.
    static func clearDeletedMaps(_ patch: Value) -> Value {
        switch patch {
        case .object(var members):
            for (key, value) in members {
                if case .object(let map) = value, map[directive]?.stringValue == "delete" {
                    members[key] = .null
                } else {
                    members[key] = clearDeletedMaps(value)
                }
            }
            return .object(members)
        case .array(let items):
            return .array(items.map(clearDeletedMaps))
        default:
            return patch
        }
    }

    /// Puts the items of every merged list that the patch names first, recursively along the patch.
    static func reorder(_ value: Value, patch: Value, node: PatchSchema.Node?) -> Value {
        guard case .object(var members) = value, case .object(let patchMembers) = patch else { return value }
        for (key, patchValue) in patchMembers {
            guard let current = members[key] else { continue }
            let field = node?.field(key)
            switch (current, patchValue) {
            case (.object, .object):
                members[key] = field?.patchStrategy == "replace" ? current : reorder(current, patch: patchValue, node: field?.type)
            case (.array(let items), .array(let patchItems)) where field?.patchStrategy == "merge":
                members[key] = .array(reorderList(items, patchItems, field: field))
            default:
                continue
            }
        }
        return .object(members)
    }

    static func reorderList(_ items: [Value], _ patchItems: [Value], field: PatchSchema.Field?) -> [Value] {
        if patchItems.contains(where: { $0[directive]?.stringValue == "replace" }) { return items }
        guard let mergeKey = field?.patchMergeKey else {
            let named = patchItems.filter { items.contains($0) }
            var seen: [Value] = []
            for item in named where !seen.contains(item) { seen.append(item) }
            return seen + items.filter { !seen.contains($0) }
        }
        var remaining = items
        var front: [Value] = []
        for patchItem in patchItems {
            guard let key = patchItem[mergeKey], patchItem[directive]?.stringValue != "delete",
                  let index = remaining.firstIndex(where: { $0[mergeKey] == key }) else { continue }
            front.append(reorder(remaining.remove(at: index), patch: patchItem, node: field?.type))
        }
        return front + remaining
    }
}
