/// Hand-written matchers for the regular expressions of Masterminds/semver v3 (the library behind Sprig's
/// `semver` and `semverCompare`), in Go's RE2 reading: `\s` is `[\t\n\f\r ]`, character classes are ASCII.
/// They replace NSRegularExpression, whose first use in a process costs milliseconds of ICU set-up, paid in
/// almost every chart (capability helpers call `semverCompare`). Each matcher is greedy where the expression is,
/// which gives the expression's own match: no optional part it takes can be given back to let the rest match.
enum SemverSyntax {
    /// Byte ranges of one version as matched: `minor`, `patch`, `pre` and `metadata` include their leading
    /// `.`, `-` or `+`, and are empty when absent.
    struct Version {
        var start: Int, end: Int
        var major: Range<Int>, minor: Range<Int>, patch: Range<Int>, pre: Range<Int>, metadata: Range<Int>
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    /// `[0-9|x|X|\*]`: a constraint's version part (the `|` is in upstream's class too).
    static func isWildcardDigit(_ b: UInt8) -> Bool { isDigit(b) || b == 0x78 || b == 0x58 || b == 0x2A || b == 0x7C }
    /// `[0-9A-Za-z-]`.
    static func isIdentifier(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x2D }
    static func isOperatorByte(_ b: UInt8) -> Bool { b == 0x3D || b == 0x21 || b == 0x3C || b == 0x3E || b == 0x7E || b == 0x5E }
    static let operators: Set<String> = ["", "=", "!=", ">", "<", ">=", "=>", "<=", "=<", "~", "~>", "^"]

    /// `v?(D+)(\.D+)?(\.D+)?(-ID(\.ID)*)?(\+ID(\.ID)*)?` at `start`, with `D` the class `digit` accepts.
    static func version(_ b: [UInt8], at start: Int, digit: (UInt8) -> Bool) -> Version? {
        var i = start
        if i < b.count, b[i] == UInt8(ascii: "v") { i += 1 }
        func run(_ from: Int, _ accept: (UInt8) -> Bool) -> Int {
            var j = from
            while j < b.count, accept(b[j]) { j += 1 }
            return j
        }
        let majorEnd = run(i, digit)
        guard majorEnd > i else { return nil }
        var result = Version(start: start, end: majorEnd, major: i..<majorEnd, minor: majorEnd..<majorEnd,
                             patch: majorEnd..<majorEnd, pre: majorEnd..<majorEnd, metadata: majorEnd..<majorEnd)
        /// `lead` followed by at least one byte of `accept` at `from`: the end of that run.
        func part(_ from: Int, _ lead: UInt8, _ accept: (UInt8) -> Bool) -> Int? {
            guard from < b.count, b[from] == lead else { return nil }
            let end = run(from + 1, accept)
            return end > from + 1 ? end : nil
        }
        /// `lead ID(\.ID)*`.
        func identifiers(_ from: Int, _ lead: UInt8) -> Int? {
            guard var end = part(from, lead, isIdentifier) else { return nil }
            while let next = part(end, UInt8(ascii: "."), isIdentifier) { end = next }
            return end
        }
        if let end = part(result.end, UInt8(ascii: "."), digit) {
            result.minor = result.end..<end
            result.end = end
            if let end = part(end, UInt8(ascii: "."), digit) { result.patch = result.end..<end; result.end = end }
        }
        result.pre = result.end..<result.end
        result.metadata = result.end..<result.end
        if let end = identifiers(result.end, UInt8(ascii: "-")) { result.pre = result.end..<end; result.end = end }
        if let end = identifiers(result.end, UInt8(ascii: "+")) { result.metadata = result.end..<end; result.end = end }
        return result
    }

    /// One comparison (`(ops)\s*(cv)`) at `start`: the operator and the version, or nil.
    static func comparison(_ b: [UInt8], at start: Int) -> (op: Range<Int>, version: Version)? {
        var i = start
        while i < b.count, isOperatorByte(b[i]) { i += 1 }
        guard operators.contains(String(decoding: b[start..<i], as: UTF8.self)) else { return nil }
        let op = start..<i
        while i < b.count, isSpace(b[i]) { i += 1 }
        guard let version = version(b, at: i, digit: isWildcardDigit) else { return nil }
        return (op, version)
    }

    /// The comparisons of one `||` group when all of it is comparisons separated by blanks or commas
    /// (upstream's `validConstraintRegex`), each as the text upstream's `findConstraintRegex` finds.
    static func comparisons(_ text: String) -> [String]? {
        let b = Array(text.utf8)
        var i = 0, parts: [String] = []
        while i < b.count, isSpace(b[i]) { i += 1 }
        while true {
            guard let (op, version) = comparison(b, at: i) else { return nil }
            parts.append(String(decoding: b[op.lowerBound..<version.end], as: UTF8.self))
            i = version.end
            let blanks = i
            while i < b.count, isSpace(b[i]) { i += 1 }
            if i == b.count { return parts }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                while i < b.count, isSpace(b[i]) { i += 1 }
            } else if i == blanks {
                return nil
            }
        }
    }

    /// Upstream's hyphen ranges (`\s*(cv)\s+-\s+(cv)\s*`, every match left to right): each matched text with
    /// its two versions.
    static func hyphenRanges(_ text: String) -> [(match: String, low: String, high: String)] {
        let b = Array(text.utf8)
        var found: [(String, String, String)] = []
        var start = 0
        while start < b.count {
            var i = start
            while i < b.count, isSpace(b[i]) { i += 1 }
            guard let low = version(b, at: i, digit: isWildcardDigit) else { start += 1; continue }
            var j = low.end
            let afterLow = j
            while j < b.count, isSpace(b[j]) { j += 1 }
            guard j > afterLow, j < b.count, b[j] == UInt8(ascii: "-") else { start += 1; continue }
            j += 1
            let afterDash = j
            while j < b.count, isSpace(b[j]) { j += 1 }
            guard j > afterDash, let high = version(b, at: j, digit: isWildcardDigit) else { start += 1; continue }
            var end = high.end
            while end < b.count, isSpace(b[end]) { end += 1 }
            func text(_ from: Int, _ to: Int) -> String { String(decoding: b[from..<to], as: UTF8.self) }
            found.append((text(start, end), text(low.start, low.end), text(high.start, high.end)))
            start = end
        }
        return found
    }
}
