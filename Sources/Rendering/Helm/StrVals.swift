import FerryCore
import Foundation

/// Helm's `--set` family: `a.b=c,list[0]=x,arr={a,b}` with `\` escaping `,` `.` `=` `[`.
public enum StrVals {
    /// How the value after `=` is typed.
    public enum Mode: Sendable {
        /// `--set`: `true`/`false`, `null` and base-10 integers (no leading zero) are typed; the rest are strings.
        case typed
        /// `--set-string`: every value is a string.
        case string
        /// `--set-json`: every value is JSON.
        case json
        /// `--set-file`: every value is a path whose contents become the string value.
        case file(@Sendable (String) throws -> String)
        /// `--set-literal`: one key, the whole rest taken literally.
        case literal
    }

    /// Parses one flag's text and merges it into `into`.
    public static func parse(_ text: String, mode: Mode, into base: Value = .emptyObject) throws -> Value {
        var parser = StrValsParser(text: Array(text), mode: mode, flag: text)
        var root = base.objectValue.map(Value.object) ?? .emptyObject
        try parser.parse(into: &root)
        return root
    }

    /// Helm's `--set` typing of one scalar.
    static func typed(_ raw: String) -> Value {
        if raw.caseInsensitiveCompare("true") == .orderedSame { return .bool(true) }
        if raw.caseInsensitiveCompare("false") == .orderedSame { return .bool(false) }
        if raw.caseInsensitiveCompare("null") == .orderedSame { return .null }
        if raw == "0" { return .int(0) }
        if let first = raw.first, first != "0", first != "+", let i = Int64(raw) { return .int(i) }
        return .string(raw)
    }
}

/// Error in a `--set` expression, quoting it like Helm.
public struct StrValsError: Error, CustomStringConvertible, Sendable {
    /// Helm-like message.
    public var description: String
}

struct StrValsParser {
    let text: [Character]
    let mode: StrVals.Mode
    let flag: String
    var pos = 0
    static let maxIndex = 65536

    func failure(_ message: String) -> StrValsError { StrValsError(description: "failed parsing --set data \(flag): \(message)") }

    /// Reads until one of `stops` (unescaped); returns the text and the stop character (nil at the end).
    mutating func read(until stops: Set<Character>) -> (String, Character?) {
        var out = ""
        while pos < text.count {
            let c = text[pos]
            pos += 1
            if c == "\\", pos < text.count { out.append(text[pos]); pos += 1; continue }
            if stops.contains(c) { return (out, c) }
            out.append(c)
        }
        return (out, nil)
    }

    mutating func parse(into root: inout Value) throws {
        while pos < text.count {
            try parseKey(into: &root)
        }
    }

    mutating func value(_ raw: String) throws -> Value {
        switch mode {
        case .typed: return StrVals.typed(raw)
        case .string, .literal: return .string(raw)
        case .json:
            do { return try JSON.parse(raw) } catch { throw failure("invalid JSON value \(raw): \(error)") }
        case .file(let reader): return .string(try reader(raw))
        }
    }

    /// Reads a value after `=`: a `{a,b}` list, or a scalar up to `,`.
    mutating func readValue() throws -> Value {
        if case .literal = mode {
            let rest = String(text[pos...]); pos = text.count
            return .string(rest)
        }
        if case .json = mode { return try readJSONValue() }
        if pos < text.count, text[pos] == "{" {
            pos += 1
            var items: [Value] = []
            while true {
                let (raw, stop) = read(until: [",", "}"])
                if !(raw.isEmpty && stop == "}" && items.isEmpty) { items.append(try value(raw)) }
                if stop == "}" { break }
                if stop == nil { throw failure("list must terminate with '}'") }
            }
            if pos < text.count, text[pos] == "," { pos += 1 }
            return .array(items)
        }
        let (raw, _) = read(until: [","])
        return try value(raw)
    }

    /// JSON values may hold commas: take the longest prefix up to a top-level comma that parses.
    mutating func readJSONValue() throws -> Value {
        var end = pos
        var depth = 0, inString = false, escaped = false
        while end < text.count {
            let c = text[end]
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "\"" { inString = true } else if c == "[" || c == "{" { depth += 1 } else if c == "]" || c == "}" { depth -= 1 } else if c == ",", depth == 0 { break }
            end += 1
        }
        let raw = String(text[pos..<end])
        pos = min(end + 1, text.count)
        return try value(raw)
    }

    mutating func parseKey(into node: inout Value) throws {
        let (key, stop) = read(until: ["=", "[", ",", "."])
        switch stop {
        case "=":
            let v = try readValue()
            if v.isNull, case .typed = mode { node[key] = .null; return }
            node[key] = v
        case ".":
            if key.isEmpty { throw failure("key \"\" has no value") }
            var child = node[key].flatMap { $0.objectValue != nil ? $0 : nil } ?? .emptyObject
            try parseKey(into: &child)
            node[key] = child
        case "[":
            var list = node[key]?.arrayValue ?? []
            try parseIndex(into: &list)
            node[key] = .array(list)
        default:
            if key.isEmpty && stop == "," { return }
            throw failure("key \"\(key)\" has no value")
        }
    }

    mutating func parseIndex(into list: inout [Value]) throws {
        let (digits, stop) = read(until: ["]"])
        guard stop == "]", let index = Int(digits), index >= 0 else {
            throw failure("negative or invalid index \"\(digits)\"")
        }
        guard index <= Self.maxIndex else { throw failure("index of \(index) is greater than maximum supported index \(Self.maxIndex)") }
        while list.count <= index { list.append(.null) }
        guard pos < text.count else { throw failure("key \"[\(index)]\" has no value") }
        let next = text[pos]
        pos += 1
        switch next {
        case "=":
            list[index] = try readValue()
        case ".":
            var child = list[index].objectValue != nil ? list[index] : .emptyObject
            try parseKey(into: &child)
            list[index] = child
        case "[":
            var inner = list[index].arrayValue ?? []
            try parseIndex(into: &inner)
            list[index] = .array(inner)
        default:
            throw failure("unexpected data at end of array index: \(next)")
        }
    }
}
