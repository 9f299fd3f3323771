import FerryCore

/// Go's `fmt.Sprintf`, `Sprint` and `Sprintln` over template values.
enum GoPrintf {
    struct Spec {
        var minus = false, plus = false, sharp = false, space = false, zero = false
        var width: Int?
        var precision: Int?
        var verb: Character = "v"
    }

    /// `fmt.Sprint`: operands joined, with a space between two operands when neither is a string.
    static func sprint(_ args: [Value]) -> String {
        var out = ""
        for (i, arg) in args.enumerated() {
            if i > 0, arg.stringValue == nil, args[i - 1].stringValue == nil { out += " " }
            out += GoFormat.v(arg)
        }
        return out
    }

    /// `fmt.Sprintln`: operands always space-separated, plus a newline.
    static func sprintln(_ args: [Value]) -> String {
        args.map(GoFormat.v).joined(separator: " ") + "\n"
    }

    /// `fmt.Sprintf` with Go's verbs, flags, width and precision, and Go's `%!verb(…)` error notation.
    static func sprintf(_ format: String, _ args: [Value]) -> String {
        var out = ""
        var chars = Array(format)[...]
        var argIndex = 0
        while let c = chars.popFirst() {
            guard c == "%" else { out.append(c); continue }
            var spec = Spec()
            while let f = chars.first, "-+# 0".contains(f) {
                switch f {
                case "-": spec.minus = true
                case "+": spec.plus = true
                case "#": spec.sharp = true
                case " ": spec.space = true
                default: spec.zero = true
                }
                chars.removeFirst()
            }
            spec.width = number(&chars, args: args, argIndex: &argIndex)
            if chars.first == "." {
                chars.removeFirst()
                spec.precision = number(&chars, args: args, argIndex: &argIndex) ?? 0
            }
            guard let verb = chars.popFirst() else { out += "%!(NOVERB)"; break }
            if verb == "%" { out += "%"; continue }
            spec.verb = verb
            guard argIndex < args.count else { out += "%!\(verb)(MISSING)"; continue }
            out += formatOne(args[argIndex], spec)
            argIndex += 1
        }
        if argIndex < args.count {
            let extra = args[argIndex...].map { "\($0.goTypeName)=\(GoFormat.v($0))" }
            out += "%!(EXTRA " + extra.joined(separator: ", ") + ")"
        }
        return out
    }

    static func number(_ chars: inout ArraySlice<Character>, args: [Value], argIndex: inout Int) -> Int? {
        if chars.first == "*" {
            chars.removeFirst()
            defer { argIndex += 1 }
            return argIndex < args.count ? args[argIndex].intValue.map(Int.init) : nil
        }
        var digits = ""
        while let d = chars.first, d.isASCII, d.isNumber { digits.append(d); chars.removeFirst() }
        return Int(digits)
    }

    /// Formats one operand and pads it to the width.
    static func formatOne(_ value: Value, _ spec: Spec) -> String {
        if spec.verb == "T" { return pad(value.goTypeName, spec, numeric: false) }
        if let s = GoStringer.argumentString(of: value) { return formatOne(.string(s), spec) }
        switch value {
        case .array(let items):
            return "[" + items.map { formatOne($0, spec) }.joined(separator: " ") + "]"
        case .object(let members):
            let keys = members.keys.sortedByBytes()
            return "map[" + keys.map { formatOne(.string($0), spec) + ":" + formatOne(members[$0] ?? .null, spec) }.joined(separator: " ") + "]"
        default:
            guard let body = scalar(value, spec) else { return badVerb(value, spec.verb) }
            let numeric: Bool
            switch value { case .int, .double: numeric = true; default: numeric = false }
            return pad(body, spec, numeric: numeric)
        }
    }

    static func badVerb(_ value: Value, _ verb: Character) -> String {
        if case .null = value { return "%!\(verb)(<nil>)" }
        return "%!\(verb)(\(value.goTypeName)=\(GoFormat.v(value)))"
    }

