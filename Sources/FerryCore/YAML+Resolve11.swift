/// Plain-scalar typing of the YAML 1.1 dialect: what go-yaml v2 (as vendored by sigs.k8s.io/yaml, which Helm uses
/// for values files, Chart.yaml and `fromYaml`) makes of an unquoted, untagged scalar.
///
/// The rules, in order (the first byte picks the path, as go-yaml v2's resolve table does):
/// - exact spellings: `y Y yes Yes YES true True TRUE on On ON` are true, `n N no No NO false False FALSE off Off OFF`
///   false, `~ null Null NULL` and the empty scalar null, `.nan .NaN .NAN`, `[+-].inf .Inf .INF` floats;
///   other case mixes (`yEs`, `nULL`) are strings;
/// - text starting with `.`: a float when it is one (`.5`, `.5e3`);
/// - text starting with a digit or sign: a timestamp (`2015-01-01`, read as the string it is), else, with `_`
///   removed, an integer in Go's base-0 syntax (`0x1F`, `0o17`, `0b101`, `0777` octal), else an unsigned 64-bit
///   integer, else a float of the form `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` (so `08` is 8.0 and
///   `1e400`, out of range, stays a string);
/// - base-60 numbers (`1:20`) are strings — go-yaml v2 never reads them, though it quotes them when writing.
extension YAML {
    /// How a plain scalar is typed when the reader is in YAML 1.1 mode.
    static func resolvePlain11(_ text: String) -> Value {
        resolved11(text) ?? .string(text)
    }

    /// The non-string value go-yaml v2 gives a plain scalar, or nil when it stays a string.
    static func resolved11(_ text: String) -> Value? {
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "o"), UInt8(ascii: "O"),
             UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "~"):
            return specials11[text]
        case UInt8(ascii: "."):
            return specials11[text] ?? goDecimalFloat(text).map(Value.double)
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            if let special = specials11[text] { return special }
            fallthrough
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            if isGoTimestamp(text) { return nil }
            let plain = text.utf8.contains(UInt8(ascii: "_")) ? text.replacingOccurrences(of: "_", with: "") : text
            if let i = goParseInt(plain) { return .int(i) }
            if let u = goParseUint(plain) { return .double(Double(u)) }
            return goDecimalFloat(plain).map(Value.double)
        default:
            return nil
        }
    }

    /// The spellings go-yaml v2 looks up before anything else (`<<` is the merge key, handled by the reader).
    static let specials11: [String: Value] = {
        var table: [String: Value] = [:]
        for s in ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"] { table[s] = .bool(true) }
        for s in ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"] { table[s] = .bool(false) }
        for s in ["~", "null", "Null", "NULL"] { table[s] = .null }
        for s in [".nan", ".NaN", ".NAN"] { table[s] = .double(.nan) }
        for s in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"] { table[s] = .double(.infinity) }
        for s in ["-.inf", "-.Inf", "-.INF"] { table[s] = .double(-.infinity) }
        return table
    }()

    /// A plain mapping key as sigs.k8s.io/yaml turns it into a JSON object key: booleans become `true`/`false`,
    /// integers their decimal form, floats Go's shortest 32-bit `%g` form; a null key is an error.
    static func mappingKey11(_ text: String) -> String? {
        switch resolved11(text) {
        case nil: return text
        case .bool(let b)?: return b ? "true" : "false"
        case .int(let i)?: return String(i)
        case .double(let d)?:
            // sigs.k8s.io/yaml has no case for unsigned keys (those beyond Int64.max): an error, like null.
            if goParseUint(text.replacingOccurrences(of: "_", with: "")) != nil { return nil }
            return formatGoFloat(d, bitSize: 32)
        default: return nil
        }
    }

    // MARK: Go number syntax

    /// Go's `strconv.ParseInt(s, 0, 64)`: optional sign, then `0x`/`0o`/`0b` (either case) or a leading `0` for
    /// octal, else decimal; nil on bad syntax or overflow.
    static func goParseInt(_ text: String) -> Int64? {
        var body = Substring(text), negative = false
        if let c = body.first, c == "+" || c == "-" { negative = c == "-"; body = body.dropFirst() }
        guard let magnitude = goParseUint(String(body)) else { return nil }
        if negative { return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// Go's `strconv.ParseUint(s, 0, 64)` (no sign allowed).
    static func goParseUint(_ text: String) -> UInt64? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        var radix: UInt64 = 10, start = 0
        if bytes[0] == UInt8(ascii: "0") {
            let marker = bytes.count >= 3 ? bytes[1] | 0x20 : 0
            switch marker {
            case UInt8(ascii: "x"): radix = 16; start = 2
            case UInt8(ascii: "o"): radix = 8; start = 2
            case UInt8(ascii: "b"): radix = 2; start = 2
            default: radix = 8; start = 1
            }
        }
        var value: UInt64 = 0
        for byte in bytes[start...] {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = UInt64(byte | 0x20) - 87
            default: return nil
            }
            guard digit < radix else { return nil }
            let (scaled, o1) = value.multipliedReportingOverflow(by: radix)
            let (sum, o2) = scaled.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = sum
        }
        return value
    }

    /// A finite float of the form `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`; nil otherwise (Go's
    /// `ParseFloat` refuses out-of-range values, so `1e400` is no float).
    static func goDecimalFloat(_ text: String) -> Double? {
        var bytes = Substring(text).utf8[...]
        let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        if let c = bytes.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let integer = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(integer.count)
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fraction)
            if integer.isEmpty && fraction == 0 { return nil }
        } else if integer.isEmpty { return nil }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let c = bytes.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let exponent = bytes.prefix(while: isDigit).count
            if exponent == 0 { return nil }
            bytes = bytes.dropFirst(exponent)
        }
        guard bytes.isEmpty, let d = Double(text), d.isFinite else { return nil }
        return d
    }
}

