import FerryCore
import Foundation

/// kustomize's content hash for generated ConfigMaps and Secrets (api/hasher): the JSON encoding of
/// kind, (empty) name and data (Go `encoding/json` style: sorted keys, HTML-safe escapes), SHA-256, then the
/// first ten hex digits with 0,1,3,a,e replaced so the suffix cannot look like a number or a word.
enum KustomizeHasher {
    static func hash(_ object: Value) -> String {
        let kind = object["kind"]?.stringValue ?? ""
        var fields: [(String, String)] = [
            ("kind", JSON.quote(kind)),
            // kustomize looks the name up as a single key "metadata/name", which never exists, so the
            // hashed name is always empty: the suffix depends on the data only.
            ("name", member(object["metadata/name"])),
            ("data", member(object["data"])),
        ]
        if kind == "ConfigMap" {
            if case .object = object["binaryData"] { fields.append(("binaryData", member(object["binaryData"]))) }
        } else if kind == "Secret" {
            fields.append(("type", object["type"].map(scalarText).map(JSON.quote) ?? JSON.quote("")))
            if case .object = object["stringData"] { fields.append(("stringData", member(object["stringData"]))) }
        } else {
            return encode(SHA256.hex(Array(JSON.encode(object, sortedKeys: true).utf8)))
        }
        let body = fields.sorted { $0.0 < $1.0 }.map { "\(JSON.quote($0.0)):\($0.1)" }.joined(separator: ",")
        return encode(SHA256.hex(Array("{\(body)}".utf8)))
    }

    /// A field as kustomize's getNodeValues sees it: missing → "", scalar → its text, map → the map.
    private static func member(_ value: Value?) -> String {
        guard let value, !value.isNull else { return JSON.quote("") }
        switch value {
        case .object, .array: return JSON.encode(value, sortedKeys: true)
        default: return JSON.quote(scalarText(value))
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
