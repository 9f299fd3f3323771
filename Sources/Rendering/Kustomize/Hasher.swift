import FerryCore
import Foundation

/// kustomize's content hash for generated ConfigMaps and Secrets (api/hasher): the JSON encoding of
/// kind, (empty) name and data (Go `encoding/json` style: sorted keys, HTML-safe escapes), SHA-256, then the
/// first ten hex digits with 0,1,3,a,e replaced so the suffix cannot look like a number or a word.
enum KustomizeHasher {
    static func hash(_ object: Value) -> String {
        let kind = object["kind"]?.stringValue ?? ""
        var fields: [(String, String)] = [
            ("kind", GoJSON.string(kind)),
            // kustomize looks the name up as a single key "metadata/name", which never exists, so the
            // hashed name is always empty: the suffix depends on the data only.
            ("name", member(object["metadata/name"])),
            ("data", member(object["data"])),
        ]
        if kind == "ConfigMap" {
            if case .object = object["binaryData"] { fields.append(("binaryData", member(object["binaryData"]))) }
        } else if kind == "Secret" {
            fields.append(("type", object["type"].map(scalarText).map(GoJSON.string) ?? GoJSON.string("")))
            if case .object = object["stringData"] { fields.append(("stringData", member(object["stringData"]))) }
        } else {
            return encode(SHA256.hex(Array(GoJSON.encode(object).utf8)))
        }
        let body = fields.sorted { $0.0 < $1.0 }.map { "\(GoJSON.string($0.0)):\($0.1)" }.joined(separator: ",")
        return encode(SHA256.hex(Array("{\(body)}".utf8)))
    }

    /// A field as kustomize's getNodeValues sees it: missing → "", scalar → its text, map → the map.
    private static func member(_ value: Value?) -> String {
        guard let value, !value.isNull else { return GoJSON.string("") }
        switch value {
        case .object, .array: return GoJSON.encode(value)
        default: return GoJSON.string(scalarText(value))
        }
    }

    private static func scalarText(_ value: Value) -> String {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .double(let d): return YAML.formatFloat(d)
        default: return ""
        }
    }

    static func encode(_ hex: String) -> String {
        String(hex.prefix(10).map { c -> Character in
            switch c {
            case "0": return "g"
            case "1": return "h"
            case "3": return "k"
            case "a": return "m"
            case "e": return "t"
            default: return c
            }
        })
    }
}

/// JSON text exactly as Go's `encoding/json` writes it for maps of strings.
enum GoJSON {
    static func encode(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return YAML.formatFloat(d)
        case .string(let s): return string(s)
        case .array(let items): return "[" + items.map(encode).joined(separator: ",") + "]"
        case .object(let members):
            let body = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
                .map { string($0) + ":" + encode(members[$0] ?? .null) }
            return "{" + body.joined(separator: ",") + "}"
        }
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 { out += unicodeEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func unicodeEscape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