    static func pad(_ body: String, _ spec: Spec, numeric: Bool) -> String {
        let runes = body.unicodeScalars.count
        guard let width = spec.width, runes < width else { return body }
        let fill = width - runes
        if spec.minus { return body + String(repeating: " ", count: fill) }
        if spec.zero {
            if numeric, let sign = body.first, sign == "-" || sign == "+" || sign == " " {
                return String(sign) + String(repeating: "0", count: fill) + body.dropFirst()
            }
            return String(repeating: "0", count: fill) + body
        }
        return String(repeating: " ", count: fill) + body
    }

    static func scalar(_ value: Value, _ spec: Spec) -> String? {
        switch value {
        case .null: return spec.verb == "v" ? "<nil>" : nil
        case .bool(let b): return spec.verb == "v" || spec.verb == "t" ? (b ? "true" : "false") : nil
        case .int(let i): return integer(i, spec)
        case .double(let d): return float(d, spec)
        case .string(let s): return string(s, spec)
        default: return nil
        }
    }

    static func signed(_ body: String, negative: Bool, _ spec: Spec) -> String {
        if negative { return "-" + body }
        if spec.plus { return "+" + body }
        if spec.space { return " " + body }
        return body
    }

    static func integer(_ i: Int64, _ spec: Spec) -> String? {
        let mag = i.magnitude
        var body: String
        switch spec.verb {
        case "d", "v": body = String(mag)
        case "b": body = String(mag, radix: 2)
        case "o", "O": body = (spec.verb == "O" ? "0o" : spec.sharp ? "0" : "") + String(mag, radix: 8)
        case "x": body = (spec.sharp ? "0x" : "") + String(mag, radix: 16)
        case "X": body = (spec.sharp ? "0X" : "") + String(mag, radix: 16, uppercase: true)
        case "c": return Unicode.Scalar(UInt32(truncatingIfNeeded: i)).map { String(Character($0)) } ?? "\u{FFFD}"
        case "q":
            let s = Unicode.Scalar(UInt32(truncatingIfNeeded: i)).map { String(Character($0)) } ?? "\u{FFFD}"
            let q = GoQuote.quote(s).dropFirst().dropLast()
            return "'" + (s == "'" ? "\\'" : q.replacingQuote()) + "'"
        case "U":
            let h = String(mag, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - h.count)) + h
        case "e", "E", "f", "F", "g", "G", "s", "t": return nil
        default: return nil
        }
        if let p = spec.precision, body.count < p { body = String(repeating: "0", count: p - body.count) + body }
        return signed(body, negative: i < 0, spec)
    }

    static func float(_ d: Double, _ spec: Spec) -> String? {
        let verb: Character
        switch spec.verb {
        case "v", "g": verb = "g"
        case "G": verb = "G"
        case "f", "F": verb = "f"
        case "e", "E": verb = spec.verb
        default: return nil
        }
        let lower: Character = verb == "G" ? "g" : verb == "E" ? "e" : verb
        let precision = spec.precision ?? (lower == "g" ? nil : 6)
        var body = GoFormat.float(abs(d), verb: lower, precision: precision)
        if verb == "E" || verb == "G" { body = body.uppercased() }
        if d.isNaN { return body }
        return signed(body, negative: d.sign == .minus, spec)
    }

    static func string(_ s: String, _ spec: Spec) -> String? {
        var s = s
        if let p = spec.precision, spec.verb == "s" || spec.verb == "v" || spec.verb == "q" {
            s = String(String.UnicodeScalarView(s.unicodeScalars.prefix(p)))
        }
        switch spec.verb {
        case "s", "v": return s
        case "q": return spec.sharp && !s.contains("`") ? "`" + s + "`" : GoQuote.quote(s)
        case "x", "X":
            let hex = s.utf8.map { GoQuote.hex(UInt32($0), width: 2) }
            let joined = spec.space ? hex.joined(separator: " ") : hex.joined()
            return spec.verb == "X" ? joined.uppercased() : joined
        default: return nil
        }
    }
}

extension Substring {
    /// Inside a rune literal a double quote needs no escape.
    func replacingQuote() -> String { String(self).split(separator: "\\\"", omittingEmptySubsequences: false).joined(separator: "\"") }
}
