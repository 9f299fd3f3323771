import FerryCore
import Foundation
import OrderedCollections

/// Go's `path` functions (`base`, `dir`, `clean`, `ext`, `isAbs`, and the `os*` twins, identical on Linux).
enum SprigPaths {
    static var table: FunctionMap {
        let base: FunctionMap = [
            "base": SprigStrings.unary(self.base),
            "dir": SprigStrings.unary(dir),
            "clean": SprigStrings.unary(clean),
            "ext": SprigStrings.unary(ext),
            "isAbs": { args in try Arg.count(args, 1); return .bool(try Arg.string(args[0]).hasPrefix("/")) },
        ]
        var t = base
        for (name, fn) in base { t["os" + name.prefix(1).uppercased() + name.dropFirst()] = fn }
        return t
    }

    /// `path.Clean`: collapses `//`, `.` and `..` lexically; the empty path is `.`.
    static func clean(_ p: String) -> String {
        if p.isEmpty { return "." }
        let rooted = p.hasPrefix("/")
        var out: [Substring] = []
        for part in p.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = out.last, last != ".." { out.removeLast() } else if !rooted { out.append(part) }
            default: out.append(part)
            }
        }
        let joined = out.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `path.Base`: the last element; `.` for empty, `/` for all slashes.
    static func base(_ p: String) -> String {
        if p.isEmpty { return "." }
        var s = Substring(p)
        while s.hasSuffix("/") { s = s.dropLast() }
        if s.isEmpty { return "/" }
        if let slash = s.lastIndex(of: "/") { s = s[s.index(after: slash)...] }
        return String(s)
    }

    /// `path.Dir`: everything before the last element, cleaned.
    static func dir(_ p: String) -> String {
        guard let slash = p.lastIndex(of: "/") else { return "." }
        return clean(String(p[...slash]))
    }

    /// `path.Ext`: the suffix from the last dot of the last element.
    static func ext(_ p: String) -> String {
        for i in p.indices.reversed() {
            if p[i] == "/" { return "" }
            if p[i] == "." { return String(p[i...]) }
        }
        return ""
    }
}

/// `urlParse` and `urlJoin` with Go's `net/url` field names.
enum SprigURL {
    static let table: FunctionMap = [
        "urlParse": { args in try Arg.count(args, 1); return .map(try parse(try Arg.string(args[0]))) },
        "urlJoin": { args in try Arg.count(args, 1); return .str(try join(try Arg.map(args[0]))) },
    ]

    static func parse(_ raw: String) throws -> OrderedDictionary<String, Value> {
        var rest = Substring(raw)
        var fragment = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = percentDecode(String(rest[rest.index(after: hash)...])) ?? String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        guard !rest.contains(where: { $0.isASCII && ($0.asciiValue ?? 0) < 0x20 || $0 == "\u{7F}" }) else {
            throw FunctionError("unable to parse url: parse \(GoQuote.quote(raw)): net/url: invalid control character in URL")
        }
        var scheme = "", query = "", opaque = "", host = "", userinfo = ""
        if let colon = rest.firstIndex(of: ":"), let first = rest.first, first.isLetter,
           rest[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) {
            scheme = rest[..<colon].lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        if !scheme.isEmpty, !rest.hasPrefix("/") {
            opaque = String(rest)
            rest = ""
        } else if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = rest[..<end]
            rest = rest[end...]
            if let at = authority.lastIndex(of: "@") {
                userinfo = String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            host = String(authority)
        }
        guard let path = percentDecode(String(rest)) else {
            throw FunctionError("unable to parse url: parse \(GoQuote.quote(raw)): invalid URL escape")
        }
        return ["scheme": .string(scheme), "host": .string(host), "hostname": .string(hostname(host)),
                "path": .string(path), "query": .string(query), "opaque": .string(opaque),
                "fragment": .string(fragment), "userinfo": .string(userinfo)]
    }

    static func hostname(_ host: String) -> String {
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            return String(host[host.index(after: host.startIndex)..<close])
        }
        if let colon = host.lastIndex(of: ":") { return String(host[..<colon]) }
        return host
    }

    static func percentDecode(_ s: String) -> String? {
        guard s.contains("%") else { return s }
        return s.removingPercentEncoding
    }

    /// Go's `url.URL.String()` for the dictionary's fields (each must be a string).
    static func join(_ d: OrderedDictionary<String, Value>) throws -> String {
        func field(_ key: String) throws -> String {
            guard let v = d[key] else { return "" }
            guard case .string(let s) = v else {
                throw FunctionError("unable to parse \(key) key, must be of type string, but \(v.goKind) found")
            }
            return s
        }
        let scheme = try field("scheme"), host = try field("host"), path = try field("path")
        let query = try field("query"), opaque = try field("opaque"), fragment = try field("fragment")
        let user = try field("userinfo")
        var out = scheme.isEmpty ? "" : scheme + ":"
        if !opaque.isEmpty {
            out += opaque
        } else {
            if !scheme.isEmpty || !host.isEmpty || !user.isEmpty {
                if !host.isEmpty || !path.isEmpty || !user.isEmpty { out += "//" }
                if !user.isEmpty { out += user + "@" }
                out += host
            }
            let escaped = escapePath(path)
            if !escaped.isEmpty, !escaped.hasPrefix("/"), !host.isEmpty { out += "/" }
            if out.isEmpty, let colon = escaped.firstIndex(of: ":"), !escaped[..<colon].contains("/") { out += "./" }
            out += escaped
        }
        if !query.isEmpty { out += "?" + query }
        if !fragment.isEmpty { out += "#" + escapeFragment(fragment) }
        return out
    }

    static let pathAllowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~$&+,/:;=@!*'()")
    static func escapePath(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: pathAllowed) ?? s }
    static func escapeFragment(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: pathAllowed.union(CharacterSet(charactersIn: "?"))) ?? s
    }
}
