/// Glob patterns as Helm's `.Files.Glob` and `.helmignore` use them: `*` and `?` stay within one path
/// segment, `**` crosses segments, `[abc]`/`[a-z]`/`[!a]` classes and `{a,b}` alternatives.
enum Glob {
    /// True when `pattern` matches the whole of `text`.
    static func matches(_ pattern: String, _ text: String) -> Bool {
        for alternative in expandBraces(pattern) where match(Array(alternative.unicodeScalars), 0, Array(text.unicodeScalars), 0) {
            return true
        }
        return false
    }

    static func expandBraces(_ pattern: String) -> [String] {
        guard let open = pattern.firstIndex(of: "{"), let close = pattern[open...].firstIndex(of: "}") else { return [pattern] }
        let head = pattern[..<open], tail = pattern[pattern.index(after: close)...]
        let options = pattern[pattern.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false)
        return options.flatMap { expandBraces(String(head) + $0 + tail) }
    }

    private static func match(_ p: [Unicode.Scalar], _ pi: Int, _ t: [Unicode.Scalar], _ ti: Int) -> Bool {
        var pi = pi, ti = ti
        while pi < p.count {
            switch p[pi] {
            case "*":
                let doubleStar = pi + 1 < p.count && p[pi + 1] == "*"
                let next = pi + (doubleStar ? 2 : 1)
                var k = ti
                while true {
                    if match(p, next, t, k) { return true }
                    if k >= t.count || (!doubleStar && t[k] == "/") { return false }
                    k += 1
                }
            case "?":
                guard ti < t.count, t[ti] != "/" else { return false }
                pi += 1; ti += 1
            case "[":
                guard ti < t.count, let (matched, end) = matchClass(p, pi, t[ti]), matched else { return false }
                pi = end; ti += 1
            case "\\" where pi + 1 < p.count:
                guard ti < t.count, t[ti] == p[pi + 1] else { return false }
                pi += 2; ti += 1
            default:
                guard ti < t.count, t[ti] == p[pi] else { return false }
                pi += 1; ti += 1
            }
        }
        return ti == t.count
    }

    /// Matches one character against the class starting at `start`; returns the result and the index after `]`.
    private static func matchClass(_ p: [Unicode.Scalar], _ start: Int, _ c: Unicode.Scalar) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < p.count, p[i] == "!" || p[i] == "^" { negate = true; i += 1 }
        var found = false
        var first = true
        while i < p.count, p[i] != "]" || first {
            first = false
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                if p[i].value <= c.value && c.value <= p[i + 2].value { found = true }
                i += 3
            } else {
                if p[i] == c { found = true }
                i += 1
            }
        }
        guard i < p.count else { return nil }
        return (found != negate, i + 1)
    }
}
