import Foundation
import OrderedCollections

extension YAML {
    /// Which writer's scalar rules `encode` follows; the layout (two-space indentation, sequences at their parent
    /// key's indentation, literal blocks for multi-line strings) is the same for both.
    public enum EncodeStyle: Sendable, Equatable {
        /// Ferry's default, as kubectl and kustomize print YAML (`formatFloat`; strings quoted where a YAML 1.1 or
        /// 1.2 reader would type them).
        case kubectl
        /// go-yaml v2 as Helm's `toYaml` writes through sigs.k8s.io/yaml: mapping keys in go-yaml v2's order
        /// (`goYAMLKeyLess`), floats in Go's shortest `%g` form (`1.23456789e+07`), strings double-quoted exactly
        /// when go-yaml v2 would read them as something else (`"y"`, `"0777"`, `"1:20"`, `"2015-01-01"`), but `yEs`
        /// or `1e400` left plain.
        case goYAMLv2
    }

    /// Serializes a value as kubectl prints YAML: two-space indentation, sequences at their
    /// parent key's indentation, strings quoted only where a plain scalar would change meaning.
    public static func encode(_ value: Value) -> String { encode(value, style: .kubectl) }

    /// Serializes a value with the scalar rules of `style`; with `finalNewline` false, without the last line's
    /// newline (Helm's `toYaml` trims it).
    public static func encode(_ value: Value, style: EncodeStyle, finalNewline: Bool = true) -> String {
        var out = Output()
        switch value {
        case .object(let m) where !m.isEmpty: writeMapping(m, into: &out, indent: 0, style: style)
        case .array(let a) where !a.isEmpty: writeSequence(a, into: &out, indent: 0, style: style)
        default:
            out.append(scalar(value, indent: 0, style: style))
            out.append(byte: 0x0A)
        }
        if !finalNewline, out.bytes.last == 0x0A { out.bytes.removeLast() }
        return out.text
    }

    /// Serializes several documents separated by `---`.
    public static func encodeStream(_ values: [Value]) -> String {
        values.map(encode).joined(separator: "---\n")
    }

    private static func pad(_ n: Int) -> String { String(repeating: " ", count: n) }

