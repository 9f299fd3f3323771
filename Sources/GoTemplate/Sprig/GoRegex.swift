import Foundation

/// Go RE2 patterns run on NSRegularExpression (ICU).
///
/// The pattern is translated so ICU matches as RE2 would: `(?P<name>` becomes `(?<name>`; `\d \w \s` and POSIX
/// classes (`[[:alpha:]]`) are ASCII-only as in RE2; `$` outside multi-line mode means end of text (`\z`);
/// `.` outside dot-all mode excludes only `\n`. Syntax RE2 rejects (back-references, look-around,
/// possessive and atomic groups) is rejected with Go's message. Limits: `\b` and case folding use ICU's
/// Unicode rules; `\C`, `\Q…\E` inside classes and RE2's 1000-repeat limit are not reproduced.
struct GoRegex {
    let regex: NSRegularExpression

    init(_ pattern: String) throws {
        let translated = try GoRegex.translate(pattern)
        do {
            regex = try NSRegularExpression(pattern: translated, options: [])
        } catch {
            throw FunctionError("error parsing regexp: invalid pattern: `\(pattern)`")
        }
    }

    static func unsupported(_ what: String) -> FunctionError {
        FunctionError("error parsing regexp: invalid or unsupported Perl syntax: `\(what)`")
    }

    static let posix: [String: String] = [
        "alnum": "0-9A-Za-z", "alpha": "A-Za-z", "ascii": "\\x00-\\x7F", "blank": "\\t ",
        "cntrl": "\\x00-\\x1F\\x7F", "digit": "0-9", "graph": "!-~", "lower": "a-z", "print": " -~",
        "punct": "!-/:-@\\[-`{-~", "space": "\\t\\n\\x0B\\f\\r ", "upper": "A-Z", "word": "0-9A-Za-z_",
        "xdigit": "0-9A-Fa-f",
    ]
    static let perlInClass: [Character: String] = ["d": "0-9", "w": "0-9A-Za-z_", "s": "\\t\\n\\f\\r "]
    static let perl: [Character: String] = [
        "d": "[0-9]", "D": "[^0-9]", "w": "[0-9A-Za-z_]", "W": "[^0-9A-Za-z_]", "s": "[\\t\\n\\f\\r ]", "S": "[^\\t\\n\\f\\r ]",
    ]

