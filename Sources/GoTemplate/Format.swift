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

    /// Decimal digits `ds` (values 0-9) with the point after `point` of them, to `precision` places, written as
    /// ASCII bytes (numbers are printed in every template; string joins cost far more than the digits).
    static func fixedFromDigits(_ ds: [UInt8], point: Int, precision: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(max(point, 1) + precision + 1)
        func digit(_ i: Int) -> UInt8 { i >= 0 && i < ds.count ? 0x30 + ds[i] : 0x30 }
        if point <= 0 { out.append(0x30) } else { for i in 0..<point { out.append(digit(i)) } }
        if precision > 0 {
            out.append(0x2E)
            for i in 0..<precision { out.append(digit(point + i)) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func expo(_ parts: (digits: [UInt8], exponent: Int), precision: Int) -> String {
        let ds = parts.digits
        let exp = ds == [0] ? 0 : parts.exponent - 1
        var out: [UInt8] = [0x30 + (ds.first ?? 0)]
        if precision > 0 {
            out.append(0x2E)
            for i in 1...precision { out.append(i < ds.count ? 0x30 + ds[i] : 0x30) }
        }
        out.append(0x65)
        out.append(exp < 0 ? 0x2D : 0x2B)
        let expText = Array(String(abs(exp)).utf8)
        if expText.count < 2 { out.append(0x30) }
        out.append(contentsOf: expText)
        return String(decoding: out, as: UTF8.self)
    }
}
