import FerryCore
import Foundation
import OrderedCollections

/// TOML as Helm reads and writes it (BurntSushi/toml): tables sorted by key with plain keys first and
/// sub-tables indented two spaces per level; arrays of tables as `[[name]]`; floats always with a decimal point.
/// The parser reads the common subset: comments, `[table]`, `[[array]]`, dotted and quoted keys, basic and
/// literal strings (one line or `"""`), integers, floats, booleans, arrays and inline tables. Dates stay strings.
enum TOML {
    typealias Table = OrderedDictionary<String, Value>

    // MARK: encoding

    static func encode(_ value: Value) throws -> String {
        guard case .object(let root) = value else {
            throw FunctionError("toml: top-level values must be Go maps or structs")
        }
        var out = ""
        try writeTable(root, path: [], into: &out)
        return out
    }

    static func sortedKeys(_ t: Table) -> [String] {
        t.keys.sortedByBytes()
    }

    static func isTableArray(_ v: Value) -> Bool {
        guard case .array(let a) = v, !a.isEmpty else { return false }
        return a.allSatisfy { if case .object = $0 { return true }; return false }
    }

    static func writeTable(_ t: Table, path: [String], into out: inout String) throws {
        let indent = String(repeating: "  ", count: max(0, path.count))
        let keys = sortedKeys(t)
        for key in keys {
            guard let v = t[key], !v.isNull else { continue }
            if case .object = v { continue }
            if isTableArray(v) { continue }
            out += indent + quoteKey(key) + " = " + (try inline(v)) + "\n"
        }
        for key in keys {
            guard let v = t[key] else { continue }
            let sub = path + [key]
            let headerIndent = String(repeating: "  ", count: path.count)
            if case .object(let child) = v {
                if !out.isEmpty { out += "\n" }
                out += headerIndent + "[" + sub.map(quoteKey).joined(separator: ".") + "]\n"
                try writeTable(child, path: sub, into: &out)
            } else if isTableArray(v), case .array(let items) = v {
                for item in items {
                    guard case .object(let child) = item else { continue }
                    if !out.isEmpty { out += "\n" }
                    out += headerIndent + "[[" + sub.map(quoteKey).joined(separator: ".") + "]]\n"
                    try writeTable(child, path: sub, into: &out)
                }
            }
        }
    }

    static func quoteKey(_ k: String) -> String {
        let bare = !k.isEmpty && k.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-") }
        return bare ? k : quote(k)
    }

    static func quote(_ s: String) -> String {
        DoubleQuoted.quote(s, .toml)
    }

    static func inline(_ v: Value) throws -> String {
        switch v {
        case .null: throw FunctionError("toml: cannot encode a nil value")
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d):
            if d.isNaN { return "nan" }
            if d.isInfinite { return d > 0 ? "inf" : "-inf" }
            let text = GoFormat.float(d, verb: "f", precision: nil)
            return text.contains(".") ? text : text + ".0"
        case .string(let s): return quote(s)
        case .array(let a): return "[" + (try a.map(inline)).joined(separator: ", ") + "]"
        case .object(let o):
            return "{" + (try sortedKeys(o).map { quoteKey($0) + " = " + (try inline(o[$0] ?? .null)) }).joined(separator: ", ") + "}"
        }
    }
}
