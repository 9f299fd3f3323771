import FerryCore
import Foundation
import GoTemplate

/// Rewrites the Go method calls Helm charts make on `.Files` and `.Capabilities.APIVersions` into calls of
/// plain functions, because Ferry's template data are plain values without methods:
///
/// - `X.Files.Get "p"` → `helmFiles "Get" X.Files "p"` (also `GetBytes`, `Glob`, `Lines`, `AsConfig`, `AsSecrets`)
/// - `(… .Files.Glob "p").AsConfig` and `$files.AsConfig` → `helmFilesAs "AsConfig" (…)` (also `AsSecrets`)
/// - `X.APIVersions.Has "v"` → `helmAPIVersionsHas X.APIVersions "v"`
///
/// It also gives Sprig's map-mutating functions Go's in-place effect for the common idiom
/// `$_ := set $dict "k" v` by rewriting it to `$dict = set $dict "k" v` (Ferry's maps are values; see
/// `Sprig.mutatingFunctions`). Mutations through fields (`set .Values.x …`) or aliases are not reflected.
///
/// Only code inside `{{ }}` is touched; string literals and comments are left alone.
enum HelmMethodRewriter {
    static let fileMethods = ["Get", "GetBytes", "Glob", "Lines", "AsConfig", "AsSecrets"]
    /// Text that marks something to rewrite: a file, then each of its actions, is looked at only when it has one.
    static let keys = [".Files", ".APIVersions", ".AsConfig", ".AsSecrets", "$_"]

