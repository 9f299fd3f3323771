#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits template text into tokens, applying `{{-`/`-}}` trim markers and dropping comments.
struct Lexer {
    let bytes: [UInt8]
    let name: String
    var pos = 0
    let lineStarts: [Int]
    var tokens: [Token] = []

    init(name: String, text: String) {
        self.name = name
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// Lexes the whole text.
    static func tokenize(name: String, text: String) throws -> [Token] {
        var lexer = Lexer(name: name, text: text)
        try lexer.run()
        return lexer.tokens
    }

    /// Line (1-based) and byte column (0-based, as Go reports it) of a byte offset.
    func position(_ offset: Int) -> Position {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return Position(offset: offset, line: low + 1, column: offset - lineStarts[low])
    }

    /// The line of the last token's position: tokens come in text order, so each position is found by moving
    /// this forward rather than by a search.
    var lineCursor = 0

    /// `position(offset)` for an offset at or after the previous token's.
    mutating func tokenPosition(_ offset: Int) -> Position {
        guard offset >= lineStarts[lineCursor] else { return position(offset) }
        while lineCursor + 1 < lineStarts.count && lineStarts[lineCursor + 1] <= offset { lineCursor += 1 }
        return Position(offset: offset, line: lineCursor + 1, column: offset - lineStarts[lineCursor])
    }

    func error(_ message: String, at offset: Int) -> TemplateError {
        TemplateError(name: name, line: position(offset).line, message: message)
    }

    /// Whether the text has `s` at byte `i` (no allocation: the lexer asks this for every byte of text).
    func starts(_ s: StaticString, at i: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i >= 0, i + n <= bytes.count else { return false }
        return s.withUTF8Buffer { u in
            for k in 0..<n where bytes[i + k] != u[k] { return false }
            return true
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
    static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b >= 0x80
    }

    mutating func run() throws {
        var trimNext = false
        while pos < bytes.count {
            let textStart = pos
            var end = bytes.count
            if let open = find("{{", from: pos) { end = open }
            var textEnd = end
            var markerLen = 0
            if end + 3 < bytes.count, bytes[end + 2] == UInt8(ascii: "-"), Lexer.isSpace(bytes[end + 3]) {
                markerLen = 2
                while textEnd > textStart && Lexer.isSpace(bytes[textEnd - 1]) { textEnd -= 1 }
            }
            var start = textStart
            if trimNext { while start < textEnd && Lexer.isSpace(bytes[start]) { start += 1 } }
            if start < textEnd {
                tokens.append(Token(kind: .text(String(decoding: bytes[start..<textEnd], as: UTF8.self)), pos: tokenPosition(start)))
            }
            guard end < bytes.count else { return }
            pos = end + 2 + markerLen
            trimNext = try lexAction(delimAt: end)
        }
    }

    func find(_ s: StaticString, from: Int) -> Int? {
        let first = s.withUTF8Buffer { $0.first ?? 0 }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var i = from
            while i < buffer.count, let hit = memchr(base + i, Int32(first), buffer.count - i) {
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if starts(s, at: i) { return i }
                i += 1
            }
            return nil
        }
    }

    /// Lexes from just after `{{` (and any trim marker) to `}}`; returns whether a right trim marker was used.
    mutating func lexAction(delimAt: Int) throws -> Bool {
        if starts("/*", at: pos) { return try lexComment(delimAt: delimAt) }
        tokens.append(Token(kind: .leftDelim, pos: tokenPosition(delimAt)))
        var parenDepth = 0
        while true {
            var sawSpace = false
            while pos < bytes.count && Lexer.isSpace(bytes[pos]) {
                // A space (any of the four) then `-}}` is a right trim marker.
                if pos + 3 < bytes.count, bytes[pos + 1] == UInt8(ascii: "-"), starts("}}", at: pos + 2) {
                    tokens.append(Token(kind: .rightDelim, pos: tokenPosition(pos + 1)))
                    pos += 4
                    return true
                }
                pos += 1
                sawSpace = true
            }
            guard pos < bytes.count else { throw error("unclosed action", at: delimAt) }
            if starts("}}", at: pos) {
                if parenDepth > 0 { throw error("unclosed left paren", at: pos) }
                tokens.append(Token(kind: .rightDelim, pos: tokenPosition(pos)))
                pos += 2
                return false
            }
            let start = pos
            let kind = try lexToken(parenDepth: &parenDepth)
            tokens.append(Token(kind: kind, pos: tokenPosition(start), spaceBefore: sawSpace))
        }
    }

    mutating func lexComment(delimAt: Int) throws -> Bool {
        guard let close = find("*/", from: pos + 2) else { throw error("unclosed comment", at: delimAt) }
        pos = close + 2
        if starts("}}", at: pos) { pos += 2; return false }
        if pos < bytes.count, Lexer.isSpace(bytes[pos]), starts("-}}", at: pos + 1) { pos += 4; return true }
        throw error("comment ends before closing delimiter", at: delimAt)
    }

    mutating func lexToken(parenDepth: inout Int) throws -> TokenKind {
        let b = bytes[pos]
        switch b {
        case UInt8(ascii: "|"): pos += 1; return .pipe
        case UInt8(ascii: ","): pos += 1; return .comma
        case UInt8(ascii: "("): pos += 1; parenDepth += 1; return .leftParen
        case UInt8(ascii: ")"):
            pos += 1; parenDepth -= 1
            if parenDepth < 0 { throw error("unexpected right paren", at: pos - 1) }
            return .rightParen
        case UInt8(ascii: ":"):
            guard starts(":=", at: pos) else { throw error("expected :=", at: pos) }
            pos += 2; return .declare
        case UInt8(ascii: "="): pos += 1; return .assign
        case UInt8(ascii: "\""): return .string(try lexQuoted())
        case UInt8(ascii: "`"): return .string(try lexRaw())
        case UInt8(ascii: "'"): return .char(try lexChar())
        case UInt8(ascii: "$"): return .variable(word(from: pos + 1, prefix: 1))
        case UInt8(ascii: "."):
            if pos + 1 < bytes.count, bytes[pos + 1] >= 0x30, bytes[pos + 1] <= 0x39 { return .number(try lexNumber()) }
            if pos + 1 < bytes.count, Lexer.isAlnum(bytes[pos + 1]) { return .field(word(from: pos + 1, prefix: 0)) }
            pos += 1; return .dot
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try lexNumber())
        default:
            guard Lexer.isAlnum(b) else {
                let scalar = String(decoding: bytes[pos..<min(pos + 4, bytes.count)], as: UTF8.self).unicodeScalars.first
                let code = String(scalar?.value ?? UInt32(b), radix: 16, uppercase: true)
                throw error("unrecognized character in action: U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code) '\(scalar.map { String($0) } ?? "?")'", at: pos)
            }
            let w = word(from: pos, prefix: 0)
            if w == "true" || w == "false" { return .bool(w == "true") }
            if w == "nil" { return .nilValue }
            return isKeyword(w) ? .keyword(w) : .identifier(w)
        }
    }

