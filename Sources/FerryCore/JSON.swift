import Foundation
import OrderedCollections

/// JSON encoding and decoding for `Value`, keeping object key order.
public enum JSON {
    /// Parses UTF-8 JSON text. Errors name the byte offset.
    public static func parse(_ data: Data) throws -> Value {
        var parser = JSONParser(bytes: [UInt8](data))
        return try parser.parseDocument()
    }

    /// Parses a JSON string.
    public static func parse(_ text: String) throws -> Value { try parse(Data(text.utf8)) }

    /// Serializes compactly (no whitespace), keys in stored order — or, with `sortedKeys`, in byte order as Go's
    /// `encoding/json` writes maps (what content hashes such as kustomize's are computed over).
    public static func encode(_ value: Value, sortedKeys: Bool) -> String {
        var out = ""
        write(value, into: &out, indent: nil, level: 0, sortedKeys: sortedKeys)
        return out
    }

    /// Serializes compactly, keys in stored order.
    public static func encode(_ value: Value) -> String { encode(value, sortedKeys: false) }

    /// A JSON string literal, escaped as Go's `encoding/json` does.
    public static func quote(_ s: String) -> String {
        var out = ""
        writeString(s, into: &out)
        return out
    }

    /// Serializes with two-space indentation; keys in stored order or, with `sortedKeys`, in byte order.
    public static func encodePretty(_ value: Value, sortedKeys: Bool = false) -> String {
        var out = ""
        write(value, into: &out, indent: "  ", level: 0, sortedKeys: sortedKeys)
        return out
    }

