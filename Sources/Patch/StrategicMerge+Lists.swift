import FerryCore
import OrderedCollections

/// What a list holds, as far as merging cares.
enum ElementKind { case map, scalar }

extension Merger {
    /// Merges a list whose field has patch strategy `merge`.
    mutating func mergeList(_ original: [Value], _ patch: [Value], _ field: PatchSchema.Field?,
                            isDeleteList: Bool, path: String) throws -> [Value] {
        if original.isEmpty && patch.isEmpty { return original }
        let kind = try Self.elementKind(original, patch, path: path)
        var original = original
        var patch = patch
        let merged: [Value]
        switch kind {
        case .scalar:
            if isDeleteList { return original.filter { item in !patch.contains { Self.scalarEqual($0, item) } } }
            merged = Self.deduplicate(original + patch)
        case .map:
            guard let mergeKey = field?.patchMergeKey else {
                throw PatchError("cannot merge lists without merge key for type struct at \(path)", path: path)
            }
            (original, patch) = try Self.applySpecialElements(original, patch, mergeKey: mergeKey, path: path)
            merged = try mergeItems(original, patch, mergeKey: mergeKey, node: field?.type, path: path)
        }
        let key = kind == .map ? field?.patchMergeKey : nil
        let (patchItems, serverOnly) = try Self.partition(merged, by: patch, mergeKey: key, path: path)
        return try Self.normalizeOrder(patchItems, serverOnly, patchOrder: patch, serverOrder: original,
                                       mergeKey: key, path: path)
    }

    /// Handles `$patch: delete` (removes matching items) and `$patch: replace` (the patch replaces the list)
    /// items; returns the new original and the patch without those items.
    static func applySpecialElements(_ original: [Value], _ patch: [Value], mergeKey: String,
                                     path: String) throws -> ([Value], [Value]) {
        var original = original
        var plain: [Value] = []
        var replace = false
        for item in patch {
            guard let directive = item[directive] else { plain.append(item); continue }
            switch directive.stringValue {
            case "delete":
                guard let value = item[mergeKey] else { throw PatchError.noMergeKey(item, mergeKey, path: path) }
                original = try original.filter { try !Self.item($0, hasKey: mergeKey, equalTo: value, path: path) }
            case "replace":
                replace = true
            case "merge":
                throw PatchError("merging lists cannot yet be specified in the patch (at \(path))", path: path)
            default:
                throw PatchError.badPatchType(directive, item, path: path)
            }
        }
        return replace ? (plain, []) : (original, plain)
    }

    /// Merges each patch item into the original item with the same merge key, or appends it.
    mutating func mergeItems(_ original: [Value], _ patch: [Value], mergeKey: String, node: PatchSchema.Node?,
                             path: String) throws -> [Value] {
        var result = original
        for item in patch {
            guard case .object(let members) = item, let value = members[mergeKey] else {
                throw PatchError.noMergeKey(item, mergeKey, path: path)
            }
            let itemPath = "\(path)[\(mergeKey)=\(JSON.encode(value))]"
            if let index = try result.firstIndex(where: { try Self.item($0, hasKey: mergeKey, equalTo: value, path: path) }),
               case .object(let existing) = result[index] {
                result[index] = .object(try mergeMap(existing, members, node, path: itemPath))
            } else {
                result.append(item)
            }
        }
        return result
    }

    /// `$setElementOrder/<field>`: merges the field's list (if the patch has one), then orders the result:
    /// the listed items in the directive's order, interleaved with items only the original has.
    mutating func applySetElementOrder(_ original: inout OrderedDictionary<String, Value>,
                                       _ patch: inout OrderedDictionary<String, Value>,
                                       _ node: PatchSchema.Node?, path: String) throws {
        for name in patch.keys where name.hasPrefix("$setElementOrder") {
            guard let directive = patch.removeValue(forKey: name) else { continue }
            guard let order = directive.arrayValue else { throw PatchError.badArgType(expected: "array", directive, path: path) }
            guard name.hasPrefix(Self.setElementOrder), case let key = String(name.dropFirst(Self.setElementOrder.count)),
                  !key.isEmpty else { throw PatchError.setElementOrderFormat(path: path) }
            let fieldPath = path + "." + key
            let originalList = try original[key].map { try Self.list($0, path: fieldPath) }
            let patchList = try patch[key].map { try Self.list($0, path: fieldPath) }
            let field = node?.field(key)
            let mergeKey = field?.patchMergeKey
            try Self.validate(patchList ?? [], against: order, mergeKey: mergeKey, path: fieldPath)
            let merged: [Value]
            switch (originalList, patchList) {
            case (let o?, nil): merged = o
            case (nil, let p?): merged = p.compactMap(Self.removingDirectives)
            case (let o?, let p?):
                merged = field?.patchStrategy == "merge" ? try mergeList(o, p, field, isDeleteList: false, path: fieldPath) : p
            case (nil, nil): continue
            }
            let (listed, serverOnly) = try Self.partition(merged, by: order, mergeKey: mergeKey, path: fieldPath)
            _ = try Self.elementKind(originalList ?? [], patchList ?? [], path: fieldPath)
            original[key] = .array(try Self.normalizeOrder(listed, serverOnly, patchOrder: order,
                                                           serverOrder: originalList ?? [], mergeKey: mergeKey, path: fieldPath))
            patch[key] = nil
        }
    }

    private static func list(_ value: Value, path: String) throws -> [Value] {
        guard let items = value.arrayValue else { throw PatchError.badArgType(expected: "array", value, path: path) }
        return items
    }

    /// Checks that the patch list's items appear in the `$setElementOrder` list, in the same relative order.
    static func validate(_ patch: [Value], against order: [Value], mergeKey: String?, path: String) throws {
        guard !patch.isEmpty, !order.isEmpty else { return }
        var items = patch
        if mergeKey != nil {
            for item in patch where item.objectValue == nil { throw PatchError.badArgType(expected: "map", item, path: path) }
            items = patch.filter { $0[directive]?.stringValue != "delete" }
        }
        var p = 0, o = 0
        while p < items.count && o < order.count {
            if items[p][directive] != nil { p += 1; continue }
            if try keysEqual(items[p], order[o], mergeKey: mergeKey, path: path) { p += 1 }
            o += 1
        }
        if p < items.count && o >= order.count {
            throw PatchError("the order in the patch list \(JSON.encode(.array(patch))) doesn't match the "
                             + "$setElementOrder list \(JSON.encode(.array(order))) at \(path)", path: path)
        }
    }
}
