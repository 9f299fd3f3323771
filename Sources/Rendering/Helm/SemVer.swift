/// A semantic version and Masterminds-style constraints (`>=1.20.0-0`, `^1.2`, `~1.2.3`, `1.x`,
/// `1.2 - 1.4`, `,`/space for AND, `||` for OR), enough for Chart.yaml's `kubeVersion`.
struct SemVer: Comparable {
    var major: Int
    var minor: Int
    var patch: Int
    var prerelease: String

    /// Parses `v1.2.3-pre+meta`, `1.2`, `1`; nil when not a version.
    init?(_ text: String) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        if s.hasPrefix("v") || s.hasPrefix("V") { s = s.dropFirst() }
        if let plus = s.firstIndex(of: "+") { s = s[..<plus] }
        var pre = ""
        if let dash = s.firstIndex(of: "-") { pre = String(s[s.index(after: dash)...]); s = s[..<dash] }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
        major = parts[0] ?? 0
        minor = parts.count > 1 ? parts[1] ?? 0 : 0
        patch = parts.count > 2 ? parts[2] ?? 0 : 0
        prerelease = pre
    }

    init(_ major: Int, _ minor: Int, _ patch: Int, _ prerelease: String = "") {
        self.major = major; self.minor = minor; self.patch = patch; self.prerelease = prerelease
    }

    static func < (a: SemVer, b: SemVer) -> Bool {
        if (a.major, a.minor, a.patch) != (b.major, b.minor, b.patch) { return (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch) }
        if a.prerelease == b.prerelease { return false }
        if a.prerelease.isEmpty { return false }
        if b.prerelease.isEmpty { return true }
        return a.prerelease < b.prerelease
    }

    /// True when `version` satisfies `constraint`; nil when the constraint cannot be parsed.
    static func satisfies(_ version: SemVer, _ constraint: String) -> Bool? {
        for alternative in constraint.components(separatedBy: "||") {
            var ok = true
            let text = alternative.replacingOccurrences(of: ",", with: " ")
            var tokens = text.split(separator: " ").map(String.init)
            // Join operators written apart from their version (`>= 1.2`).
            var joined: [String] = []
            while !tokens.isEmpty {
                var t = tokens.removeFirst()
                if ["=", "!=", ">", "<", ">=", "<=", "~", "^", "=>", "=<"].contains(t), !tokens.isEmpty { t += tokens.removeFirst() }
                if t == "-", let last = joined.popLast(), !tokens.isEmpty { t = last + " - " + tokens.removeFirst() }
                joined.append(t)
            }
            for term in joined {
                guard let result = check(version, term) else { return nil }
                if !result { ok = false }
            }
            if ok && !joined.isEmpty { return true }
        }
        return false
    }

    static func check(_ v: SemVer, _ term: String) -> Bool? {
        if term.contains(" - ") {
            let ends = term.components(separatedBy: " - ")
            guard ends.count == 2, let lo = SemVer(ends[0]), let hi = bound(ends[1]) else { return nil }
            return v >= lo && v < hi
        }
        var op = ""
        var rest = Substring(term)
        while let c = rest.first, "=!<>~^".contains(c) { op.append(c); rest = rest.dropFirst() }
        let body = String(rest)
        if body == "*" || body.lowercased() == "x" { return true }
        let wild = body.split(separator: ".").map { $0 == "x" || $0 == "X" || $0 == "*" }
        let clean = body.split(separator: ".").prefix { !($0 == "x" || $0 == "X" || $0 == "*") }.joined(separator: ".")
        guard let base = SemVer(clean.isEmpty ? "0" : clean) else { return nil }
        let given = clean.split(separator: ".").count
        let stripped = SemVer(v.major, v.minor, v.patch, base.prerelease.isEmpty ? "" : v.prerelease)
        if !v.prerelease.isEmpty && base.prerelease.isEmpty && op != "!=" { return false }
        let next: SemVer = given <= 1 ? SemVer(base.major + 1, 0, 0) : given == 2 ? SemVer(base.major, base.minor + 1, 0)
            : SemVer(base.major, base.minor, base.patch + 1)
        switch op {
        case "", "=": return wild.contains(true) || given < 3 ? (stripped >= base && stripped < next) : stripped == base
        case "!=": return !(stripped >= base && stripped < next)
        case ">": return given < 3 ? stripped >= next : stripped > base
        case ">=", "=>": return stripped >= base
        case "<": return stripped < base
        case "<=", "=<": return given < 3 ? stripped < next : stripped <= base
        case "~", "~>": return stripped >= base && stripped < (given <= 1 ? SemVer(base.major + 1, 0, 0) : SemVer(base.major, base.minor + 1, 0))
        case "^":
            let upper = base.major > 0 || given == 1 ? SemVer(base.major + 1, 0, 0)
                : base.minor > 0 || given == 2 ? SemVer(0, base.minor + 1, 0) : SemVer(0, 0, base.patch + 1)
            return stripped >= base && stripped < upper
        default: return nil
        }
    }

    static func bound(_ text: String) -> SemVer? {
        let parts = text.split(separator: ".").count
        guard let v = SemVer(text) else { return nil }
        return parts == 1 ? SemVer(v.major + 1, 0, 0) : parts == 2 ? SemVer(v.major, v.minor + 1, 0) : SemVer(v.major, v.minor, v.patch + 1)
    }
}
