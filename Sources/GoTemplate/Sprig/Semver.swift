import FerryCore
import Foundation

/// A semantic version as Masterminds/semver v3 parses it (coercing `1.2` to `1.2.0`, accepting a `v`).
struct Semver: Sendable, Equatable {
    var major: UInt64, minor: UInt64, patch: UInt64
    var pre: String, metadata: String, original: String

    static let invalid = FunctionError("invalid semantic version")

    /// Parses like `semver.NewVersion` (its loose expression: `v?` and up to three dotted numbers, then an
    /// optional `-pre-release` and `+metadata`).
    init(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard let m = SemverSyntax.version(bytes, at: 0, digit: SemverSyntax.isDigit), m.end == bytes.count else {
            throw Semver.invalid
        }
        func group(_ i: Int) -> String {
            let range = [m.major, m.minor, m.patch, m.pre.dropFirst(), m.metadata.dropFirst()][i - 1]
            return String(decoding: bytes[range], as: UTF8.self)
        }
        func number(_ s: String) throws -> UInt64 {
            let digits = s.hasPrefix(".") ? String(s.dropFirst()) : s
            if digits.isEmpty { return 0 }
            guard let n = UInt64(digits) else {
                throw FunctionError("error parsing version segment: strconv.ParseUint: parsing \(GoQuote.quote(digits)): value out of range")
            }
            return n
        }
        major = try number(group(1))
        minor = try number(group(2))
        patch = try number(group(3))
        pre = group(4)
        metadata = group(5)
        original = text
        if !pre.isEmpty { try Semver.validatePrerelease(pre) }
        if !metadata.isEmpty, metadata.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            throw FunctionError("invalid metadata string")
        }
    }

    static func validatePrerelease(_ p: String) throws {
        for part in p.split(separator: ".", omittingEmptySubsequences: false) {
            if part.isEmpty { throw FunctionError("invalid prerelease string") }
            if part.allSatisfy(\.isASCIIDigit), part.count > 1, part.first == "0" { throw FunctionError("version segment starts with 0") }
        }
    }

    /// `major.minor.patch[-pre][+metadata]`.
    var description: String {
        "\(major).\(minor).\(patch)" + (pre.isEmpty ? "" : "-" + pre) + (metadata.isEmpty ? "" : "+" + metadata)
    }

    /// -1, 0 or 1; metadata is ignored and a pre-release sorts before its release.
    func compare(_ o: Semver) -> Int {
        for (a, b) in [(major, o.major), (minor, o.minor), (patch, o.patch)] where a != b { return a < b ? -1 : 1 }
        if pre == o.pre { return 0 }
        if pre.isEmpty { return 1 }
        if o.pre.isEmpty { return -1 }
        return Semver.comparePrerelease(pre, o.pre)
    }

    static func comparePrerelease(_ a: String, _ b: String) -> Int {
        let x = a.split(separator: ".", omittingEmptySubsequences: false), y = b.split(separator: ".", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) {
            let d = comparePart(i < x.count ? String(x[i]) : "", i < y.count ? String(y[i]) : "")
            if d != 0 { return d }
        }
        return 0
    }

    /// Numeric identifiers compare as numbers and sort before alphanumeric ones; a missing part sorts first.
    static func comparePart(_ s: String, _ o: String) -> Int {
        if s == o { return 0 }
        if s.isEmpty { return -1 }
        if o.isEmpty { return 1 }
        switch (UInt64(s), UInt64(o)) {
        case (nil, nil): return s.utf8.lexicographicallyPrecedes(o.utf8) ? -1 : 1
        case (nil, _): return 1
        case (_, nil): return -1
        case (let si?, let oi?): return si > oi ? 1 : -1
        }
    }
}
