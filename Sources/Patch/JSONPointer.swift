import FerryCore

/// A JSON Pointer (RFC 6901): `/spec/containers/0/image`, with `~1` for `/` and `~0` for `~` in tokens.
struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The unescaped reference tokens, outermost first; empty for the whole document.
    var tokens: [String]

    /// Parses `text`; throws when it is neither empty nor starts with `/`, or holds a bad `~` escape.
    init(_ text: String) throws {
        if text.isEmpty { tokens = []; return }
        guard text.hasPrefix("/") else { throw PatchError("invalid JSON pointer '\(text)': it must start with '/'", path: text) }
        tokens = try text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            try JSONPointer.unescape(String($0), in: text)
        }
    }

    /// A pointer made of already-unescaped tokens.
    init(tokens: [String]) { self.tokens = tokens }

    /// The escaped text form.
    var description: String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }

    private static func unescape(_ token: String, in text: String) throws -> String {
        guard token.contains("~") else { return token }
        var result = ""
        var iterator = token.makeIterator()
        while let c = iterator.next() {
            guard c == "~" else { result.append(c); continue }
            switch iterator.next() {
            case "0": result.append("~")
            case "1": result.append("/")
            default: throw PatchError("invalid JSON pointer '\(text)': '~' must be followed by '0' or '1'", path: text)
            }
        }
        return result
    }

    /// The array index a token names in an array of `count` items; `-` means `count` (one past the end).
    static func index(_ token: String, count: Int, allowEnd: Bool) -> Int? {
        if token == "-" { return allowEnd ? count : nil }
        guard !token.isEmpty, token.allSatisfy(\.isASCII), token.allSatisfy(\.isNumber),
              token == "0" || !token.hasPrefix("0"), let i = Int(token) else { return nil }
        return i <= count && (allowEnd || i < count) ? i : nil
    }
}

extension Value {
    /// The value `pointer` refers to, or nil when it does not exist.
    func resolve(_ pointer: JSONPointer) -> Value? {
        var current = self
        for token in pointer.tokens {
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let items):
                guard let i = JSONPointer.index(token, count: items.count, allowEnd: false) else { return nil }
                current = items[i]
            default:
                return nil
            }
        }
        return current
    }
}
