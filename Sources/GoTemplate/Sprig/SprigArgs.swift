import FerryCore
import Foundation
import OrderedCollections

/// Argument checks with text/template's rules for typed Go parameters, and spf13/cast's conversions.
enum Arg {
    /// Exactly `n` arguments, or Go's arity error.
    static func count(_ args: [TemplateValue], _ n: Int) throws {
        guard args.count == n else { throw ArgCountError(want: "\(n)", got: args.count) }
    }

    /// At least `n` arguments (a variadic Go function).
    static func atLeast(_ args: [TemplateValue], _ n: Int) throws {
        guard args.count >= n else { throw ArgCountError(want: "at least \(n)", got: args.count) }
    }

    static func wrongType(_ v: Value, expected: String) -> FunctionError {
        if v.isNull { return FunctionError("invalid value; expected \(expected)") }
        return FunctionError("wrong type for value; expected \(expected); got \(v.goTypeName)")
    }

    /// A Go `string` parameter.
    static func string(_ v: TemplateValue) throws -> String {
        guard case .string(let s) = v.data else { throw wrongType(v.data, expected: "string") }
        return s
    }

    /// A Go `int` parameter: ints only, as text/template does not convert floats.
    static func int(_ v: TemplateValue) throws -> Int {
        guard case .int(let i) = v.data else { throw wrongType(v.data, expected: "int") }
        guard let n = Int(exactly: i) else { throw FunctionError("value \(i) overflows int") }
        return n
    }

    /// A Go `bool` parameter.
    static func bool(_ v: TemplateValue) throws -> Bool {
        guard case .bool(let b) = v.data else { throw wrongType(v.data, expected: "bool") }
        return b
    }

    /// A Go `map[string]interface{}` parameter.
    static func map(_ v: TemplateValue) throws -> OrderedDictionary<String, Value> {
        guard case .object(let o) = v.data else { throw wrongType(v.data, expected: "map[string]interface {}") }
        return o
    }

    /// A Go `float64` parameter; ints are accepted because Go converts integer constants (`round 1.5 0 1`).
    static func float(_ v: TemplateValue) throws -> Double {
        switch v.data {
        case .double(let d): return d
        case .int(let i): return Double(i)
        default: throw wrongType(v.data, expected: "float64")
        }
    }
}

/// spf13/cast conversions (v1.9) as Sprig applies them to `interface{}` arguments.
enum Cast {
    /// `cast.ToInt64`: numbers truncate, bools are 0/1, strings parse (base prefixes allowed, fraction dropped),
    /// anything else is 0.
    static func toInt64(_ v: Value) -> Int64 {
        switch v {
        case .int(let i): return i
        case .double(let d):
            guard d.isFinite, abs(d) < 9.2e18 else { return d.isNaN ? 0 : (d > 0 ? .max : .min) }
            return Int64(d)
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return parseInt(s) ?? 0
        default: return 0
        }
    }

    /// `cast.ToFloat64`.
    static func toFloat64(_ v: Value) -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return GoNumber.parseFloat(s) ?? 0
        default: return 0
        }
    }

    /// cast's string → integer: a decimal fraction is dropped, then Go's `ParseInt(s, 0, 64)`.
    static func parseInt(_ s: String) -> Int64? {
        var text = s
        if text.contains("."), let dropped = dropFraction(text) { text = dropped }
        return GoNumber.parseInt(text, base: 0)
    }

    static func dropFraction(_ s: String) -> String? {
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        var intPart = String(parts[0])
        let body = intPart.hasPrefix("-") || intPart.hasPrefix("+") ? intPart.dropFirst() : Substring(intPart)
        guard body.allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
        if body.isEmpty { intPart += "0" }
        return intPart
    }

    /// Sprig's `strval`: strings as they are, everything else as `%v`.
    static func string(_ v: Value) -> String {
        if case .string(let s) = v { return s }
        return GoFormat.v(v)
    }

    /// Sprig's `strslice`: a list's non-nil elements as strings; nil is empty; a scalar is a one-element list.
    static func strings(_ v: Value) -> [String] {
        switch v {
        case .array(let items): return items.filter { !$0.isNull }.map(string)
        case .null: return []
        default: return [string(v)]
        }
    }
}

/// Go's `strconv` number parsing.
enum GoNumber {
    /// `strconv.ParseInt(s, base, 64)`; base 0 reads `0x`, `0o`, `0b` and leading-`0` octal prefixes and `_`.
    static func parseInt(_ s: String, base: Int) -> Int64? {
        var text = Substring(s)
        var negative = false
        if let sign = text.first, sign == "+" || sign == "-" { negative = sign == "-"; text = text.dropFirst() }
        var radix = base
        if base == 0 {
            radix = 10
            let lower = text.lowercased()
            if lower.hasPrefix("0x") { radix = 16; text = text.dropFirst(2) }
            else if lower.hasPrefix("0o") { radix = 8; text = text.dropFirst(2) }
            else if lower.hasPrefix("0b") { radix = 2; text = text.dropFirst(2) }
            else if text.count > 1, text.first == "0" { radix = 8; text = text.dropFirst() }
            if text.contains("_") {
                guard !text.hasPrefix("_"), !text.hasSuffix("_"), !text.contains("__") else { return nil }
                text = Substring(text.replacingOccurrences(of: "_", with: ""))
            }
        }
        guard !text.isEmpty, let magnitude = UInt64(text, radix: radix) else { return nil }
        if negative { return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// `strconv.ParseFloat(s, 64)` for decimal text, `Inf`/`NaN` and hex floats handled by Swift.
    static func parseFloat(_ s: String) -> Double? {
        guard !s.isEmpty, !s.contains(where: { $0.isWhitespace }) else { return nil }
        let lower = s.lowercased()
        switch lower {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: break
        }
        guard lower.allSatisfy({ "0123456789+-.e_x".contains($0) || $0.isHexDigit || $0 == "p" }) else { return nil }
        return Double(s.replacingOccurrences(of: "_", with: ""))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Shorthands for building results.
extension TemplateValue {
    static func str(_ s: String) -> TemplateValue { .value(.string(s)) }
    static func int(_ i: Int64) -> TemplateValue { .value(.int(i)) }
    static func int(_ i: Int) -> TemplateValue { .value(.int(Int64(i))) }
    static func bool(_ b: Bool) -> TemplateValue { .value(.bool(b)) }
    static func double(_ d: Double) -> TemplateValue { .value(.double(d)) }
    static func list(_ a: [Value]) -> TemplateValue { .value(.array(a)) }
    static func map(_ o: OrderedDictionary<String, Value>) -> TemplateValue { .value(.object(o)) }
}
