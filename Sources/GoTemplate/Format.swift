import FerryCore
import Foundation

/// Go's `fmt` default formatting (`%v`) of template values.
enum GoFormat {
    /// `%v` of a value: maps as `map[a:1 b:2]` (sorted keys), arrays as `[1 2]`, nil as `<nil>`.
    static func v(_ value: Value) -> String {
        switch value {
        case .null: return "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return float(d, verb: "g", precision: nil)
        case .string(let s): return s
        case .array(let a): return "[" + a.map(v).joined(separator: " ") + "]"
        case .object(let o):
            if let s = GoStringer.argumentString(of: value) { return s }
            let keys = o.keys.sortedByBytes()
            return "map[" + keys.map { "\($0):\(v(o[$0] ?? .null))" }.joined(separator: " ") + "]"
        }
    }

    /// `%v` of a template value; functions print as Go prints a func value's address.
    static func v(_ value: TemplateValue) -> String {
        switch value {
        case .value(let data): return v(data)
        case .missing: return "<nil>"
        case .function: return "0x0"
        case .goInt(let i): return String(i)
        }
    }

    /// Shortest decimal digits and exponent of a finite positive double (value = 0.d1d2… × 10^exp).
    static func digits(_ d: Double) -> (digits: [UInt8], exponent: Int) {
        var text = "\(d)"
        var exp = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exp = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = Array(parts[0].utf8).map { $0 - 48 }
        let frac = parts.count > 1 ? Array(parts[1].utf8).map { $0 - 48 } : []
        var all = intPart + frac
        var point = intPart.count + exp
        while all.first == 0 && all.count > 1 { all.removeFirst(); point -= 1 }
        while all.last == 0 && all.count > 1 { all.removeLast() }
        if all == [0] { point = 1 }
        return (all, point)
    }

    /// Formats a non-negative float with verb `e`, `f` or `g`; nil precision means Go's shortest form.
    ///
    /// With a precision, C's printf rounds the exact binary value half-to-even, as Go's strconv does.
    static func float(_ d: Double, verb: Character, precision: Int?) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        let sign = d.sign == .minus ? "-" : ""
        let mag = abs(d)
        if let p = precision { return sign + String(format: "%.\(min(p, 300))\(verb)", mag) }
        let (ds, point) = digits(mag)
        switch verb {
        case "f": return sign + fixedFromDigits(ds, point: point, precision: max(0, ds.count - point))
        case "e": return sign + expo((ds, point), precision: ds.count - 1)
        default:
            let exp = ds == [0] ? 0 : point - 1
            if exp < -4 || exp >= 6 { return sign + expo((ds, point), precision: ds.count - 1) }
            return sign + fixedFromDigits(ds, point: point, precision: max(0, ds.count - point))
        }
    }

    static func fixedFromDigits(_ ds: [UInt8], point: Int, precision: Int) -> String {
        let digit = { (i: Int) -> String in i >= 0 && i < ds.count ? String(ds[i]) : "0" }
        let intPart = point <= 0 ? "0" : (0..<point).map(digit).joined()
        let frac = (0..<precision).map { digit(point + $0) }.joined()
        return precision > 0 ? intPart + "." + frac : intPart
    }

    static func expo(_ parts: (digits: [UInt8], exponent: Int), precision: Int) -> String {
        let ds = parts.digits
        let exp = ds == [0] ? 0 : parts.exponent - 1
        var mantissa = String(ds.first ?? 0)
        if precision > 0 { mantissa += "." + (1...precision).map { $0 < ds.count ? String(ds[$0]) : "0" }.joined() }
        let expText = String(abs(exp))
        return mantissa + "e" + (exp < 0 ? "-" : "+") + (expText.count < 2 ? "0" : "") + expText
    }
}