    /// The text being written, as UTF-8 bytes (appending to a byte array is much cheaper than to a `String`,
    /// which re-checks its encoding flags on every append); made a string once at the end.
    private struct Output {
        var bytes: [UInt8] = []
        init() { bytes.reserveCapacity(256) }
        mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }
        mutating func append(byte: UInt8) { bytes.append(byte) }
        mutating func pad(_ n: Int) { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n)) }
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    private static func writeMapping(_ members: OrderedDictionary<String, Value>, into out: inout Output, indent: Int,
                                     firstInline: Bool = false, style: EncodeStyle) {
        var first = firstInline
        // go-yaml v2 writes Go maps with their keys sorted its own way; the kubectl style keeps the given order.
        let ordered = style == .goYAMLv2 ? members.sorted { goYAMLKeyLess($0.key, $1.key) } : Array(members)
        for (key, child) in ordered {
            if !first { out.pad(indent) }
            first = false
            out.append(quoted(key, style: style))
            out.append(byte: UInt8(ascii: ":"))
            writeChild(child, into: &out, indent: indent, style: style)
        }
    }

    private static func writeSequence(_ items: [Value], into out: inout Output, indent: Int, style: EncodeStyle) {
        for item in items {
            out.pad(indent)
            out.append(byte: UInt8(ascii: "-"))
            switch item {
            case .object(let m) where !m.isEmpty:
                out.append(byte: UInt8(ascii: " "))
                writeMapping(m, into: &out, indent: indent + 2, firstInline: true, style: style)
            case .array(let a) where !a.isEmpty:
                out.append(byte: 0x0A)
                writeSequence(a, into: &out, indent: indent + 2, style: style)
            default:
                out.append(byte: UInt8(ascii: " "))
                out.append(scalar(item, indent: indent + 2, style: style))
                out.append(byte: 0x0A)
            }
        }
    }

    private static func writeChild(_ child: Value, into out: inout Output, indent: Int, style: EncodeStyle) {
        switch child {
        case .object(let m) where !m.isEmpty:
            out.append(byte: 0x0A)
            writeMapping(m, into: &out, indent: indent + 2, style: style)
        case .array(let a) where !a.isEmpty:
            out.append(byte: 0x0A)
            writeSequence(a, into: &out, indent: indent, style: style)
        default:
            out.append(byte: UInt8(ascii: " "))
            out.append(scalar(child, indent: indent + 2, style: style))
            out.append(byte: 0x0A)
        }
    }

    private static func scalar(_ value: Value, indent: Int, style: EncodeStyle) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return style == .goYAMLv2 ? formatGoFloat(d) : formatFloat(d)
        case .string(let s): return stringScalar(s, indent: indent, style: style)
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    /// Formats a float the way Go's YAML encoders do (`1e+06`, `0.5`, `.inf`).
    public static func formatFloat(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d > 0 ? ".inf" : "-.inf" }
        let a = abs(d)
        if a != 0 && (a < 1e-4 || a >= 1e21) || (d.rounded() == d && a >= 1e6) {
            return goExponent(d)
        }
        if d.rounded() == d { return String(Int64(d)) }
        return "\(d)"
    }

    private static func goExponent(_ d: Double) -> String {
        // Shortest digits, then Go's e+XX form.
        let swift = String(describing: d)
        var mantissa = swift, exponent = 0
        if let e = swift.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(swift[..<e]); exponent = Int(swift[swift.index(after: e)...]) ?? 0
        }
        var negative = false
        if mantissa.hasPrefix("-") { negative = true; mantissa.removeFirst() }
        var digits = mantissa.replacingOccurrences(of: ".", with: "")
        let intPart = mantissa.split(separator: ".").first.map(String.init) ?? mantissa
        exponent += intPart.count - 1
        while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); exponent -= 1 }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        let head = String(digits.first!)
        let tail = digits.dropFirst()
        let expText = exponent < 0 ? "-" + pad2(-exponent) : "+" + pad2(exponent)
        return (negative ? "-" : "") + head + (tail.isEmpty ? "" : "." + tail) + "e" + expText
    }

    private static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func stringScalar(_ s: String, indent: Int, style: EncodeStyle) -> String {
        if UTF8Bytes.any(s, { $0 == 0x0A }) && !UTF8Bytes.any(s, { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 }) {
            return literalBlock(s, indent: indent)
        }
        return quoted(s, style: style)
    }

    private static func literalBlock(_ s: String, indent: Int) -> String {
        let chomp: String
        if s.hasSuffix("\n\n") { chomp = "+" } else if s.hasSuffix("\n") { chomp = "" } else { chomp = "-" }
        let indicator = s.hasPrefix(" ") ? "2" : ""
        // Each line of the text, less one final newline, indented (empty lines stay empty); built as bytes.
        var out = Array(("|" + indicator + chomp + "\n").utf8)
        UTF8Bytes.with(s) { bytes in
            let end = bytes.last == 0x0A ? bytes.count - 1 : bytes.count
            var lineStart = 0
            for i in 0...end where i == end || bytes[i] == 0x0A {
                if i > lineStart {
                    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
                    out.append(contentsOf: bytes[lineStart..<i])
                }
                if i < end { out.append(0x0A) }
                lineStart = i + 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// How a string must be written so it reads back as the same string, as Go's YAML encoders decide:
    /// text that would resolve to another type (`"true"`, `"80"`, `""`) is double-quoted; text that is a
    /// string but cannot be a plain scalar (`'* * * * *'`, `'a: b'`) is single-quoted; control characters
    /// force double quotes.
    enum Quoting { case plain, single, double }

    static func quoting(_ s: String, style: EncodeStyle = .kubectl) -> Quoting {
        let retyped = style == .goYAMLv2 ? resolved11(s) != nil || isBase60Float(s) || isGoTimestamp(s) : resolvesToOtherType(s)
        if s.isEmpty || retyped { return .double }
        let printableASCII = UTF8Bytes.all(s) { $0 >= 0x20 && $0 < 0x7F || $0 == 0x0A }
        if !printableASCII, s.unicodeScalars.contains(where: { !isPrintable($0) }) { return .double }
        return cannotBePlain(s) ? .single : .plain
    }

    static func needsQuoting(_ s: String) -> Bool { quoting(s) != .plain }

    private static func resolvesToOtherType(_ s: String) -> Bool {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
                                     ".inf", "-.inf", "+.inf", ".nan"]
        return reserved.contains(s.lowercased()) || looksNumeric(s)
    }

    private static func cannotBePlain(_ s: String) -> Bool {
        UTF8Bytes.with(s) { bytes in
            guard let first = bytes.first, let last = bytes.last else { return true }
            if isIndicator(first) {
                // A dash starts a plain scalar unless it is "- …" or exactly "---" (or alone).
                let isDashText = first == UInt8(ascii: "-") && bytes.count > 1 && bytes[1] != UInt8(ascii: " ")
                    && !(bytes.count == 3 && bytes[1] == UInt8(ascii: "-") && bytes[2] == UInt8(ascii: "-"))
                if !isDashText { return true }
            }
            if last == UInt8(ascii: " ") || last == UInt8(ascii: ":") { return true }
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 9 { return true }
                if previous == UInt8(ascii: ":") && byte == UInt8(ascii: " ") { return true }
                if previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#") { return true }
                previous = byte
            }
            return false
        }
    }


    /// Bytes a plain scalar cannot start with: YAML's indicators and a space.
    private static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
             UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: " "):
            return true
        default:
            return false
        }
    }

    private static func quoted(_ s: String, style: EncodeStyle) -> String {
        switch quoting(s, style: style) {
        case .plain: return s
        case .single:
            guard s.utf8.contains(UInt8(ascii: "'")) else { return "'" + s + "'" }
            return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .double: return DoubleQuoted.quote(s, .yaml)
        }
    }
}
