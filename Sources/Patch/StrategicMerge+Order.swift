import FerryCore

/// Element ordering and comparison, following apimachinery's rules so results match `kubectl patch`.
extension Merger {
    /// Whether the lists hold maps or scalars; all items must have one JSON type, and lists of lists are refused.
    static func elementKind(_ lists: [Value]..., path: String) throws -> ElementKind {
        var first: Value?
        for item in lists.joined() {
            if case .array = item { throw PatchError("lists of lists are not supported (at \(path))", path: path) }
            guard let previous = first else { first = item; continue }
            guard sameKind(previous, item) else {
                throw PatchError("list element types are not identical at \(path): \(JSON.encode(.array(Array(lists.joined()))))",
                                 path: path)
            }
        }
        guard let first else { throw PatchError("no elements in any of the given slices (at \(path))", path: path) }
        if case .object = first { return .map }
        return .scalar
    }

    /// Go's `==` on decoded JSON scalars: numbers compare by value.
    static func scalarEqual(_ a: Value, _ b: Value) -> Bool { a.semanticallyEquals(b) }

    /// True when `item` is a map whose `key` member equals `value`.
    static func item(_ item: Value, hasKey key: String, equalTo value: Value, path: String) throws -> Bool {
        guard case .object(let members) = item else { throw PatchError.badArgType(expected: "map", item, path: path) }
        return members[key].map { scalarEqual($0, value) } ?? false
    }

    static func keysEqual(_ a: Value, _ b: Value, mergeKey: String?, path: String) throws -> Bool {
        guard let mergeKey else { return scalarEqual(a, b) }
        guard case .object(let left) = a, case .object(let right) = b else {
            throw PatchError.badArgType(expected: "map", a.objectValue == nil ? a : b, path: path)
        }
        guard let l = left[mergeKey] else { throw PatchError.noMergeKey(a, mergeKey, path: path) }
        guard let r = right[mergeKey] else { throw PatchError.noMergeKey(b, mergeKey, path: path) }
        return scalarEqual(l, r)
    }

    static func deduplicate(_ items: [Value]) -> [Value] {
        var result: [Value] = []
        for item in items where !result.contains(where: { scalarEqual($0, item) }) { result.append(item) }
        return result
    }

    /// Splits `items` into those present in `list` (by merge key for maps) and the rest, keeping order.
    static func partition(_ items: [Value], by list: [Value], mergeKey: String?,
                          path: String) throws -> (present: [Value], absent: [Value]) {
        var present: [Value] = [], absent: [Value] = []
        for item in items {
            let found: Bool
            if let mergeKey {
                guard case .object(let members) = item else { throw PatchError.badArgType(expected: "map", item, path: path) }
                guard let value = members[mergeKey] else { throw PatchError.noMergeKey(item, mergeKey, path: path) }
                found = try list.contains { try Self.item($0, hasKey: mergeKey, equalTo: value, path: path) }
            } else {
                found = list.contains { scalarEqual($0, item) }
            }
            if found { present.append(item) } else { absent.append(item) }
        }
        return (present, absent)
    }

    /// Orders patch items by `patchOrder` and server-only items by `serverOrder`, then interleaves them:
    /// a server-only item goes first only when both are in the original and it came earlier there.
    static func normalizeOrder(_ patchItems: [Value], _ serverOnly: [Value], patchOrder: [Value], serverOrder: [Value],
                               mergeKey: String?, path: String) throws -> [Value] {
        let right = try sortSlice(patchItems, by: patchOrder, mergeKey: mergeKey, path: path)
        let left = try sortSlice(serverOnly, by: serverOrder, mergeKey: mergeKey, path: path)
        var result: [Value] = []
        result.reserveCapacity(left.count + right.count)
        var i = 0, j = 0
        while i < left.count || j < right.count {
            if i >= left.count { result.append(right[j]); j += 1; continue }
            if j >= right.count { result.append(left[i]); i += 1; continue }
            let li = index(of: left[i], in: serverOrder, mergeKey: mergeKey)
            let ri = index(of: right[j], in: serverOrder, mergeKey: mergeKey)
            if let li, let ri, li < ri { result.append(left[i]); i += 1 } else { result.append(right[j]); j += 1 }
        }
        return result
    }

    /// Sorts `items` by their position in `order` (items marked `$patch: delete` go last), with the same
    /// insertion sort and comparison apimachinery uses, so unmatched items land where kubectl puts them.
    static func sortSlice(_ items: [Value], by order: [Value], mergeKey: String?, path: String) throws -> [Value] {
        var items = items
        var deleted: [Value] = []
        if let mergeKey {
            for item in items + order {
                guard case .object(let members) = item else { throw PatchError.badArgType(expected: "map", item, path: path) }
                if members[mergeKey] == nil { throw PatchError.noMergeKey(item, mergeKey, path: path) }
            }
            deleted = items.filter { $0[directive]?.stringValue == "delete" }
            items = items.filter { $0[directive]?.stringValue != "delete" }
        }
        let positions = items.map { index(of: $0, in: order, mergeKey: mergeKey) }
        var indices = Array(items.indices)
        func less(_ a: Int, _ b: Int) -> Bool {
            guard let pa = positions[a], let pb = positions[b] else { return true }
            return pa < pb
        }
        if indices.count > 1 {
            for i in 1..<indices.count {
                var j = i
                while j > 0 && less(indices[j], indices[j - 1]) { indices.swapAt(j, j - 1); j -= 1 }
            }
        }
        return indices.map { items[$0] } + deleted
    }

    /// The position of `item` in `list`, matching maps by merge key and scalars by value.
    static func index(of item: Value, in list: [Value], mergeKey: String?) -> Int? {
        guard let mergeKey else { return list.firstIndex { scalarEqual($0, item) } }
        let key = item[mergeKey]
        return list.firstIndex { candidate in
            switch (candidate[mergeKey], key) {
            case (nil, nil): true
            case (let a?, let b?): scalarEqual(a, b)
            default: false
            }
        }
    }
}
