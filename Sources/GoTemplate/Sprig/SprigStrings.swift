import FerryCore
import Foundation
import OrderedCollections

/// Sprig's string functions. Lengths and offsets count bytes, as Go's do.
enum SprigStrings {
    static func table(_ options: SprigOptions) -> FunctionMap {
        var t = basics
        t.merge(layout) { _, new in new }
        t.merge(lists) { _, new in new }
        t.merge(SprigCase.table) { _, new in new }
        t.merge(SprigRandom.table(options)) { _, new in new }
        return t
    }

    /// `f(s string) string`.
    static func unary(_ f: @escaping @Sendable (String) -> String) -> TemplateFunction {
        { args in try Arg.count(args, 1); return .str(f(try Arg.string(args[0]))) }
    }

    /// `f(a, b string)` with the subject last, as Sprig orders them for pipelines.
    static func binary(_ f: @escaping @Sendable (String, String) -> TemplateValue) -> TemplateFunction {
        { args in try Arg.count(args, 2); return f(try Arg.string(args[0]), try Arg.string(args[1])) }
    }

    static let basics: FunctionMap = [
        "hello": { args in try Arg.count(args, 0); return .str("Hello!") },
        "trim": unary { $0.trimmingGoSpace() },
        "trimAll": binary { cut, s in .str(s.goTrim(cut)) },
        "trimall": binary { cut, s in .str(s.goTrim(cut)) },
        "trimPrefix": binary { p, s in .str(goHasPrefix(s, p) ? String(decoding: s.utf8.dropFirst(p.utf8.count), as: UTF8.self) : s) },
        "trimSuffix": binary { p, s in .str(goHasSuffix(s, p) ? String(decoding: s.utf8.dropLast(p.utf8.count), as: UTF8.self) : s) },
        "upper": unary { $0.goMapScalars { $0.properties.uppercaseMapping } },
        "lower": unary { $0.goMapScalars { $0.properties.lowercaseMapping } },
        "title": unary(title),
        "untitle": unary(untitle),
        "nospace": unary { String(String.UnicodeScalarView($0.unicodeScalars.filter { !$0.isGoSpace })) },
        "initials": unary(initials),
        "contains": binary { sub, s in .bool(UTF8Bytes.contains(s, sub)) },
        "hasPrefix": binary { p, s in .bool(goHasPrefix(s, p)) },
        "hasSuffix": binary { p, s in .bool(goHasSuffix(s, p)) },
        "repeat": { args in
            try Arg.count(args, 2)
            let n = try Arg.int(args[0]), s = try Arg.string(args[1])
            guard n >= 0 else { throw FunctionError("strings: negative Repeat count") }
            let size = n.multipliedReportingOverflow(by: s.utf8.count)
            guard !size.overflow, size.partialValue <= 64 << 20 else { throw FunctionError("strings: Repeat output too large") }
            return .str(String(repeating: s, count: n))
        },
        "substr": { args in
            try Arg.count(args, 3)
            return .str(try substring(try Arg.int(args[0]), try Arg.int(args[1]), try Arg.string(args[2])))
        },
        "trunc": { args in
            try Arg.count(args, 2)
            let c = try Arg.int(args[0]), bytes = Array(try Arg.string(args[1]).utf8)
            if c < 0, bytes.count + c > 0 { return .str(String(decoding: bytes[(bytes.count + c)...], as: UTF8.self)) }
            if c >= 0, bytes.count > c { return .str(String(decoding: bytes[..<c], as: UTF8.self)) }
            return .str(String(decoding: bytes, as: UTF8.self))
        },
        "abbrev": { args in
            try Arg.count(args, 2)
            let width = try Arg.int(args[0]), s = try Arg.string(args[1])
            return .str(width < 4 ? s : abbreviate(s, offset: 0, width: width))
        },
        "abbrevboth": { args in
            try Arg.count(args, 3)
            let left = try Arg.int(args[0]), right = try Arg.int(args[1]), s = try Arg.string(args[2])
            if right < 4 || left > 0 && right < 7 { return .str(s) }
            return .str(abbreviate(s, offset: left, width: right))
        },
        "replace": { args in
            try Arg.count(args, 3)
            let old = try Arg.string(args[0]), new = try Arg.string(args[1]), s = try Arg.string(args[2])
            return .str(goReplace(s, old, new))
        },
        "plural": { args in
            try Arg.count(args, 3)
            let one = try Arg.string(args[0]), many = try Arg.string(args[1])
            return .str(try Arg.int(args[2]) == 1 ? one : many)
        },
    ]

