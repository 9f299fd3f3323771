import FerryCore
import Foundation

/// Helm's own plain functions beyond Sprig (pkg/engine/funcs.go): `toToml`/`fromToml`, `toYamlPretty`, and the
/// Helm 4 duration helpers (`mustToDuration`, `durationSeconds`, … `durationRoundTo`). Durations print as Go's
/// `Duration.String()` (`1m30s`).
enum HelmFunctions {
    static let table: FunctionMap = {
        var t: FunctionMap = [
            "toToml": { args in
                try Arg.count(args, 1)
                do { return .str(try TOML.encode(args[0].data)) } catch let e as FunctionError { return .str(e.message) }
            },
            "mustToToml": { args in try Arg.count(args, 1); return .str(try TOML.encode(args[0].data)) },
            "fromToml": { args in
                try Arg.count(args, 1)
                do { return .map(try TOML.parse(try Arg.string(args[0]))) } catch let e as TOML.ParseError {
                    return .map(["Error": .string(e.description)])
                }
            },
            "toYamlPretty": { args in try Arg.count(args, 1); return .str(prettyYAML(SprigEncoding.toYAML(args[0].data))) },
            "mustToDuration": { args in
                try Arg.count(args, 1)
                return .str(GoDuration.string(try duration(args[0].data)))
            },
            "durationRoundTo": { args in
                try Arg.count(args, 2)
                guard let d = try? duration(args[0].data) else { return .str("0s") }
                guard let m = try? duration(args[1].data), m > 0 else { return .str(GoDuration.string(d)) }
                return .str(GoDuration.string(GoDuration.round(d, to: m)))
            },
            "durationTruncateTo": { args in
                try Arg.count(args, 2)
                guard let d = try? duration(args[0].data) else { return .str("0s") }
                guard let m = try? duration(args[1].data), m > 0 else { return .str(GoDuration.string(d)) }
                return .str(GoDuration.string(d - d % m))
            },
        ]
        let nanos: [(String, Double, Bool)] = [
            ("durationSeconds", 1e9, false), ("durationMilliseconds", 1e6, true), ("durationMicroseconds", 1e3, true),
            ("durationNanoseconds", 1, true), ("durationMinutes", 60e9, false), ("durationHours", 3600e9, false),
            ("durationDays", 86400e9, false), ("durationWeeks", 604800e9, false),
        ]
        for (name, unit, integral) in nanos {
            t[name] = { args in
                try Arg.count(args, 1)
                let d = (try? duration(args[0].data)) ?? 0
                if integral { return .int(d / Int64(unit)) }
                return .double(Double(d) / unit)
            }
        }
        return t
    }()

    /// Helm's `asDuration`: Go duration text, or seconds as a number or numeric text.
    static func duration(_ v: Value) throws -> Int64 {
        switch v {
        case .string(let raw):
            let s = raw.trimmingGoSpace()
            guard !s.isEmpty else { throw FunctionError("empty duration") }
            if let d = GoDuration.parse(s) { return d }
            if let f = GoNumber.parseFloat(s) { return try seconds(f) }
            throw FunctionError("could not parse duration \(GoQuote.quote(raw))")
        case .int(let i):
            guard i.magnitude <= UInt64(Int64.max / 1_000_000_000) else { throw FunctionError("duration seconds overflow: \(i)") }
            return i * 1_000_000_000
        case .double(let d): return try seconds(d)
        case .null: throw FunctionError("invalid duration")
        default: throw FunctionError("unsupported duration type \(v.goTypeName)")
        }
    }

    static func seconds(_ f: Double) throws -> Int64 {
        guard f.isFinite else { throw FunctionError("invalid duration seconds: \(GoFormat.v(Value.double(f)))") }
        let nanos = f * 1e9
        guard abs(nanos) < 9.2e18 else { throw FunctionError("duration seconds overflow: \(GoFormat.v(Value.double(f)))") }
        return Int64(nanos)
    }

    /// go-yaml v3's layout with two-space indentation: like `toYaml`, but sequences nested under a mapping key
    /// are indented below it (`key:\n  - a`).
    static func prettyYAML(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        var stack: [Int] = []
        for (i, line) in lines.enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            while let top = stack.last, indent < top || (indent == top && !content.hasPrefix("- ") && content != "-") {
                stack.removeLast()
            }
            out.append(String(repeating: " ", count: indent + 2 * stack.count) + content)
            guard content.hasSuffix(":"), i + 1 < lines.count else { continue }
            var dashes = 0
            var rest = content
            while rest.hasPrefix("- ") { dashes += 1; rest = rest.dropFirst(2) }
            let column = indent + 2 * dashes
            let next = lines[i + 1]
            let nextIndent = next.prefix { $0 == " " }.count
            if nextIndent == column, next.dropFirst(nextIndent).hasPrefix("-") { stack.append(column) }
        }
        return out.joined(separator: "\n")
    }
}
