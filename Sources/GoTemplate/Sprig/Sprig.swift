import FerryCore
import Foundation

// # Sprig — the template function library Helm charts use
//
// `Sprig.functions()` returns Sprig v3's functions plus Helm's plain additions (`toYaml`, `toYamlPretty`,
// `fromYaml`, `fromYamlArray`, `fromJsonArray`, `toToml`, `fromToml`, Helm 4's `duration*` helpers) as a
// `FunctionMap` for `Template.parse` / `TemplateSet`. Helm's `include`, `tpl`, `required` and `lookup` need the
// running template or a cluster and live with the Helm renderer.
//
// Semantics follow the Go implementations: typed parameters reject other types the way text/template
// does (`wrong type for value; expected string; got int`), `add`/`mul`/… cast anything with spf13/cast's
// rules, `addf`/`mulf`/… compute in decimal as shopspring/decimal does, `must*` variants throw where the
// plain ones swallow errors, and what panics in Go is an error here.
//
// Representation choices, since templates see only FerryCore `Value`s:
// - Numbers: `.double` is `float64`; a data `.int` is Go's `int64` (Helm's `--set` integers, Sprig's
//   `add`/`int64`… results), and `TemplateValue.goInt` is Go's `int` (template constants, `len`, `int`,
//   `atoi`, `randInt`). Helm decodes values files (and `fromJson`, `fromYaml`) into float64; the decoders
//   here do the same, and a renderer that wants Helm's exact `typeOf`/`kindOf` and typed-parameter errors
//   should hand values-file numbers in as `.double`. An `int` stored into a map or list reads back as int64.
// - Maps are values, not references: `set`, `unset`, `merge`, `mergeOverwrite` return the updated map
//   instead of mutating their argument (`Sprig.mutatingFunctions` names them for callers that emulate it).
// - Times are strings in Go's `Time.String()` form (`2019-06-13 20:39:39 +0000 UTC`), which is what
//   printing a time gives in Go; `date`, `dateModify`, `unixEpoch`… read that form back. `typeOf now` is
//   therefore `string`. Durations print as Go's `Duration.String()`.
// - Certificates are maps with `Cert` and `Key`; `semver` is a map with `Major`, `Minor`, `Patch`,
//   `Prerelease`, `Metadata`, `Original` (methods such as `.Compare` are not available).
// - Regular expressions use Go's RE2 syntax, translated for NSRegularExpression (see `GoRegex`).
//
// Hermetic: `env`, `expandenv` (deleted by Helm) and `getHostByName` are absent; time, the local zone and
// randomness come from `SprigOptions`. Not supported: DSA keys in `genPrivateKey`.

/// Where Sprig's non-deterministic functions get the time and their randomness.
public struct SprigOptions: Sendable {
    /// The current time for `now`, `date`, `ago`, `dateModify`… .
    public var clock: @Sendable () -> Date
    /// A source of random 64-bit words for `randAlphaNum`, `shuffle`, `uuidv4`, `randBytes`… .
    public var random: @Sendable () -> UInt64
    /// The local time zone for `date` and friends (Helm runs in the process's zone; default UTC).
    public var timeZone: TimeZone

    /// Creates options; defaults are the system clock, the system random generator and UTC.
    public init(clock: @escaping @Sendable () -> Date = { Date() },
                random: @escaping @Sendable () -> UInt64 = { UInt64.random(in: .min ... .max) },
                timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) {
        self.clock = clock
        self.random = random
        self.timeZone = timeZone
    }

    /// A deterministic random source (SplitMix64) for tests and reproducible renders.
    public static func seededRandom(_ seed: UInt64) -> @Sendable () -> UInt64 {
        let state = SeedState(seed)
        return { state.next() }
    }
}

/// The mutable state of a seeded generator, shared by the closures that draw from it.
final class SeedState: @unchecked Sendable {
    private var state: UInt64
    private let lock = NSLock()

    init(_ seed: UInt64) { state = seed }

    func next() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Sprig v3's template functions plus Helm's non-context additions.
public enum Sprig {
    /// Every function, keyed by the name templates call it by.
    public static func functions(_ options: SprigOptions = SprigOptions()) -> FunctionMap {
        var all: FunctionMap = [:]
        let groups: [FunctionMap] = [
            SprigStrings.table(options), SprigDefaults.table, SprigLists.table, SprigDicts.table,
            SprigEncoding.table, SprigHash.table, SprigMath.table, SprigTypes.table, SprigPaths.table, SprigURL.table,
            SprigRegex.table, SprigSemver.table, SprigDates.table(options),
            SprigCrypto.table(options), HelmFunctions.table,
        ]
        for group in groups { all.merge(group) { _, new in new } }
        for name in ["fromYaml", "fromYamlArray"] { all[name] = all[name].map(memoizedByText) }
        return all
    }

    /// `function` remembering its result for each text argument, for this function table's life (one render).
    /// Chart helpers turn the same YAML text back into values for every template (`common.tplvalues.merge`
    /// parses the chart's common labels once per object), and the parse is pure.
    static func memoizedByText(_ function: @escaping TemplateFunction) -> TemplateFunction {
        let memo = ParseMemo<TemplateValue>(limit: 1024)
        return { args in
            guard args.count == 1, case .value(.string(let text)) = args[0], text.utf8.count <= 64 << 10 else {
                return try function(args)
            }
            return try memo.value(text) { _ in try function(args) }
        }
    }

    /// Functions that in Go mutate their first argument (a map) and return it. Here they return the updated
    /// copy; an engine that wants Go's in-place behaviour writes the result back to the argument's variable.
    public static let mutatingFunctions: Set<String> = [
        "set", "unset", "merge", "mergeOverwrite", "mustMerge", "mustMergeOverwrite",
    ]
}
