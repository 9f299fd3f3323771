import FerryCore
import Foundation
import OrderedCollections

extension TOML {
    /// A syntax error with its line, worded like BurntSushi's.
    struct ParseError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "toml: line \(line): \(message)" }
    }

    /// Parses a TOML document into a map.
    static func parse(_ text: String) throws -> Table {
        var parser = Parser(chars: Array(text.unicodeScalars))
        return try parser.document()
    }

    struct Parser {
        let chars: [Unicode.Scalar]
        var i = 0
        var line = 1
        var root = Value.object([:])
        var current: [String] = []
        var depth = 0

        init(chars: [Unicode.Scalar]) { self.chars = chars }

        var peek: Unicode.Scalar? { i < chars.count ? chars[i] : nil }

        func fail(_ message: String) -> ParseError { ParseError(line: line, message: message) }

        mutating func advance() { if peek == "\n" { line += 1 }; i += 1 }

        mutating func skipSpace() { while let c = peek, c == " " || c == "\t" { advance() } }

        mutating func skipTrivia() {
            while let c = peek {
                if c == " " || c == "\t" || c == "\n" || c == "\r" { advance() } else if c == "#" {
                    while let d = peek, d != "\n" { advance() }
                } else { break }
            }
        }

        mutating func document() throws -> Table {
            skipTrivia()
            while peek != nil {
                if peek == "[" { try header() } else { try keyValue(into: current) }
                skipSpace()
                if peek == "#" { while let d = peek, d != "\n" { advance() } }
                guard peek == nil || peek == "\n" || peek == "\r" else { throw fail("expected a newline after a value") }
                skipTrivia()
            }
            return root.objectValue ?? [:]
        }

        mutating func header() throws {
            advance()
            let isArray = peek == "["
            if isArray { advance() }
            skipSpace()
            let path = try key()
            skipSpace()
            guard peek == "]" else { throw fail("expected ']' after table name") }
            advance()
            if isArray {
                guard peek == "]" else { throw fail("expected ']]' after array table name") }
                advance()
                var list = root[path: path]?.arrayValue ?? []
                list.append(.emptyObject)
                root[path: path] = .array(list)
                current = path
            } else {
                if root[path: path] == nil { root[path: path] = .emptyObject }
                current = path
            }
        }

        mutating func keyValue(into table: [String]) throws {
            let path = try key()
            skipSpace()
            guard peek == "=" else { throw fail(peek == nil ? "unexpected EOF; expected key separator '='" : "expected key separator '='") }
            advance()
            skipSpace()
            let v = try value()
            try assign(table + path, v)
        }

        mutating func assign(_ path: [String], _ v: Value) throws {
            root = try Parser.set(root, path[...], v, line: line)
        }

        /// Sets a value at a path; a path step through an array of tables goes into its last element.
        static func set(_ node: Value, _ path: ArraySlice<String>, _ v: Value, line: Int) throws -> Value {
            guard let first = path.first else { return v }
            switch node {
            case .object(var o):
                let child = o[first] ?? (path.count > 1 ? .emptyObject : .null)
                if path.count == 1, o[first] != nil { throw ParseError(line: line, message: "key \(GoQuote.quote(first)) has already been defined") }
                o[first] = try set(child, path.dropFirst(), v, line: line)
                return .object(o)
            case .array(var a) where !a.isEmpty:
                a[a.count - 1] = try set(a[a.count - 1], path, v, line: line)
                return .array(a)
            default:
                throw ParseError(line: line, message: "key \(GoQuote.quote(first)) is not a table")
            }
        }

        mutating func key() throws -> [String] {
            var parts: [String] = []
            while true {
                skipSpace()
                if peek == "\"" { parts.append(try basicString()) } else if peek == "'" { parts.append(literalString()) } else {
                    var s = ""
                    while let c = peek, c.isASCII, CharacterSet.alphanumerics.contains(c) || c == "_" || c == "-" { s.unicodeScalars.append(c); advance() }
                    guard !s.isEmpty else {
                        throw fail(peek == nil ? "unexpected EOF; expected key separator '='" : "expected a key")
                    }
                    parts.append(s)
                }
                skipSpace()
                guard peek == "." else { return parts }
                advance()
            }
        }

        mutating func value() throws -> Value {
            guard let c = peek else { throw fail("unexpected EOF; expected a value") }
            depth += 1
            defer { depth -= 1 }
            guard depth <= 128 else { throw fail("arrays and inline tables nest too deeply") }
            switch c {
            case "\"": return .string(try basicString())
            case "'": return .string(literalString())
            case "[":
                advance()
                var items: [Value] = []
                while true {
                    skipTrivia()
                    if peek == "]" { advance(); return .array(items) }
                    items.append(try value())
                    skipTrivia()
                    if peek == "," { advance() } else if peek != "]" { throw fail("expected ',' or ']' in an array") }
                }
            case "{":
                advance()
                var table = Value.emptyObject
                skipSpace()
                if peek == "}" { advance(); return table }
                while true {
                    skipSpace()
                    let path = try key()
                    skipSpace()
                    guard peek == "=" else { throw fail("expected '=' in an inline table") }
                    advance()
                    skipSpace()
                    table = try Parser.set(table, path[...], try value(), line: line)
                    skipSpace()
                    if peek == "," { advance(); continue }
                    guard peek == "}" else { throw fail("expected ',' or '}' in an inline table") }
                    advance()
                    return table
                }
            default: return try scalar()
            }
        }

        mutating func scalar() throws -> Value {
            var s = ""
            while let c = peek, !" \t\n\r,]}#".unicodeScalars.contains(c) { s.unicodeScalars.append(c); advance() }
            switch s {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "inf", "+inf": return .double(.infinity)
            case "-inf": return .double(-.infinity)
            case "nan", "+nan", "-nan": return .double(.nan)
            default: break
            }
            let clean = s.replacingOccurrences(of: "_", with: "")
            if let i = GoNumber.parseInt(clean.hasPrefix("0") && clean.count > 1 && !clean.hasPrefix("0x") && !clean.hasPrefix("0o") && !clean.hasPrefix("0b") ? "x" : clean, base: 0) {
                return .int(i)
            }
            if clean.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let d = Double(clean) { return .double(d) }
            if s.first?.isNumber == true, s.contains("-") || s.contains(":") { return .string(s) }
            throw fail("invalid value \(GoQuote.quote(s))")
        }

        mutating func literalString() -> String {
            advance()
            var s = ""
            while let c = peek, c != "'" { s.unicodeScalars.append(c); advance() }
            advance()
            return s
        }

        mutating func basicString() throws -> String {
            advance()
            let multi = i + 1 < chars.count && chars[i] == "\"" && chars[i + 1] == "\""
            if multi { advance(); advance(); if peek == "\n" { advance() } }
            var s = ""
            while true {
                guard let c = peek else { throw fail("unexpected EOF in a string") }
                if c == "\"" {
                    if !multi { advance(); return s }
                    if i + 2 < chars.count, chars[i + 1] == "\"", chars[i + 2] == "\"" { advance(); advance(); advance(); return s }
                }
                if c == "\n", !multi { throw fail("strings cannot contain newlines") }
                advance()
                guard c == "\\" else { s.unicodeScalars.append(c); continue }
                guard let e = peek else { throw fail("unexpected EOF in a string") }
                advance()
                switch e {
                case "n": s += "\n"
                case "t": s += "\t"
                case "r": s += "\r"
                case "\"": s += "\""
                case "\\": s += "\\"
                case "b": s += "\u{08}"
                case "f": s += "\u{0C}"
                case "u", "U":
                    let n = e == "u" ? 4 : 8
                    guard i + n <= chars.count, let code = UInt32(String(String.UnicodeScalarView(chars[i..<(i + n)])), radix: 16),
                          let scalar = Unicode.Scalar(code) else { throw fail("invalid escape in a string") }
                    s.unicodeScalars.append(scalar)
                    for _ in 0..<n { advance() }
                case "\n" where multi:
                    while let w = peek, w == " " || w == "\t" || w == "\n" { advance() }
                default: throw fail("invalid escape in a string")
                }
            }
        }
    }
}
