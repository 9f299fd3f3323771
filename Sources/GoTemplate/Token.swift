import FerryCore

/// The kinds of token the lexer produces.
enum TokenKind: Equatable, Sendable {
    case text(String)
    case leftDelim, rightDelim
    case identifier(String), keyword(String), field(String), variable(String)
    case string(String), char(Int64), number(String), bool(Bool), nilValue
    case dot, pipe, leftParen, rightParen, declare, assign, comma
    case eof
}

/// One token with its position and whether whitespace preceded it inside an action.
struct Token: Sendable {
    var kind: TokenKind
    var pos: Position
    var spaceBefore = false

    /// A short text for error messages, as Go's item String() shows it: keywords as `<if>`, the rest quoted.
    var display: String {
        switch kind {
        case .eof: return "EOF"
        case .keyword(let s): return "<\(s)>"
        case .dot: return "<.>"
        case .nilValue: return "<nil>"
        default: return Token.quoted(sourceText)
        }
    }

    /// Roughly the token's source text.
    var sourceText: String {
        switch kind {
        case .text(let s), .identifier(let s), .variable(let s), .number(let s): return s
        case .field(let s): return "." + s
        case .string(let s): return GoQuote.quote(s)
        case .char(let c): return "'" + (Unicode.Scalar(UInt32(truncatingIfNeeded: c)).map { String(Character($0)) } ?? "?") + "'"
        case .bool(let b): return b ? "true" : "false"
        case .leftDelim: return "{{"
        case .rightDelim: return "}}"
        case .pipe: return "|"
        case .leftParen: return "("
        case .rightParen: return ")"
        case .declare: return ":="
        case .assign: return "="
        case .comma: return ","
        case .keyword(let s): return s
        case .dot: return "."
        case .nilValue: return "nil"
        case .eof: return ""
        }
    }

    /// Go's `%q`, or `%.10q...` for long values.
    static func quoted(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard scalars.count > 10 else { return GoQuote.quote(s) }
        return GoQuote.quote(String(String.UnicodeScalarView(scalars.prefix(10)))) + "..."
    }
}

/// Go's template keywords (a switch: the lexer asks this of every identifier, and hashing each cost more).
func isKeyword(_ word: String) -> Bool {
    switch word {
    case "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue": return true
    default: return false
    }
}