    static func rewrite(_ text: String) -> String {
        guard keys.contains(where: { UTF8Bytes.contains(text, $0) }) else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            let action = rest[..<close.lowerBound]
            out += action.hasPrefix("/*") || action.hasPrefix("- /*") ? String(action) : rewriteAction(action)
            rest = rest[close.lowerBound...]
        }
        return out + rest
    }

    /// Masks string literals (so their text is never rewritten), rewrites the code, then restores them.
    static func rewriteAction(_ action: Substring) -> String {
        guard keys.contains(where: { UTF8Bytes.contains(String(action), $0) }) else { return String(action) }
        var masked = ""
        var literals: [Substring] = []
        var i = action.startIndex
        while i < action.endIndex {
            let c = action[i]
            if c == "\"" || c == "`" || c == "'" {
                var j = action.index(after: i)
                while j < action.endIndex, action[j] != c {
                    if action[j] == "\\", c != "`" { j = action.index(after: j); if j == action.endIndex { break } }
                    j = action.index(after: j)
                }
                if j < action.endIndex { j = action.index(after: j) }
                masked += "\u{E000}\(literals.count)\u{E001}"
                literals.append(action[i..<j])
                i = j
                continue
            }
            masked.append(c)
            i = action.index(after: i)
        }
        let out = rewriteMutations(rewriteCode(masked))
        return literals.isEmpty ? out : restoring(literals, in: out)
    }

    /// `code` with each mask `U+E000 n U+E001` replaced by `literals[n]`, in one pass over the masked code (the
    /// literals put back are not searched again).
    static func restoring(_ literals: [Substring], in code: String) -> String {
        let bytes = Array(code.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + literals.reduce(0) { $0 + $1.utf8.count })
        var i = 0
        while i < bytes.count {
            // U+E000 is EE 80 80 in UTF-8, U+E001 is EE 80 81.
            if bytes[i] == 0xEE, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
                var j = i + 3, index = 0
                while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { index = index * 10 + Int(bytes[j] - 0x30); j += 1 }
                if j > i + 3, j + 2 < bytes.count, bytes[j] == 0xEE, bytes[j + 1] == 0x80, bytes[j + 2] == 0x81,
                   index < literals.count {
                    out.append(contentsOf: literals[index].utf8)
                    i = j + 3
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `$_ := set $d …` → `$d = set $d …`: `$_`, optional blanks, `:=` or `=`, blanks, a mutating function's
    /// name, at least one blank, then a variable `$d` that no `.field` follows.
    static func rewriteMutations(_ code: String) -> String {
        guard UTF8Bytes.contains(code, "$_") else { return code }
        let bytes = Array(code.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if let (name, variable, end) = mutation(bytes, at: i) {
                out += variable + Array(" = ".utf8) + name + [UInt8(ascii: " ")] + variable
                i = end
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The mutation idiom starting at `start`: the function name, the variable, and where the match ends.
    private static func mutation(_ bytes: [UInt8], at start: Int) -> (name: ArraySlice<UInt8>, variable: ArraySlice<UInt8>, end: Int)? {
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        func isWord(_ b: UInt8) -> Bool { b == 0x5F || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        guard start + 1 < bytes.count, bytes[start] == UInt8(ascii: "$"), bytes[start + 1] == UInt8(ascii: "_") else { return nil }
        var i = start + 2
        while i < bytes.count, isBlank(bytes[i]) { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: ":") { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { return nil }
        i += 1
        while i < bytes.count, isBlank(bytes[i]) { i += 1 }
        let nameStart = i
        while i < bytes.count, bytes[i] | 0x20 >= 0x61, bytes[i] | 0x20 <= 0x7A { i += 1 }
        let name = bytes[nameStart..<i]
        guard Sprig.mutatingFunctions.contains(String(decoding: name, as: UTF8.self)), i < bytes.count, isBlank(bytes[i])
        else { return nil }
        while i < bytes.count, isBlank(bytes[i]) { i += 1 }
        let variableStart = i
        guard i < bytes.count, bytes[i] == UInt8(ascii: "$") else { return nil }
        i += 1
        while i < bytes.count, isWord(bytes[i]) { i += 1 }
        guard i > variableStart + 1, i == bytes.count || bytes[i] != UInt8(ascii: ".") else { return nil }
        return (name, bytes[variableStart..<i], i)
    }

    /// The receiver token ending just before `index` in `chars` (e.g. `$`, `$.Sub`, `.`, `$x`), and its start.
    static func receiverStart(_ chars: [Character], before index: Int) -> Int {
        var start = index
        while start > 0 {
            let c = chars[start - 1]
            if c.isLetter || c.isNumber || c == "_" || c == "." || c == "$" { start -= 1 } else { break }
        }
        return start
    }

    static func rewriteCode(_ code: String) -> String {
        var chars = Array(code)
        var i = 0
        while i < chars.count {
            // Every rewritten form starts with a `.`.
            guard chars[i] == "." else { i += 1; continue }
            if let (method, length) = match(chars, at: i, suffixes: fileMethods.map { ".Files." + $0 }) {
                let start = receiverStart(chars, before: i)
                let receiver = String(chars[start..<i]) + ".Files"
                let replacement = Array("helmFiles \"\(method)\" \(receiver)")
                chars.replaceSubrange(start..<(i + length), with: replacement)
                i = start + replacement.count
            } else if let (_, length) = match(chars, at: i, suffixes: [".APIVersions.Has"]) {
                let start = receiverStart(chars, before: i)
                let replacement = Array("helmAPIVersionsHas \(String(chars[start..<i])).APIVersions")
                chars.replaceSubrange(start..<(i + length), with: replacement)
                i = start + replacement.count
            } else if let (method, length) = match(chars, at: i, suffixes: [".AsConfig", ".AsSecrets"]) {
                let name = method
                if i > 0, chars[i - 1] == ")", let open = matchingOpen(chars, close: i - 1) {
                    let inner = String(chars[open...(i - 1)])
                    let replacement = Array("(helmFilesAs \"\(name)\" \(inner))")
                    chars.replaceSubrange(open..<(i + length), with: replacement)
                    i = open + replacement.count
                } else {
                    let start = receiverStart(chars, before: i)
                    let replacement = Array("helmFilesAs \"\(name)\" \(String(chars[start..<i]))")
                    chars.replaceSubrange(start..<(i + length), with: replacement)
                    i = start + replacement.count
                }
            } else {
                i += 1
            }
        }
        return String(chars)
    }

    /// Matches one of `suffixes` at `index` followed by a non-identifier character; returns the last segment.
    static func match(_ chars: [Character], at index: Int, suffixes: [String]) -> (String, Int)? {
        for suffix in suffixes {
            let s = Array(suffix)
            guard index + s.count <= chars.count, Array(chars[index..<index + s.count]) == s else { continue }
            if index + s.count < chars.count {
                let next = chars[index + s.count]
                if next.isLetter || next.isNumber || next == "_" || next == "." { continue }
            }
            return (String(suffix.split(separator: ".").last ?? ""), s.count)
        }
        return nil
    }

    static func matchingOpen(_ chars: [Character], close: Int) -> Int? {
        var depth = 0
        var i = close
        while i >= 0 {
            if chars[i] == ")" { depth += 1 } else if chars[i] == "(" { depth -= 1; if depth == 0 { return i } }
            i -= 1
        }
        return nil
    }
}
