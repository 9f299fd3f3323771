import Foundation
import Testing
@testable import GoTemplate

/// `SemverSyntax` against the regular expressions of Masterminds/semver it replaces (written out here as the
/// reference, run by NSRegularExpression with `\s` narrowed to Go's `[\t\n\f\r ]`), on random texts.
@Suite struct SemverSyntaxTests {
    static let s = "[\\t\\n\\f\\r ]"
    static let ops = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^"
    static let cv = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
    static let valid = try! NSRegularExpression(pattern: "^(\(s)*(\(ops))\(s)*(\(cv))\(s)*)((?:\(s)+|,\(s)*)(\(ops))\(s)*(\(cv))\(s)*)*$")
    static let find = try! NSRegularExpression(pattern: "(\(ops))\(s)*(\(cv))")
    static let range = try! NSRegularExpression(pattern: "\(s)*(\(cv))\(s)+-\(s)+(\(cv))\(s)*")
    static let part = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*"
    static let loose = try! NSRegularExpression(pattern: "^v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?(?:-(\(part)))?(?:\\+(\(part)))?$")

    static func matches(_ regex: NSRegularExpression, _ text: String) -> [[String]] {
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }

    static func random(_ alphabet: [String], upTo length: Int, _ generator: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...length, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
    }

    @Test func constraintGroupsMatchTheRegularExpressions() {
        let alphabet = [" ", " ", ",", ">", "<", "=", "!", "~", "^", "1", "2", "0", "x", "*", ".", "-", "+", "a", "v", "|", "\t"]
        var generator = SystemRandomNumberGenerator()
        var valid = 0, ranges = 0
        for _ in 0..<6000 {
            let text = Self.random(alphabet, upTo: 9, &generator)
            let expected: [String]? = Self.matches(Self.valid, text).isEmpty ? nil
                : Self.matches(Self.find, text).map { $0[0].trimmingCharacters(in: .whitespaces) }
            let actual = SemverSyntax.comparisons(text)
            #expect(actual == expected, "\(text.debugDescription)")
            if actual != nil { valid += 1 }
            // Hyphen ranges, from texts made of bigger pieces so that ranges are common.
            let pieces = ["1.2", "x", "1", " ", " - ", "-", "v2", ">=", ",", "3.4.5-a", "  -", "- ", "a"]
            let rangeText = Self.random(pieces, upTo: 6, &generator)
            let found = SemverSyntax.hyphenRanges(rangeText).map { [$0.match, $0.low, $0.high] }
            #expect(found == Self.matches(Self.range, rangeText).map { [$0[0], $0[1], $0[11]] }, "\(rangeText.debugDescription)")
            if !found.isEmpty { ranges += 1 }
        }
        // The random texts reach both outcomes (the alphabet makes valid groups and hyphen ranges common enough).
        #expect(valid > 100 && ranges > 10)
    }

    @Test func versionsMatchTheLooseExpression() {
        let alphabet = ["1", "0", "9", ".", "-", "+", "a", "Z", "v", "x", " "]
        var generator = SystemRandomNumberGenerator()
        var parsed = 0
        for _ in 0..<6000 {
            let text = Self.random(alphabet, upTo: 10, &generator)
            let bytes = Array(text.utf8)
            let m = SemverSyntax.version(bytes, at: 0, digit: SemverSyntax.isDigit).flatMap { $0.end == bytes.count ? $0 : nil }
            let actual = m.map { m in
                [m.major, m.minor, m.patch, m.pre.dropFirst(), m.metadata.dropFirst()].map { String(decoding: bytes[$0], as: UTF8.self) }
            }
            #expect(actual == Self.matches(Self.loose, text).first.map { Array($0.dropFirst()) }, "\(text.debugDescription)")
            if actual != nil { parsed += 1 }
        }
        #expect(parsed > 100)
    }
}