    static let layout: FunctionMap = [
        "indent": { args in
            try Arg.count(args, 2)
            return .str(indent(try Arg.int(args[0]), try Arg.string(args[1])))
        },
        "nindent": { args in
            try Arg.count(args, 2)
            return .str("\n" + indent(try Arg.int(args[0]), try Arg.string(args[1])))
        },
        "wrap": { args in
            try Arg.count(args, 2)
            return .str(wrap(try Arg.string(args[1]), width: try Arg.int(args[0]), newline: "\n", longWords: false))
        },
        "wrapWith": { args in
            try Arg.count(args, 3)
            let sep = try Arg.string(args[1])
            return .str(wrap(try Arg.string(args[2]), width: try Arg.int(args[0]), newline: sep.isEmpty ? "\n" : sep, longWords: true))
        },
        "quote": { args in
            .str(spaced(args) { GoQuote.quote(Cast.string($0)) })
        },
        "squote": { args in
            .str(spaced(args) { "'" + GoFormat.v($0) + "'" })
        },
        "cat": { args in .str(spaced(args, GoFormat.v)) },
        "toString": { args in try Arg.count(args, 1); return .str(Cast.string(args[0].data)) },
    ]

    static let lists: FunctionMap = [
        "toStrings": { args in try Arg.count(args, 1); return .list(Cast.strings(args[0].data).map(Value.string)) },
        "join": { args in
            try Arg.count(args, 2)
            let sep = try Arg.string(args[0])
            return .str(joined(Cast.strings(args[1].data), sep))
        },
        "sortAlpha": { args in
            try Arg.count(args, 1)
            guard case .array = args[0].data else { return .list([.string(Cast.string(args[0].data))]) }
            let sorted = Cast.strings(args[0].data).sortedByBytes()
            return .list(sorted.map(Value.string))
        },
        "splitList": binary { sep, s in .list(goSplit(s, sep, -1).map(Value.string)) },
        "split": binary { sep, s in .map(indexed(goSplit(s, sep, -1))) },
        "splitn": { args in
            try Arg.count(args, 3)
            let sep = try Arg.string(args[0]), n = try Arg.int(args[1]), s = try Arg.string(args[2])
            return .map(indexed(goSplit(s, sep, n)))
        },
    ]

    /// The non-null arguments, each as `describe` writes it, separated by spaces (quote, squote, cat).
    static func spaced(_ args: [TemplateValue], _ describe: (Value) -> String) -> String {
        var out = "", first = true
        for arg in args where !arg.data.isNull {
            if !first { out += " " }
            out += describe(arg.data)
            first = false
        }
        return out
    }

    /// `parts` joined by `separator`, in concrete String code: the stdlib's generic `joined(separator:)`, reached
    /// unspecialised from these closures, looks up its collection's associated types at run time on every call.
    static func joined(_ parts: [String], _ separator: String) -> String {
        var out = ""
        for (i, part) in parts.enumerated() {
            if i > 0 { out += separator }
            out += part
        }
        return out
    }

    static func indexed(_ parts: [String]) -> OrderedDictionary<String, Value> {
        var out = OrderedDictionary<String, Value>()
        for (i, p) in parts.enumerated() { out["_\(i)"] = .string(p) }
        return out
    }

