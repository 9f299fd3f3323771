import FerryCore
import OrderedCollections

/// Helm's value handling: Go typing of numbers, coalescing user values over chart defaults (a `null`
/// deletes a key), globals copied into subcharts, and merging of several values sources.
public enum HelmValues {
    /// Numbers as Helm decodes YAML/JSON values files: every number becomes a float64.
    public static func goTyped(_ value: Value) -> Value {
        switch value {
        case .int(let i): return .double(Double(i))
        case .array(let items): return .array(items.map(goTyped))
        case .object(let members): return .object(members.mapValues(goTyped))
        default: return value
        }
    }

    /// Merges `override` into `base` as Helm merges values files and `--set` flags: maps merge recursively,
    /// everything else (including `null`) replaces.
    public static func merge(_ base: Value, _ override: Value) -> Value {
        guard case .object(var out) = base, case .object(let top) = override else { return override }
        for (key, value) in top {
            if case .object = value, case .object = out[key] ?? .null {
                out[key] = merge(out[key] ?? .emptyObject, value)
            } else {
                out[key] = value
            }
        }
        return .object(out)
    }

    /// Coalesces `user` over a chart's defaults (and its subcharts'), as `helm template` computes `.Values`.
    static func coalesce(chart: Chart, user: Value, merge: Bool = false) -> Value {
        var dest = user.objectValue ?? [:]
        coalesceValues(chart.values.objectValue ?? [:], into: &dest, merge: merge, subcharts: Set(chart.dependencies.map(\.name)))
        coalesceDependencies(chart, into: &dest, merge: merge)
        return .object(dest)
    }

    /// Helm v4.2's `coalesceValues`: a user `null` deletes the key; chart-default `null`s never reach the
    /// result (unless merging); a user table merges over a default table (as a merge for subchart keys).
    static func coalesceValues(_ defaults: OrderedDictionary<String, Value>, into dest: inout OrderedDictionary<String, Value>,
                               merge: Bool, subcharts: Set<String> = []) {
        for (key, value) in defaults {
            if let existing = dest[key] {
                if existing.isNull && !merge {
                    dest[key] = nil
                } else if case .object(var table) = existing, case .object(var source) = value {
                    let mergeTable = merge || subcharts.contains(key)
                    if !mergeTable { source = withoutNulls(source) }
                    coalesceTables(&table, source, merge: mergeTable)
                    dest[key] = .object(table)
                }
            } else if merge {
                dest[key] = value
            } else if !value.isNull {
                dest[key] = value.objectValue.map { .object(withoutNulls($0)) } ?? value
            }
        }
    }

    /// Removes `null` members at every depth of a table.
    static func withoutNulls(_ table: OrderedDictionary<String, Value>) -> OrderedDictionary<String, Value> {
        var out = OrderedDictionary<String, Value>()
        for (key, value) in table where !value.isNull {
            out[key] = value.objectValue.map { .object(withoutNulls($0)) } ?? value
        }
        return out
    }

    /// Helm's `coalesceTablesFullKey`: `dst` wins, `src` fills gaps. Unless merging, a `null` in `dst`
    /// deletes the key when `src` had a value for it, and stays `null` otherwise.
    static func coalesceTables(_ dst: inout OrderedDictionary<String, Value>, _ src: OrderedDictionary<String, Value>, merge: Bool) {
        var src = src
        let srcNonNull = Set(src.filter { !$0.value.isNull }.map(\.key))
        for (key, value) in dst where value.isNull { src[key] = .null }
        for (key, value) in src {
            let existing = dst[key]
            if let existing, existing.isNull, !merge, srcNonNull.contains(key) {
                dst[key] = nil
            } else if existing == nil {
                dst[key] = value
            } else if case .object(let srcTable) = value, case .object(var dstTable) = existing {
                coalesceTables(&dstTable, srcTable, merge: merge)
                dst[key] = .object(dstTable)
            }
        }
    }

    static func coalesceDependencies(_ chart: Chart, into dest: inout OrderedDictionary<String, Value>, merge: Bool) {
        for sub in chart.dependencies {
            var subValues = dest[sub.name]?.objectValue ?? [:]
            if let existing = dest[sub.name], !existing.isNull, existing.objectValue == nil { continue }
            coalesceGlobals(into: &subValues, from: dest)
            dest[sub.name] = coalesce(chart: sub, user: .object(subValues), merge: merge)
        }
    }

    /// Copies the parent's `global` into a subchart's values; the parent's globals win.
    static func coalesceGlobals(into dest: inout OrderedDictionary<String, Value>, from parent: OrderedDictionary<String, Value>) {
        var globals = dest["global"]?.objectValue ?? [:]
        if let existing = dest["global"], existing.objectValue == nil, !existing.isNull { return }
        for (key, value) in parent["global"]?.objectValue ?? [:] {
            if case .object(var copy) = value {
                if case .object(let existing) = globals[key] ?? .null {
                    coalesceTables(&copy, existing, merge: true)
                    globals[key] = .object(copy)
                } else if globals[key] == nil {
                    globals[key] = value
                }
            } else if case .object = globals[key] ?? .null {
                continue
            } else {
                globals[key] = value
            }
        }
        dest["global"] = .object(globals)
    }

    /// The value at a dotted path (`a.b.c`), or nil.
    static func value(at path: String, in root: Value) -> Value? {
        var current: Value? = root
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard case .object(let members)? = current else { return nil }
            current = members[String(part)]
        }
        return current
    }

    /// A value nested under a dotted path (`a.b` + v → `{a: {b: v}}`).
    static func nest(_ value: Value, under path: String) -> Value {
        path.split(separator: ".").reversed().reduce(value) { inner, key in .object([String(key): inner]) }
    }
}
