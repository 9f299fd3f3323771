import FerryCore

/// `semver` (a map with `Major`, `Minor`, `Patch`, `Prerelease`, `Metadata`, `Original`) and `semverCompare`.
enum SprigSemver {
    static let table: FunctionMap = [
        "semverCompare": { args in
            try Arg.count(args, 2)
            let constraint = try SemverConstraints(try Arg.string(args[0]))
            return .bool(constraint.check(try Semver(try Arg.string(args[1]))))
        },
        "semver": { args in
            try Arg.count(args, 1)
            let v = try Semver(try Arg.string(args[0]))
            // Go's *semver.Version prints through its String() method.
            return .value(GoStringer.object(
                ["Major": .int(Int64(clamping: v.major)), "Minor": .int(Int64(clamping: v.minor)),
                 "Patch": .int(Int64(clamping: v.patch)), "Prerelease": .string(v.pre),
                 "Metadata": .string(v.metadata), "Original": .string(v.original)], string: v.description))
        },
    ]
}
