/// Go's `strconv.FormatFloat(f, 'g', -1, bitSize)` as go-yaml v2 writes floats: the shortest digits that read back
/// as the same number, in exponent form (`1.23456789e+07`, `1e-05`) when the decimal exponent is below -4 or at
/// least 6 — whatever the digit count — else in plain form (`0.5`, `123456`); `.inf`, `-.inf`, `.nan` for the
/// special values.
extension YAML {
    /// Formats `d` like Go's shortest `%g`; `bitSize` 32 first rounds to a `Float`, as sigs.k8s.io/yaml does for
    /// float mapping keys.
    public static func formatGoFloat(_ d: Double, bitSize: Int = 64) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d > 0 ? ".inf" : "-.inf" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        let (negative, digits, point) = decimalDigits(bitSize == 32 ? Float(d).description : d.description)
        let exponent = point - 1
        let useExponent = exponent < -4 || exponent >= 6
        return (negative ? "-" : "") + (useExponent ? exponentForm(digits, point) : plainForm(digits, point))
    }

    /// Go's `encoding/json` text for a finite float64: shortest digits in plain form for magnitudes in
    /// [1e-6, 1e21), else exponent form with a one-digit negative exponent (`1e-7`, `1e+21`).
    public static func formatGoJSONFloat(_ d: Double) -> String {
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        let (negative, digits, point) = decimalDigits(d.description)
        let magnitude = abs(d)
        guard magnitude < 1e-6 || magnitude >= 1e21 else { return (negative ? "-" : "") + plainForm(digits, point) }
        var text = exponentForm(digits, point)
        if text.hasSuffix("e-0" + String(text.suffix(1))) { text.remove(at: text.index(text.endIndex, offsetBy: -2)) }
        return (negative ? "-" : "") + text
    }

    /// `d.ddde±XX` (at least two exponent digits) for value 0.digits × 10^point.
    static func exponentForm(_ digits: String, _ point: Int) -> String {
        let exponent = point - 1, magnitude = abs(point - 1)
        let head = String(digits.prefix(1)), tail = String(digits.dropFirst())
        return head + (tail.isEmpty ? "" : "." + tail) + "e" + (exponent < 0 ? "-" : "+")
            + (magnitude < 10 ? "0" : "") + String(magnitude)
    }

    /// `ddd.ddd` without exponent for value 0.digits × 10^point.
    static func plainForm(_ digits: String, _ point: Int) -> String {
        if point <= 0 { return "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return digits + String(repeating: "0", count: point - digits.count) }
        let split = digits.index(digits.startIndex, offsetBy: point)
        return String(digits[..<split]) + "." + String(digits[split...])
    }

    /// Splits Swift's shortest round-trip text (`1.5`, `1e-05`, `1.2345e+16`) into sign, significant digits
    /// (no leading or trailing zeros) and the decimal point's position: value = 0.digits × 10^point.
    static func decimalDigits(_ text: String) -> (negative: Bool, digits: String, point: Int) {
        var mantissa = Substring(text), exponent = 0, negative = false
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(mantissa[mantissa.index(after: e)...].replacingOccurrences(of: "+", with: "")) ?? 0
            mantissa = mantissa[..<e]
        }
        if mantissa.hasPrefix("-") { negative = true; mantissa = mantissa.dropFirst() }
        let integerPart = mantissa.prefix { $0 != "." }
        var digits = Substring(mantissa.filter { $0 != "." })
        var point = integerPart.count + exponent
        while digits.first == "0", digits.count > 1 { digits = digits.dropFirst(); point -= 1 }
        while digits.last == "0", digits.count > 1 { digits = digits.dropLast() }
        return (negative, String(digits), point)
    }
}
