import FerryCore

/// Go number literals: decimal, hex, octal, binary integers (with `_`), floats and exponents.
enum NumberLiteral {
    /// The constant's value as Go's template parser would type it (int unless it has a fraction/exponent).
    static func parse(_ text: String) -> Value? {
        var s = Substring(text)
        var negative = false
        if s.first == "+" || s.first == "-" { negative = s.first == "-"; s = s.dropFirst() }
        guard !s.isEmpty, !s.hasPrefix("_"), !s.hasSuffix("_") else { return nil }
        let clean = String(s.filter { $0 != "_" })
        if let i = integer(clean) { return .int(negative ? -i : i) }
        let lower = clean.lowercased()
        if lower.hasPrefix("0x") { return nil }
        guard lower.allSatisfy({ "0123456789.e+-".contains($0) }), let d = Double(clean) else { return nil }
        return .double(negative ? -d : d)
    }

    static func integer(_ s: String) -> Int64? {
        let lower = s.lowercased()
        if lower.hasPrefix("0x") { return Int64(lower.dropFirst(2), radix: 16) }
        if lower.hasPrefix("0o") { return Int64(lower.dropFirst(2), radix: 8) }
        if lower.hasPrefix("0b") { return Int64(lower.dropFirst(2), radix: 2) }
        if lower.count > 1, lower.hasPrefix("0"), lower.allSatisfy(\.isNumber) { return Int64(lower.dropFirst(), radix: 8) }
        return Int64(lower, radix: 10)
    }
}

/// Go string escapes: `\n \t \\ \" \xHH \ooo \uHHHH \UHHHHHHHH` and friends.
enum GoUnquote {
    /// Decodes the body of a quoted literal, or nil when an escape is malformed.
    static func unescape(_ body: String, quote: Character) -> String? {
        var out = String.UnicodeScalarView()
        var it = Array(body.unicodeScalars)[...]
        while let c = it.popFirst() {
            guard c == "\\" else { out.append(c); continue }
            guard let e = it.popFirst() else { return nil }
            switch e {
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "v": out.append("\u{0B}")
            case "\\": out.append("\\")
            case "\"" where quote == "\"", "'" where quote == "'": out.append(e)
            case "x", "u", "U":
                let n = e == "x" ? 2 : e == "u" ? 4 : 8
                guard it.count >= n, let v = UInt32(String(String.UnicodeScalarView(it.prefix(n))), radix: 16),
                      let scalar = Unicode.Scalar(v) else { return nil }
                it = it.dropFirst(n)
                out.append(scalar)
            case "0"..."7":
                guard it.count >= 2, let v = UInt32(String(String.UnicodeScalarView([e] + it.prefix(2))), radix: 8),
                      v < 256, let scalar = Unicode.Scalar(v) else { return nil }
                it = it.dropFirst(2)
                out.append(scalar)
            default: return nil
            }
        }
        return String(out)
    }
}
