/// How plain (unquoted, untagged) YAML scalars are typed — YAML 1.1 as Kubernetes' YAML readers apply it:
/// `null`/`~`/empty, `true`/`yes`/`on` and their opposites, decimal/octal/hex/binary integers, floats with
/// `.inf`/`.nan`. Written by hand (no regular expressions): it runs for every scalar of every manifest.
extension YAML {
    /// The typed value of a plain scalar. The first byte picks the rules that can apply: most scalars (names,
    /// labels, images) start with a letter no null, boolean or number starts with, and stay strings at once.
    static func resolvePlain(_ text: String) -> Value {
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"):
            if let i = parseInt(text), isIntSyntax(text) { return .int(i) }
            if isFloatSyntax(text), let d = parseFloat(text) { return .double(d) }
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            if isNull(text) { return .null }
            if let b = boolValue(text) { return .bool(b) }
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "y"),
             UInt8(ascii: "Y"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            if let b = boolValue(text) { return .bool(b) }
        default:
            break
        }
        return .string(text)
    }

    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    static func boolValue(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    /// `[-+]?` then `0b[01_]+`, `0x[0-9a-fA-F_]+`, `0o?[0-7_]+` or `[1-9][0-9_]*` / `0`.
    static func isIntSyntax(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        guard let first = bytes.first else { return false }
        func all(_ rest: Substring.UTF8View.SubSequence, _ ok: (UInt8) -> Bool) -> Bool { !rest.isEmpty && rest.allSatisfy(ok) }
        let digit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 || $0 == 95 }
        if first == UInt8(ascii: "0"), bytes.count > 1 {
            let second = bytes[bytes.index(after: bytes.startIndex)]
            let rest = bytes.dropFirst(2)
            switch second {
            case UInt8(ascii: "x"): return all(rest) { digit($0) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) }
            case UInt8(ascii: "b"): return all(rest) { $0 == 48 || $0 == 49 || $0 == 95 }
            case UInt8(ascii: "o"): return all(rest) { $0 >= 48 && $0 <= 55 || $0 == 95 }
            default: return all(bytes.dropFirst()) { $0 >= 48 && $0 <= 55 || $0 == 95 }
            }
        }
        return all(bytes, digit)
    }

    /// Digits with one optional `.` and an optional exponent, or `.inf`/`.nan` spellings.
    static func isFloatSyntax(_ text: String) -> Bool {
        if text.utf8.count <= 5, [".inf", "+.inf", "-.inf", ".nan"].contains(text.lowercased()) { return true }
        var sawDigit = false, sawDot = false, sawExponent = false, previous: UInt8 = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case 48...57, 95: sawDigit = true
            case UInt8(ascii: "."): if sawDot || sawExponent { return false }; sawDot = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): if sawExponent || !sawDigit { return false }; sawExponent = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                if !(index == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E")) { return false }
            default: return false
            }
            previous = byte
        }
        return sawDigit && (sawDot || sawExponent)
    }

    /// Strings a plain scalar would read back as something else (in YAML 1.1, also times like `1:30` and dates).
    static func looksNumeric(_ s: String) -> Bool {
        if isIntSyntax(s) || isFloatSyntax(s) { return true }
        let bytes = Array(s.utf8)
        let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        // Sexagesimal: digits(:digits)+
        if let first = bytes.first, isDigit(first), bytes.contains(UInt8(ascii: ":")),
           bytes.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ":") }), bytes.last != UInt8(ascii: ":") { return true }
        // Timestamps start with YYYY-M-D.
        if bytes.count >= 8, bytes[0..<4].allSatisfy(isDigit), bytes[4] == UInt8(ascii: "-") {
            let rest = bytes[5...].prefix { isDigit($0) || $0 == UInt8(ascii: "-") }
            return rest.filter { $0 == UInt8(ascii: "-") }.count == 1 && rest.count >= 3 && isDigit(rest.last ?? 0)
        }
        return false
    }
}