// MARK: Timestamps and base-60 numbers

extension YAML {
    /// Whether go-yaml v2 reads the text as a timestamp: `YYYY-M-D`, optionally followed by `T`/`t` and
    /// `h:m:s[.frac]` and a zone (`Z` or `±hh:mm`), or by a space and `h:m:s[.frac]` without zone; fields
    /// in range (day within its month) as Go's `time.Parse` checks them.
    static func isGoTimestamp(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= 48, first <= 57 else { return false }
        var scan = DigitScanner(Array(text.utf8))
        guard let year = scan.fixed(4), scan.take("-"), let month = scan.short(), scan.take("-"), let day = scan.short(),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return false }
        if scan.atEnd { return true }
        guard let separator = scan.next(), [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(separator),
              let hour = scan.short(), scan.take(":"), let minute = scan.short(), scan.take(":"), let second = scan.short(),
              hour < 24, minute < 60, second < 60 else { return false }
        if scan.peek(".") || scan.peek(",") { _ = scan.next(); guard scan.digits() > 0 else { return false } }
        if separator == UInt8(ascii: " ") { return scan.atEnd }
        if scan.take("Z") { return scan.atEnd }
        guard let sign = scan.next(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
              let zoneHour = scan.fixed(2), scan.take(":"), let zoneMinute = scan.fixed(2) else { return false }
        return zoneHour <= 24 && zoneMinute <= 60 && scan.atEnd
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// go-yaml v2 never reads base-60 numbers but quotes text matching
    /// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?` when writing it.
    static func isBase60Float(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= 48 && first <= 57 || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
        else { return false }
        var scan = DigitScanner(Array(text.utf8))
        if !scan.take("+") { _ = scan.take("-") }
        guard scan.digits(allowUnderscore: true, firstDigit: true) > 0 else { return false }
        var groups = 0
        while scan.take(":") {
            let n = scan.digits()
            guard n == 1 || n == 2 else { return false }
            if n == 2, scan.bytes[scan.index - 2] > UInt8(ascii: "5") { return false }
            groups += 1
        }
        guard groups > 0 else { return false }
        if scan.take(".") { _ = scan.digits(allowUnderscore: true) }
        return scan.atEnd
    }
}

/// A cursor over ASCII bytes for the small fixed grammars above.
struct DigitScanner {
    let bytes: [UInt8]
    var index = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }
    func peek(_ c: Unicode.Scalar) -> Bool { index < bytes.count && bytes[index] == UInt8(ascii: c) }
    mutating func next() -> UInt8? { guard index < bytes.count else { return nil }; index += 1; return bytes[index - 1] }
    mutating func take(_ c: Unicode.Scalar) -> Bool { guard peek(c) else { return false }; index += 1; return true }
    private func digit(at i: Int) -> Int? { i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 ? Int(bytes[i] - 48) : nil }

    /// Exactly `count` digits as a number.
    mutating func fixed(_ count: Int) -> Int? {
        var value = 0
        for offset in 0..<count { guard let d = digit(at: index + offset) else { return nil }; value = value * 10 + d }
        index += count
        return value
    }

    /// One or two digits, as Go's time parser reads `1`, `2`, `15`, `4`, `5`.
    mutating func short() -> Int? {
        guard let first = digit(at: index) else { return nil }
        if let second = digit(at: index + 1) { index += 2; return first * 10 + second }
        index += 1
        return first
    }

    /// Skips a run of digits (and `_` when allowed, but not first when `firstDigit`); returns its length.
    mutating func digits(allowUnderscore: Bool = false, firstDigit: Bool = false) -> Int {
        let start = index
        while index < bytes.count, digit(at: index) != nil || (allowUnderscore && bytes[index] == UInt8(ascii: "_")
                                                               && !(firstDigit && index == start)) { index += 1 }
        return index - start
    }
}
