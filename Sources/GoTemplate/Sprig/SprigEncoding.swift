import FerryCore
import Foundation

/// Encodings: base64/base32, JSON and YAML (Helm's versions of `toJson`, `fromJson`, `toYaml`, `fromYaml`…).
enum SprigEncoding {
    static let table: FunctionMap = {
        var t: FunctionMap = [
            "b64enc": SprigStrings.unary { Data($0.utf8).base64EncodedString() },
            "b64dec": SprigStrings.unary { s in
                guard let d = base64Decode(s) else { return "illegal base64 data at input byte \(base64ErrorOffset(s))" }
                return String(decoding: d, as: UTF8.self)
            },
            "b32enc": SprigStrings.unary { Base32.encode(Array($0.utf8)) },
            "b32dec": SprigStrings.unary { s in
                switch Base32.decode(s) {
                case .success(let bytes): return String(decoding: bytes, as: UTF8.self)
                case .failure(let offset): return "illegal base32 data at input byte \(offset.offset)"
                }
            },
        ]
        t.merge(json) { _, new in new }
        t.merge(yaml) { _, new in new }
        return t
    }()

    /// Go's `encoding/json.Marshal`: keys sorted, `<`, `>`, `&` escaped.
    static func toJSON(_ v: Value) -> String { JSON.encode(v, sortedKeys: true) }

    static let json: FunctionMap = [
        "toJson": { args in try Arg.count(args, 1); return .str(toJSON(args[0].data)) },
        "mustToJson": { args in try Arg.count(args, 1); return .str(toJSON(args[0].data)) },
        "toPrettyJson": { args in try Arg.count(args, 1); return .str(JSON.encodePretty(args[0].data, sortedKeys: true)) },
        "mustToPrettyJson": { args in try Arg.count(args, 1); return .str(JSON.encodePretty(args[0].data, sortedKeys: true)) },
        "toRawJson": { args in try Arg.count(args, 1); return .str(unescapeHTML(toJSON(args[0].data))) },
        "mustToRawJson": { args in try Arg.count(args, 1); return .str(unescapeHTML(toJSON(args[0].data))) },
        "fromJson": { args in
            try Arg.count(args, 1)
            let text = try Arg.string(args[0])
            do {
                let v = goNumbers(try JSON.parse(text))
                guard case .object = v else {
                    return .map(["Error": .string("json: cannot unmarshal \(jsonKind(v)) into Go value of type map[string]interface {}")])
                }
                return .value(v)
            } catch { return .map(["Error": .string("\(error)")]) }
        },
        "fromJsonArray": { args in
            try Arg.count(args, 1)
            let text = try Arg.string(args[0])
            do {
                let v = goNumbers(try JSON.parse(text))
                guard case .array = v else {
                    return .list([.string("json: cannot unmarshal \(jsonKind(v)) into Go value of type []interface {}")])
                }
                return .value(v)
            } catch { return .list([.string("\(error)")]) }
        },
        "mustFromJson": { args in
            try Arg.count(args, 1)
            do { return .value(goNumbers(try JSON.parse(try Arg.string(args[0])))) } catch let e as FunctionError { throw e } catch {
                throw FunctionError("\(error)")
            }
        },
    ]

    static func jsonKind(_ v: Value) -> String {
        switch v {
        case .array: "array"
        case .object: "object"
        case .string: "string"
        case .bool: "bool"
        case .null: "null"
        default: "number"
        }
    }

    static let yaml: FunctionMap = [
        "toYaml": { args in try Arg.count(args, 1); return .str((try? checkedYAML(args[0].data)) ?? "") },
        "mustToYaml": { args in try Arg.count(args, 1); return .str(try checkedYAML(args[0].data)) },
        "fromYaml": { args in
            try Arg.count(args, 1)
            do {
                let v = goNumbers(try YAML.parse(try Arg.string(args[0]), file: "fromYaml", dialect: .yaml11))
                switch v {
                case .object: return .value(v)
                case .null: return .map([:])
                default:
                    return .map(["Error": .string("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(v)) into Go value of type map[string]interface {}")])
                }
            } catch { return .map(["Error": .string("error converting YAML to JSON: \(error)")]) }
        },
        "fromYamlArray": { args in
            try Arg.count(args, 1)
            do {
                let v = goNumbers(try YAML.parse(try Arg.string(args[0]), file: "fromYamlArray", dialect: .yaml11))
                switch v {
                case .array: return .value(v)
                case .null: return .list([])
                default:
                    return .list([.string("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(v)) into Go value of type []interface {}")])
                }
            } catch { return .list([.string("error converting YAML to JSON: \(error)")]) }
        },
    ]