    /// Writes `value`; with `sortedKeys`, each object's keys in byte order (without building a sorted copy).
    static func write(_ value: Value, into out: inout String, indent: String?, level: Int, sortedKeys: Bool = false) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += formatDouble(d)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, level + 1)
                write(item, into: &out, indent: indent, level: level + 1, sortedKeys: sortedKeys)
            }
            newline(&out, indent, level)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            func member(_ i: Int, _ key: String, _ item: Value) {
                if i > 0 { out += "," }
                newline(&out, indent, level + 1)
                writeString(key, into: &out)
                out += indent == nil ? ":" : ": "
                write(item, into: &out, indent: indent, level: level + 1, sortedKeys: sortedKeys)
            }
            if sortedKeys {
                for (i, key) in members.keys.sortedByBytes().enumerated() { member(i, key, members[key] ?? .null) }
            } else {
                for (i, (key, item)) in members.enumerated() { member(i, key, item) }
            }
            newline(&out, indent, level)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: indent, count: level)
    }

    /// Formats a double as Go's encoding/json does for float64: shortest round-trip digits, plain for
    /// magnitudes in [1e-6, 1e21) (`0.00001`, `10000000000000000`), else `1e-7`/`1e+21` (see `YAML.formatGoJSONFloat`).
    public static func formatDouble(_ d: Double) -> String {
        if d.isNaN || d.isInfinite { return "null" }
        if d.rounded() == d && abs(d) < 1e15 { return String(Int64(d)) }
        return YAML.formatGoJSONFloat(d)
    }

    static func writeString(_ s: String, into out: inout String) {
        // Runs of bytes that need no escape are copied whole; the rest goes scalar by scalar below.
        let bytes = s.utf8
        var runStart = bytes.startIndex, index = runStart
        out += "\""
        while index < bytes.endIndex {
            let byte = bytes[index]
            let plain = byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x3C && byte != 0x3E && byte != 0x26
            // 0xE2 starts U+2028 and U+2029, which are escaped; other non-ASCII bytes are copied.
            if plain && byte != 0xE2 { index = bytes.index(after: index); continue }
            out.append(contentsOf: s[runStart..<index])
            let scalarEnd = s.unicodeScalars.index(after: index)
            escape(s.unicodeScalars[index], into: &out)
            index = scalarEnd
            runStart = scalarEnd
        }
        out.append(contentsOf: s[runStart..<index])
        out += "\""
    }

    /// One scalar as Go's `encoding/json` writes it inside a string.
    private static func escape(_ scalar: Unicode.Scalar, into out: inout String) {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "<": out += "\\u003c"
        case ">": out += "\\u003e"
        case "&": out += "\\u0026"
        case "\u{2028}": out += "\\u2028"
        case "\u{2029}": out += "\\u2029"
        default:
            if scalar.value < 0x20 {
                out += String(format: "\\u%04x", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
}

/// A JSON syntax error with the byte offset where it was found.
public struct JSONError: Error, CustomStringConvertible, Sendable {
    public var offset: Int
    public var message: String
    public var description: String { "invalid JSON at byte \(offset): \(message)" }
}

struct JSONParser {
    let bytes: [UInt8]
    var pos = 0
    var depth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseDocument() throws -> Value {
        let value = try parseValue()
        skipWhitespace()
        if pos != bytes.count { throw fail("unexpected trailing characters") }
        return value
    }

    func fail(_ message: String) -> JSONError { JSONError(offset: pos, message: message) }

    mutating func skipWhitespace() {
        while pos < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[pos]) { pos += 1 }
    }

    mutating func parseValue() throws -> Value {
        skipWhitespace()
        guard pos < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        default: return try parseNumber()
        }
    }

    mutating func expect(_ word: String) throws {
        let w = Array(word.utf8)
        guard pos + w.count <= bytes.count, Array(bytes[pos..<pos + w.count]) == w else {
            throw fail("invalid literal")
        }
        pos += w.count
    }

    mutating func enter() throws {
        depth += 1
        if depth > 512 { throw fail("nesting too deep") }
    }

    mutating func parseObject() throws -> Value {
        try enter(); defer { depth -= 1 }
        pos += 1
        var members = OrderedDictionary<String, Value>()
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected object key") }
            let key = try parseString()
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            pos += 1
            members[key] = try parseValue()
            skipWhitespace()
            guard pos < bytes.count else { throw fail("unexpected end of input") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members) }
            throw fail("expected ',' or '}'")
        }
    }

    mutating func parseArray() throws -> Value {
        try enter(); defer { depth -= 1 }
        pos += 1
        var items: [Value] = []
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
        while true {
            items.append(try parseValue())
            skipWhitespace()
            guard pos < bytes.count else { throw fail("unexpected end of input") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
            throw fail("expected ',' or ']'")
        }
    }

    mutating func parseString() throws -> String {
        pos += 1
        var buffer: [UInt8] = []
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") { pos += 1; return String(decoding: buffer, as: UTF8.self) }
            if b == UInt8(ascii: "\\") {
                pos += 1
                guard pos < bytes.count else { break }
                let e = bytes[pos]
                pos += 1
                switch e {
                case UInt8(ascii: "\""): buffer.append(0x22)
                case UInt8(ascii: "\\"): buffer.append(0x5C)
                case UInt8(ascii: "/"): buffer.append(0x2F)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try parseHex4()
                    if (0xD800..<0xDC00).contains(code), pos + 1 < bytes.count,
                       bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") {
                        pos += 2
                        let low = try parseHex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    buffer.append(contentsOf: Array(String(scalar).utf8))
                default: throw fail("invalid escape")
                }
                continue
            }
            buffer.append(b)
            pos += 1
        }
        throw fail("unterminated string")
    }

    mutating func parseHex4() throws -> UInt32 {
        guard pos + 4 <= bytes.count,
              let v = UInt32(String(decoding: bytes[pos..<pos + 4], as: UTF8.self), radix: 16) else {
            throw fail("invalid \\u escape")
        }
        pos += 4
        return v
    }

    mutating func parseNumber() throws -> Value {
        let start = pos
        var isFloat = false
        while pos < bytes.count {
            let b = bytes[pos]
            if (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") { pos += 1; continue }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { isFloat = true; pos += 1; continue }
            break
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        if text.isEmpty { throw fail("unexpected character") }
        if !isFloat, let i = Int64(text) { return .int(i) }
        guard let d = Double(text) else { throw JSONError(offset: start, message: "invalid number '\(text)'") }
        return .double(d)
    }
}
