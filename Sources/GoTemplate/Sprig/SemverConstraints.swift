import FerryCore
import Foundation

/// Masterminds/semver v3 constraints: `||` of comma- or space-separated comparisons, `x`/`*` wildcards,
/// `~` and `^` ranges, hyphen ranges (`1.2 - 1.4.5`), and pre-releases only where a constraint names one.
struct SemverConstraints: Sendable {
    struct Constraint: Sendable {
        var op: String
        var version: Semver
        var original: String
        var dirty = false, minorDirty = false, patchDirty = false
    }

    var groups: [[Constraint]] = []
    var groupHasPre: [Bool] = []

    static let ops = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^"
    static let cv = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
    static let single = try! NSRegularExpression(pattern: "^\\s*(\(ops))\\s*(\(cv))\\s*$")
    static let range = try! NSRegularExpression(pattern: "\\s*(\(cv))\\s+-\\s+(\(cv))\\s*")
    static let find = try! NSRegularExpression(pattern: "(\(ops))\\s*(\(cv))")
    static let valid = try! NSRegularExpression(pattern: "^(\\s*(\(ops))\\s*(\(cv))\\s*)((?:\\s+|,\\s*)(\(ops))\\s*(\(cv))\\s*)*$")

    static func groups(_ m: NSTextCheckingResult, _ ns: NSString) -> [String] {
        (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
    }

    /// Parses like `semver.NewConstraint`.
    init(_ text: String) throws {
        var c = text
        let ns = text as NSString
        for m in SemverConstraints.range.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let g = SemverConstraints.groups(m, ns)
            if let r = c.range(of: g[0]) { c.replaceSubrange(r, with: ">= \(g[1]), <= \(g[11]) ") }
        }
        for or in c.components(separatedBy: "||") {
            let ons = or as NSString
            let whole = NSRange(location: 0, length: ons.length)
            guard SemverConstraints.valid.firstMatch(in: or, range: whole) != nil else {
                throw FunctionError("improper constraint: \(GoQuote.quote(or))")
            }
            var parts = SemverConstraints.find.matches(in: or, range: whole).map { ons.substring(with: $0.range) }
            if parts.isEmpty { parts = [or] }
            let parsed = try parts.map(SemverConstraints.parse)
            groups.append(parsed)
            groupHasPre.append(parsed.contains { !$0.version.pre.isEmpty })
        }
    }

    static func isX(_ s: String) -> Bool { s == "x" || s == "X" || s == "*" }

    static func parse(_ text: String) throws -> Constraint {
        guard !text.isEmpty else {
            return Constraint(op: "", version: try Semver("0.0.0"), original: text, dirty: true)
        }
        let ns = text as NSString
        guard let m = single.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else {
            throw FunctionError("improper constraint: \(GoQuote.quote(text))")
        }
        let g = groups(m, ns)
        var c = Constraint(op: g[1], version: try Semver("0.0.0"), original: g[2])
        var version = g[2]
        let minor = String(g[4].dropFirst()), patch = String(g[5].dropFirst())
        if isX(g[3]) || g[3].isEmpty {
            version = "0.0.0" + g[6]
            c.dirty = true
        } else if isX(minor) || g[4].isEmpty {
            version = g[3] + ".0.0" + g[6]
            c.dirty = true
            c.minorDirty = true
        } else if isX(patch) || g[5].isEmpty {
            version = g[3] + g[4] + ".0" + g[6]
            c.dirty = true
            c.patchDirty = true
        }
        guard let v = try? Semver(version) else { throw FunctionError("constraint parser error") }
        c.version = v
        return c
    }

    /// True when some `||` group accepts `v` entirely.
    func check(_ v: Semver) -> Bool {
        zip(groups, groupHasPre).contains { group, hasPre in group.allSatisfy { $0.accepts(v, includePre: hasPre) } }
    }
}

extension SemverConstraints.Constraint {
    /// One comparison, following the library's rules for wildcards (the "dirty" parts).
    func accepts(_ v: Semver, includePre: Bool) -> Bool {
        if !v.pre.isEmpty && !includePre { return false }
        let c = version
        switch op {
        case "", "=": return dirty ? tilde(v) : v.compare(c) == 0
        case "!=": return notEqual(v)
        case ">":
            if !dirty { return v.compare(c) > 0 }
            if v.major != c.major { return v.major > c.major }
            if minorDirty { return false }
            if patchDirty { return v.minor > c.minor }
            return v.compare(c) > 0
        case "<": return v.compare(c) < 0
        case ">=", "=>": return v.compare(c) >= 0
        case "<=", "=<":
            if !dirty { return v.compare(c) <= 0 }
            if v.major > c.major { return false }
            return !(v.major == c.major && v.minor > c.minor && !minorDirty)
        case "~", "~>": return tilde(v)
        case "^": return caret(v)
        default: return false
        }
    }

    func notEqual(_ v: Semver) -> Bool {
        let c = version
        if dirty {
            if c.major != v.major { return true }
            if c.minor != v.minor && !minorDirty { return true }
            if minorDirty { return false }
            if c.patch != v.patch && !patchDirty { return true }
            if patchDirty {
                if !v.pre.isEmpty || !c.pre.isEmpty { return Semver.comparePrerelease(v.pre, c.pre) != 0 }
                return false
            }
        }
        return v.compare(c) != 0
    }

    func tilde(_ v: Semver) -> Bool {
        let c = version
        if v.compare(c) < 0 { return false }
        if c.major == 0 && c.minor == 0 && c.patch == 0 && !minorDirty && !patchDirty { return true }
        if v.major != c.major { return false }
        return v.minor == c.minor || minorDirty
    }

    func caret(_ v: Semver) -> Bool {
        let c = version
        if v.compare(c) < 0 { return false }
        if c.major > 0 || minorDirty { return v.major == c.major }
        if v.major > 0 { return false }
        if c.minor > 0 || patchDirty { return v.minor == c.minor }
        if v.minor > 0 { return false }
        return c.patch == v.patch
    }
}