    /// `toYAML`, or the error sigs.k8s.io/yaml's JSON round trip meets: JSON leaves DEL, the C1 controls but
    /// NEL, and U+FFFE/U+FFFF unescaped, and the YAML reader rejects them (`toYaml` then writes "").
    static func checkedYAML(_ v: Value) throws -> String {
        if containsString(v, where: { s in
            // Only text with a byte from 0x7F up can hold one of these; most text is plain ASCII.
            UTF8Bytes.any(s) { $0 >= 0x7F } && s.unicodeScalars.contains {
                (0x7F...0x9F).contains($0.value) && $0.value != 0x85 || $0.value >= 0xFFFE && $0.value <= 0xFFFF
            }
        }) { throw FunctionError("yaml: control characters are not allowed") }
        return toYAML(v)
    }

    private static func containsString(_ v: Value, where test: (String) -> Bool) -> Bool {
        switch v {
        case .string(let s): return test(s)
        case .array(let a): return a.contains { containsString($0, where: test) }
        case .object(let o): return o.contains { test($0.key) || containsString($0.value, where: test) }
        default: return false
        }
    }

    /// Helm's `toYaml` (sigs.k8s.io/yaml): keys sorted, whole floats written as integers, final newline trimmed.
    static func toYAML(_ v: Value) -> String {
        YAML.encode(yamlReady(v), style: .goYAMLv2, finalNewline: false)
    }

    /// What sigs.k8s.io/yaml's JSON round trip does to a value before writing it.
    static func yamlReady(_ v: Value) -> Value {
        switch v {
        case .double(let d) where d.rounded() == d && abs(d) < 9.2e18: return .int(Int64(d))
        case .array(let a): return .array(a.map(yamlReady))
        case .object(let o): return .object(o.mapValues(yamlReady))
        default: return v
        }
    }

    /// Numbers decoded by Go's `encoding/json` into `interface{}` are float64.
    static func goNumbers(_ v: Value) -> Value {
        switch v {
        case .int(let i): return .double(Double(i))
        case .array(let a): return .array(a.map(goNumbers))
        case .object(let o): return .object(o.mapValues(goNumbers))
        default: return v
        }
    }

    /// Undoes `encoding/json`'s HTML escapes (`toRawJson`), leaving other escapes alone.
    static func unescapeHTML(_ s: String) -> String {
        var out = "", chars = Array(s)[...]
        while let c = chars.popFirst() {
            guard c == "\\", let next = chars.first else { out.append(c); continue }
            let code = String(chars.dropFirst().prefix(4))
            if next == "u", let scalar = ["003c": "<", "003e": ">", "0026": "&"][code] {
                out += scalar
                chars = chars.dropFirst(5)
            } else {
                out.append(c)
                out.append(next)
                chars = chars.dropFirst()
            }
        }
        return out
    }

    /// Go's strict standard base64 (padding required).
    static func base64Decode(_ s: String) -> Data? {
        guard s.utf8.count % 4 == 0 else { return nil }
        return Data(base64Encoded: s)
    }

    /// Where Go's decoder would report the first bad byte (an approximation for messages).
    static func base64ErrorOffset(_ s: String) -> Int {
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let bytes = Array(s.utf8)
        if let bad = bytes.firstIndex(where: { !alphabet.contains($0) && $0 != UInt8(ascii: "=") }) { return bad }
        if let pad = bytes.firstIndex(of: UInt8(ascii: "=")), pad < bytes.count - 2 || pad % 4 < 2 { return pad }
        return bytes.count - bytes.count % 4
    }
}

/// RFC 4648 base32 with padding, as Go's `base32.StdEncoding`.
enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    struct BadByte: Error { var offset: Int }

    static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        for start in stride(from: 0, to: bytes.count, by: 5) {
            let chunk = Array(bytes[start..<min(start + 5, bytes.count)])
            var bits = UInt64(0)
            for (i, b) in chunk.enumerated() { bits |= UInt64(b) << (32 - 8 * i) }
            let chars = [2, 4, 5, 7, 8][chunk.count - 1]
            for i in 0..<8 { out.append(i < chars ? alphabet[Int((bits >> (35 - 5 * i)) & 31)] : UInt8(ascii: "=")) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ s: String) -> Result<[UInt8], BadByte> {
        let bytes = Array(s.utf8)
        guard bytes.count % 8 == 0 else { return .failure(BadByte(offset: bytes.count - bytes.count % 8)) }
        var out = [UInt8]()
        for start in stride(from: 0, to: bytes.count, by: 8) {
            var bits = UInt64(0), chars = 0
            for i in 0..<8 {
                let b = bytes[start + i]
                if b == UInt8(ascii: "=") { break }
                guard let v = alphabet.firstIndex(of: b) else { return .failure(BadByte(offset: start + i)) }
                bits |= UInt64(v) << (35 - 5 * i)
                chars += 1
            }
            guard let count = [0: 0, 2: 1, 4: 2, 5: 3, 7: 4, 8: 5][chars] else { return .failure(BadByte(offset: start + chars)) }
            for i in 0..<count { out.append(UInt8((bits >> (32 - 8 * i)) & 0xFF)) }
            if chars < 8, start + 8 < bytes.count { return .failure(BadByte(offset: start + 8)) }
        }
        return .success(out)
    }
}
