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

    /// Parses like `semver.NewConstraint`: hyphen ranges become `>= a, <= b`, then each `||` group must be
    /// comparisons separated by blanks or commas.
    init(_ text: String) throws {
        var c = text
        for range in SemverSyntax.hyphenRanges(text) {
            if let r = c.range(of: range.match) { c.replaceSubrange(r, with: ">= \(range.low), <= \(range.high) ") }
        }
        for or in c.components(separatedBy: "||") {
            guard let parts = SemverSyntax.comparisons(or) else {
                throw FunctionError("improper constraint: \(GoQuote.quote(or))")
            }
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
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count, SemverSyntax.isSpace(bytes[start]) { start += 1 }
        guard let (op, m) = SemverSyntax.comparison(bytes, at: start),
              bytes[m.end...].allSatisfy(SemverSyntax.isSpace) else {
            throw FunctionError("improper constraint: \(GoQuote.quote(text))")
        }
        func slice(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        let g = ["", slice(op), slice(m.start..<m.end), slice(m.major), slice(m.minor), slice(m.patch), slice(m.pre)]
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