    /// Go's `strings.SplitN`: an empty separator splits into characters; `n == 0` gives nothing.
    static func goSplit(_ s: String, _ sep: String, _ n: Int) -> [String] {
        if n == 0 { return [] }
        if sep.isEmpty {
            var chars = s.unicodeScalars.map { String($0) }
            if n > 0, chars.count > n {
                let rest = chars[(n - 1)...].joined()
                chars = Array(chars[..<(n - 1)]) + [rest]
            }
            return chars
        }
        let bytes = Array(s.utf8), sepBytes = Array(sep.utf8)
        var parts: [String] = [], start = 0, i = 0
        while i + sepBytes.count <= bytes.count {
            if n > 0, parts.count == n - 1 { break }
            if bytes[i] == sepBytes[0], bytes[i..<(i + sepBytes.count)].elementsEqual(sepBytes) {
                parts.append(String(decoding: bytes[start..<i], as: UTF8.self))
                i += sepBytes.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    /// Go's `strings.Replace(s, old, new, -1)`; an empty `old` inserts `new` around every character.
    /// Go's `strings.HasPrefix`, by bytes.
    static func goHasPrefix(_ s: String, _ prefix: String) -> Bool { s.utf8.starts(with: prefix.utf8) }

    /// Go's `strings.HasSuffix`, by bytes.
    static func goHasSuffix(_ s: String, _ suffix: String) -> Bool {
        s.utf8.count >= suffix.utf8.count && s.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }

    static func goReplace(_ s: String, _ old: String, _ new: String) -> String {
        if old.isEmpty {
            let chars = s.unicodeScalars.map { String($0) }
            return new + chars.map { $0 + new }.joined()
        }
        // One-byte separators (`indent`'s "\n") by memchr over the bytes.
        if old.utf8.count == 1, let target = old.utf8.first { return UTF8Bytes.replacing(target, in: s, with: new) }
        return joined(goSplit(s, old, -1), new)
    }

    static func substring(_ start: Int, _ end: Int, _ s: String) throws -> String {
        let bytes = Array(s.utf8)
        var (lo, hi) = (start, end)
        if start < 0 { lo = 0 } else if end < 0 || end > bytes.count { hi = bytes.count }
        guard lo >= 0, hi <= bytes.count, lo <= hi else {
            throw FunctionError("runtime error: slice bounds out of range [\(lo):\(hi)] with length \(bytes.count)")
        }
        let range = lo..<hi
        return String(decoding: bytes[range], as: UTF8.self)
    }

    static func indent(_ n: Int, _ s: String) -> String {
        let pad = String(repeating: " ", count: min(max(0, n), 1 << 16))
        return pad + goReplace(s, "\n", "\n" + pad)
    }

    /// `strings.Title`: the first letter after a separator (anything but letters, digits, `_`) is title-cased.
    static func title(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var prev: Unicode.Scalar = " "
        for c in s.unicodeScalars {
            if isTitleSeparator(prev), let t = c.properties.titlecaseMapping.unicodeScalars.first,
               c.properties.titlecaseMapping.unicodeScalars.count == 1 {
                out.append(t)
            } else { out.append(c) }
            prev = c
        }
        return String(out)
    }

    static func isTitleSeparator(_ r: Unicode.Scalar) -> Bool {
        if r.isASCII {
            let c = Character(r)
            return !(c.isLetter || c.isNumber || c == "_")
        }
        if r.properties.isAlphabetic || r.properties.numericType == .decimal { return false }
        return r.isGoSpace
    }

    /// goutils `Uncapitalize`: the first letter of each whitespace-separated word is lower-cased.
    static func untitle(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var next = true
        for c in s.unicodeScalars {
            if c.isGoSpace { next = true; out.append(c) }
            else if next { out.append(contentsOf: c.simpleLower); next = false }
            else { out.append(c) }
        }
        return String(out)
    }

    /// goutils `Initials`: the first byte of each whitespace-separated word.
    static func initials(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var gap = true
        for b in s.utf8 {
            let r = Unicode.Scalar(b)
            if r.isGoSpace { gap = true } else if gap { out.append(r); gap = false }
        }
        return String(out)
    }

    /// goutils `AbbreviateFull` over bytes.
    static func abbreviate(_ s: String, offset start: Int, width: Int) -> String {
        let b = Array(s.utf8)
        let text = { (r: Range<Int>) in String(decoding: b[r], as: UTF8.self) }
        if b.isEmpty || b.count <= width { return s }
        var offset = min(start, b.count)
        if b.count - offset < width - 3 { offset = b.count - (width - 3) }
        if offset <= 4 { return text(0..<(width - 3)) + "..." }
        if width < 7 { return s }
        if offset + width - 3 < b.count {
            return "..." + abbreviate(text(offset..<b.count), offset: 0, width: width - 3)
        }
        return "..." + text((b.count - (width - 3))..<b.count)
    }

    /// goutils `WrapCustom`: wraps at spaces; long words stay whole unless `longWords`.
    static func wrap(_ s: String, width: Int, newline: String, longWords: Bool) -> String {
        if s.isEmpty { return "" }
        let b = Array(s.utf8), w = max(1, width)
        let text = { (r: Range<Int>) in String(decoding: b[r], as: UTF8.self) }
        var out = "", offset = 0
        while b.count - offset > w {
            if b[offset] == 0x20 { offset += 1; continue }
            let end = min(w + offset + 1, b.count)
            if let space = b[offset..<end].lastIndex(of: 0x20) {
                out += text(offset..<space) + newline
                offset = space + 1
            } else if longWords {
                out += text(offset..<(offset + w)) + newline
                offset += w
            } else if let space = b[(offset + w)...].firstIndex(of: 0x20) {
                out += text(offset..<space) + newline
                offset = space + 1
            } else {
                out += text(offset..<b.count)
                offset = b.count
            }
        }
        return out + text(offset..<b.count)
    }
}

extension Unicode.Scalar {
    /// Go's `unicode.IsSpace`.
    var isGoSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        default: return value > 0xFF && properties.isWhitespace
        }
    }

    /// The one-scalar lower-case mapping, or the scalar itself (Go's `unicode.ToLower`).
    var simpleLower: [Unicode.Scalar] {
        let m = properties.lowercaseMapping.unicodeScalars
        return m.count == 1 ? Array(m) : [self]
    }

    /// The one-scalar upper-case mapping, or the scalar itself (Go's `unicode.ToUpper`).
    var simpleUpper: [Unicode.Scalar] {
        let m = properties.uppercaseMapping.unicodeScalars
        return m.count == 1 ? Array(m) : [self]
    }
}

extension String {
    /// Maps each scalar through a case mapping, keeping it when the mapping is not a single scalar.
    func goMapScalars(_ mapping: (Unicode.Scalar) -> String) -> String {
        var out = String.UnicodeScalarView()
        for c in unicodeScalars {
            let m = mapping(c).unicodeScalars
            if m.count == 1, let first = m.first { out.append(first) } else { out.append(c) }
        }
        return String(out)
    }

    /// Go's `strings.TrimSpace`.
    func trimmingGoSpace() -> String {
        let scalars = Array(unicodeScalars)
        guard let start = scalars.firstIndex(where: { !$0.isGoSpace }),
              let end = scalars.lastIndex(where: { !$0.isGoSpace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }

    /// Go's `strings.Trim(s, cutset)`.
    func goTrim(_ cutset: String) -> String {
        let cut = Set(cutset.unicodeScalars)
        let scalars = Array(unicodeScalars)
        guard let start = scalars.firstIndex(where: { !cut.contains($0) }),
              let end = scalars.lastIndex(where: { !cut.contains($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
