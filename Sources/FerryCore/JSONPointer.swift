/// An RFC 6901 JSON pointer (`/spec/containers/0/image`, `~1` for `/` and `~0` for `~` in tokens): the one
/// pointer type shared by JSON patches (Patch) and ignore rules (Diff).
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The unescaped reference tokens, outermost first; empty for the whole document.
    public var tokens: [String]

    /// A pointer made of already-unescaped tokens.
    public init(tokens: [String]) { self.tokens = tokens }

    /// Parses `text`; throws when it is neither empty nor starts with `/`, or holds a `~` not followed by 0 or 1.
    public init(parsing text: String) throws(JSONPointerError) {
        if text.isEmpty { tokens = []; return }
        guard text.hasPrefix("/") else { throw JSONPointerError(text: text, reason: "it must start with '/'") }
        var parsed: [String] = []
        for token in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let unescaped = Self.unescape(String(token)) else {
                throw JSONPointerError(text: text, reason: "'~' must be followed by '0' or '1'")
            }
            parsed.append(unescaped)
        }
        tokens = parsed
    }

    /// Parses `text`, or nil when it is not a valid pointer.
    public init?(_ text: String) {
        guard let pointer = try? JSONPointer(parsing: text) else { return nil }
        self = pointer
    }

    /// The escaped text form.
    public var description: String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }

    private static func unescape(_ token: String) -> String? {
        guard token.contains("~") else { return token }
        var result = ""
        var iterator = token.makeIterator()
        while let c = iterator.next() {
            guard c == "~" else { result.append(c); continue }
            switch iterator.next() {
            case "0": result.append("~")
            case "1": result.append("/")
            default: return nil
            }
        }
        return result
    }

    /// The array index a token names in an array of `count` items; `-` means `count` (one past the end,
    /// only when `allowEnd`). Leading zeros and non-digits name nothing.
    public static func index(_ token: String, count: Int, allowEnd: Bool) -> Int? {
        if token == "-" { return allowEnd ? count : nil }
        guard !token.isEmpty, token.allSatisfy(\.isASCII), token.allSatisfy(\.isNumber),
              token == "0" || !token.hasPrefix("0"), let i = Int(token) else { return nil }
        return i <= count && (allowEnd || i < count) ? i : nil
    }
}

/// Why a text is not a JSON pointer.
public struct JSONPointerError: Error, Sendable, CustomStringConvertible {
    /// The text that failed to parse.
    public var text: String
    /// What is wrong with it.
    public var reason: String
    /// `invalid JSON pointer '<text>': <reason>`.
    public var description: String { "invalid JSON pointer '\(text)': \(reason)" }
}

extension Value {
    /// The value `pointer` refers to, or nil when it does not exist.
    public func resolve(_ pointer: JSONPointer) -> Value? {
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
