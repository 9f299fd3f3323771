/// The order go-yaml v2 writes map keys in (its `keyList.Less` for string keys), which Helm's `toYaml` inherits:
/// rune by rune, letters compare by code point, a non-letter sorts before a letter, and runs of digits compare as
/// numbers (`a2` before `a10`, `16` before `1000`); a key that is a prefix of another sorts first. It differs from
/// byte order for digit runs and for punctuation against upper-case letters (`a_b` before `aB`).
extension YAML {
    /// Whether go-yaml v2 writes key `a` before key `b`.
    static func goYAMLKeyLess(_ a: String, _ b: String) -> Bool {
        // Fast path: at the first differing byte, two ASCII letters, or an ASCII letter against another ASCII
        // character, decide alone (no digit run is involved); otherwise the rune-by-rune rules below.
        let decided: Bool? = UTF8Bytes.with(a) { xs in
            UTF8Bytes.with(b) { ys in
                let n = min(xs.count, ys.count)
                var i = 0
                while i < n {
                    let x = xs[i], y = ys[i]
                    i += 1
                    if x == y { continue }
                    guard x < 0x80, y < 0x80 else { return nil }
                    let xl = (x | 0x20) >= 97 && (x | 0x20) <= 122, yl = (y | 0x20) >= 97 && (y | 0x20) <= 122
                    if xl && yl { return x < y }
                    if xl != yl { return yl }
                    return nil
                }
                return xs.count < ys.count
            }
        }
        return decided ?? runeKeyLess(a, b)
    }

    /// The rune-by-rune comparison itself (what the fast path of `goYAMLKeyLess` must agree with).
    static func runeKeyLess(_ a: String, _ b: String) -> Bool {
        let ar = Array(a.unicodeScalars), br = Array(b.unicodeScalars)
        var i = 0
        while i < ar.count && i < br.count {
            defer { i += 1 }
            if ar[i] == br[i] { continue }
            let al = isGoLetter(ar[i]), bl = isGoLetter(br[i])
            if al && bl { return ar[i].value < br[i].value }
            if al || bl { return bl }
            var an: Int64 = 0, bn: Int64 = 0
            if ar[i] == "0" || br[i] == "0" {
                // Inside a digit run that has a non-zero digit, a zero is not a leading zero.
                var j = i - 1
                while j >= 0, isGoDigit(ar[j]) {
                    if ar[j] != "0" { an = 1; bn = 1; break }
                    j -= 1
                }
            }
            var ai = i, bi = i
            while ai < ar.count, isGoDigit(ar[ai]) { an = an &* 10 &+ (Int64(ar[ai].value) - 48); ai += 1 }
            while bi < br.count, isGoDigit(br[bi]) { bn = bn &* 10 &+ (Int64(br[bi].value) - 48); bi += 1 }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i].value < br[i].value
        }
        return ar.count < br.count
    }

    /// Go's `unicode.IsLetter`: general categories Lu, Ll, Lt, Lm, Lo.
    private static func isGoLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Go's `unicode.IsDigit`: general category Nd.
    private static func isGoDigit(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? s.value >= 48 && s.value <= 57 : s.properties.generalCategory == .decimalNumber
    }
}
