import Foundation

/// A parsed Kubernetes label selector string (shared by the client's in-memory twin and the sandbox): `app=web,tier!=db,env in (prod,staging),!legacy,team`.
public struct LabelSelector: Sendable, Hashable {
    /// One clause of a selector.
    public enum Requirement: Sendable, Hashable {
        case equals(String, String)
        case notEquals(String, String)
        case isIn(String, Set<String>)
        case notIn(String, Set<String>)
        case exists(String)
        case doesNotExist(String)
    }

    /// All clauses; an object matches when it satisfies every one.
    public var requirements: [Requirement]

    /// Parses selector text; an empty string selects everything.
    public init(_ text: String) throws {
        requirements = try Self.clauses(text).map(Self.requirement)
    }

    /// True when the labels satisfy every requirement.
    public func matches(_ labels: [String: String]) -> Bool {
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

    /// Splits on commas outside parentheses.
    private static func clauses(_ text: String) throws -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
            if character == "," && depth == 0 { parts.append(current); current = "" } else { current.append(character) }
        }
        parts.append(current)
        let trimmed = parts.map { $0.trimmingCharacters(in: .whitespaces) }
        if trimmed == [""] { return [] }
        if let empty = trimmed.firstIndex(of: "") { throw invalid(text, "empty requirement at position \(empty + 1)") }
        return trimmed
    }

    private static func requirement(_ clause: String) throws -> Requirement {
        if clause.hasPrefix("!") { return .doesNotExist(try key(String(clause.dropFirst()), clause)) }
        for (op, make) in [("!=", Requirement.notEquals), ("==", Requirement.equals), ("=", Requirement.equals)] {
            if let range = clause.range(of: op) {
                let value = clause[range.upperBound...].trimmingCharacters(in: .whitespaces)
                return make(try key(String(clause[..<range.lowerBound]), clause), value)
            }
        }
        let words = clause.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        if words.count == 3, words[1] == "in" || words[1] == "notin" {
            let set = try values(words[2], clause)
            return words[1] == "in" ? .isIn(try key(words[0], clause), set) : .notIn(try key(words[0], clause), set)
        }
        return .exists(try key(clause, clause))
    }

    private static func key(_ text: String, _ clause: String) throws -> String {
        let key = text.trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, !key.contains(where: { $0 == " " || $0 == "(" || $0 == ")" }) else {
            throw invalid(clause, "invalid label key")
        }
        return key
    }

    private static func values(_ text: String, _ clause: String) throws -> Set<String> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("("), trimmed.hasSuffix(")") else { throw invalid(clause, "values must be in parentheses") }
        return Set(trimmed.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }

    private static func invalid(_ text: String, _ why: String) -> LabelSelectorError {
        LabelSelectorError(selector: text, reason: why)
    }
}

/// A label selector that cannot be parsed; servers answer it with 400 BadRequest.
public struct LabelSelectorError: Error, CustomStringConvertible, Sendable {
    /// The selector text (or the clause) that failed.
    public var selector: String
    /// Why it failed.
    public var reason: String
    /// `unable to parse label selector "app in x": values must be in parentheses`
    public var message: String { "unable to parse label selector \"\(selector)\": \(reason)" }
    public var description: String { message }
}
