/// A parsed `labelSelector` query: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, comma-joined.
struct LabelSelector: Sendable, Equatable {
    enum Requirement: Sendable, Equatable {
        case equals(String, String)
        case notEquals(String, String)
        case isIn(String, Set<String>)
        case notIn(String, Set<String>)
        case exists(String)
        case doesNotExist(String)
    }

    var requirements: [Requirement]

    /// Parses a selector; throws a message for malformed input.
    init(_ text: String) throws {
        requirements = try Self.splitTopLevel(text).map(Self.requirement)
    }

    /// True when every requirement holds for `labels`.
    func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { requirement in
            switch requirement {
            case .equals(let k, let v): labels[k] == v
            case .notEquals(let k, let v): labels[k] != v
            case .isIn(let k, let values): labels[k].map(values.contains) ?? false
            case .notIn(let k, let values): !(labels[k].map(values.contains) ?? false)
            case .exists(let k): labels[k] != nil
            case .doesNotExist(let k): labels[k] == nil
            }
        }
    }

    /// Splits on commas that are not inside parentheses.
    private static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for ch in text {
            if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1 }
            if ch == "," && depth == 0 { parts.append(current); current = "" } else { current.append(ch) }
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func requirement(_ text: String) throws -> Requirement {
        if text.hasPrefix("!") { return .doesNotExist(try key(String(text.dropFirst()), text)) }
        for (op, make) in [("!=", Requirement.notEquals), ("==", Requirement.equals), ("=", Requirement.equals)] {
            if let range = text.range(of: op) {
                let k = try key(String(text[..<range.lowerBound]), text)
                return make(k, String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces))
            }
        }
        let words = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        if words.count == 1 { return .exists(try key(words[0], text)) }
        guard words.count == 3, ["in", "notin"].contains(words[1]),
              words[2].hasPrefix("("), words[2].hasSuffix(")") else {
            throw LabelSelectorError(selector: text)
        }
        let values = Set(words[2].dropFirst().dropLast().split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) })
        let k = try key(words[0], text)
        return words[1] == "in" ? .isIn(k, values) : .notIn(k, values)
    }

    private static func key(_ raw: String, _ text: String) throws -> String {
        let k = raw.trimmingCharacters(in: .whitespaces)
        guard !k.isEmpty, !k.contains(" ") else { throw LabelSelectorError(selector: text) }
        return k
    }
}

/// A selector that cannot be parsed.
struct LabelSelectorError: Error, Sendable {
    var selector: String
    var message: String { "unable to parse requirement: invalid label selector \"\(selector)\"" }
}

import Foundation