    /// Reads `prefix` bytes plus the alphanumeric run after them.
    mutating func word(from: Int, prefix: Int) -> String {
        let start = from - prefix
        var i = from
        while i < bytes.count && Lexer.isAlnum(bytes[i]) { i += 1 }
        pos = i
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    mutating func lexNumber() throws -> String {
        let start = pos
        if bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        while pos < bytes.count {
            let c = bytes[pos]
            let isExpSign = (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) && pos > start && isExponentMark(bytes[pos - 1], start: start)
            guard Lexer.isAlnum(c) || c == UInt8(ascii: ".") || isExpSign else { break }
            pos += 1
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        guard NumberLiteral.parse(text) != nil else { throw error("bad number syntax: \"\(text)\"", at: start) }
        return text
    }

    func isExponentMark(_ b: UInt8, start: Int) -> Bool {
        let digits = bytes[start...].drop { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
        let hex = digits.starts(with: Array("0x".utf8)) || digits.starts(with: Array("0X".utf8))
        return hex ? (b == UInt8(ascii: "p") || b == UInt8(ascii: "P")) : (b == UInt8(ascii: "e") || b == UInt8(ascii: "E"))
    }

    mutating func lexQuoted() throws -> String {
        let start = pos
        pos += 1
        var escaped = false
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "\\") { pos += 2; escaped = true; continue }
            if c == 0x0A { break }
            if c == UInt8(ascii: "\"") {
                pos += 1
                let raw = String(decoding: bytes[start + 1..<pos - 1], as: UTF8.self)
                if !escaped { return raw }
                guard let s = GoUnquote.unescape(raw, quote: "\"") else { throw error("invalid syntax", at: start) }
                return s
            }
            pos += 1
        }
        throw error("unterminated quoted string", at: start)
    }

    mutating func lexRaw() throws -> String {
        let start = pos
        guard let close = find("`", from: pos + 1) else { throw error("unterminated raw quoted string", at: start) }
        pos = close + 1
        let body = bytes[start + 1..<close]
        // Go (strconv.Unquote) drops every carriage return byte from a raw string, also those before a newline.
        if body.contains(0x0D) { return String(decoding: body.filter { $0 != 0x0D }, as: UTF8.self) }
        return String(decoding: body, as: UTF8.self)
    }

    mutating func lexChar() throws -> Int64 {
        let start = pos
        pos += 1
        while pos < bytes.count && bytes[pos] != UInt8(ascii: "'") && bytes[pos] != 0x0A {
            pos += bytes[pos] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "'") else { throw error("unterminated character constant", at: start) }
        pos += 1
        let raw = String(decoding: bytes[start + 1..<pos - 1], as: UTF8.self)
        guard let s = GoUnquote.unescape(raw, quote: "'"), s.unicodeScalars.count == 1, let v = s.unicodeScalars.first?.value else {
            throw error("malformed character constant: '\(raw)'", at: start)
        }
        return Int64(v)
    }
}