    /// Rewrites an RE2 pattern into an ICU pattern with the same matches.
    static func translate(_ pattern: String) throws -> String {
        let chars = Array(pattern)
        let flagGroups = pattern.components(separatedBy: "(?").dropFirst().map { $0.prefix { $0.isLetter || $0 == "-" } }
        let multiline = flagGroups.contains { $0.prefix { $0 != "-" }.contains("m") }
        let dotAll = flagGroups.contains { $0.prefix { $0 != "-" }.contains("s") }
        var out = "", i = 0, inClass = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                guard i + 1 < chars.count else { throw FunctionError("error parsing regexp: trailing backslash at end of expression: ``") }
                let n = chars[i + 1]
                if n.isNumber, n != "0" { throw FunctionError("error parsing regexp: invalid escape sequence: `\\\(n)`") }
                if inClass, let r = perlInClass[n] { out += r } else if !inClass, let r = perl[n] { out += r } else { out += "\\\(n)" }
                i += 2
                continue
            }
            if inClass {
                if c == "[", i + 1 < chars.count, chars[i + 1] == ":" {
                    let rest = String(chars[(i + 2)...])
                    if let end = rest.range(of: ":]") {
                        let name = String(rest[..<end.lowerBound])
                        if let r = posix[name] {
                            out += r
                            i += 2 + name.count + 2
                            continue
                        }
                    }
                }
                if c == "[" { out += "\\[" } else { out.append(c) }
                if c == "]" { inClass = false }
                i += 1
                continue
            }
            switch c {
            case "[":
                inClass = true
                out.append(c)
                i += 1
                if i < chars.count, chars[i] == "^" { out.append("^"); i += 1 }
                if i < chars.count, chars[i] == "]" { out += "\\]"; i += 1 }
                continue
            case "(":
                if i + 1 < chars.count, chars[i + 1] == "?" {
                    let next = i + 2 < chars.count ? chars[i + 2] : " "
                    if next == "P", i + 3 < chars.count, chars[i + 3] == "<" { out += "(?<"; i += 4; continue }
                    if "=!>".contains(next) { throw unsupported("(?\(next)") }
                    if next == "<" { throw unsupported("(?<") }
                }
                out.append(c)
            case "$": out += multiline ? "$" : "\\z"
            case ".": out += dotAll ? "." : "[^\\n]"
            case "+", "*", "?", "}":
                out.append(c)
                if i + 1 < chars.count, chars[i + 1] == "+" { throw FunctionError("error parsing regexp: invalid nested repetition operator: `\(c)+`") }
            default: out.append(c)
            }
            i += 1
        }
        return out
    }

    /// Byte-independent match ranges in `s` as Go's `FindAllIndex` reports them: an empty match right after
    /// the previous match is skipped. `n < 0` means all.
    func matches(in s: String, limit n: Int = -1) -> [NSTextCheckingResult] {
        if n == 0 { return [] }
        let ns = s as NSString
        var out: [NSTextCheckingResult] = []
        var previousEnd = -1
        regex.enumerateMatches(in: s, options: [], range: NSRange(location: 0, length: ns.length)) { result, _, stop in
            guard let result else { return }
            let r = result.range
            if r.length == 0, r.location == previousEnd { return }
            out.append(result)
            previousEnd = r.location + r.length
            if n > 0, out.count >= n { stop.pointee = true }
        }
        return out
    }

    /// Go's `ReplaceAllString` (with `$1`, `${name}` expansion) or `ReplaceAllLiteralString`.
    func replaceAll(_ s: String, with template: String, literal: Bool) -> String {
        let ns = s as NSString
        var out = "", last = 0
        for m in matches(in: s) {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            out += literal ? template : expand(template, match: m, in: ns)
            last = m.range.location + m.range.length
        }
        return out + ns.substring(from: last)
    }

    /// Go's `Regexp.Expand`: `$n`, `${n}`, `$name`, `${name}`, `$$`; a name is the longest run of word characters.
    func expand(_ template: String, match: NSTextCheckingResult, in ns: NSString) -> String {
        var out = "", chars = Array(template)[...]
        while let c = chars.popFirst() {
            guard c == "$", let next = chars.first else { out.append(c); continue }
            if next == "$" { out.append("$"); chars.removeFirst(); continue }
            var name = ""
            if next == "{" {
                guard let close = chars.firstIndex(of: "}") else { out.append(c); continue }
                name = String(chars[chars.index(after: chars.startIndex)..<close])
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { out.append(c); continue }
                chars = chars[chars.index(after: close)...]
            } else {
                name = String(chars.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
                guard !name.isEmpty else { out.append(c); continue }
                chars = chars.dropFirst(name.count)
            }
            out += group(name, match: match, in: ns)
        }
        return out
    }

    func group(_ name: String, match: NSTextCheckingResult, in ns: NSString) -> String {
        let range: NSRange
        if let index = Int(name) {
            guard index < match.numberOfRanges else { return "" }
            range = match.range(at: index)
        } else {
            guard regex.pattern.contains("(?<\(name)>") else { return "" }
            range = match.range(withName: name)
        }
        return range.location == NSNotFound ? "" : ns.substring(with: range)
    }

    /// Go's `Regexp.Split`.
    func split(_ s: String, limit n: Int) -> [String] {
        if n == 0 { return [] }
        if !regex.pattern.isEmpty && s.isEmpty { return [""] }
        let ns = s as NSString
        var parts: [String] = [], begin = 0, end = 0
        for m in matches(in: s, limit: n) {
            if n > 0, parts.count == n - 1 { break }
            end = m.range.location
            if m.range.location + m.range.length != 0 { parts.append(ns.substring(with: NSRange(location: begin, length: end - begin))) }
            begin = m.range.location + m.range.length
        }
        if end != ns.length { parts.append(ns.substring(from: begin)) }
        return parts
    }

    /// Go's `regexp.QuoteMeta`.
    static func quoteMeta(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\.+*?()|[]{}^$".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
