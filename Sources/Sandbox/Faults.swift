import FerryCore
import Foundation
import Synchronization

/// Faults the sandbox injects into resource requests, to exercise clients' retry and re-watch paths.
/// Rates are probabilities from 0 to 1, drawn from a generator seeded with `seed`, so a run is repeatable.
public struct FaultSettings: Sendable, Equatable {
    /// Delay added before answering each resource request, in milliseconds.
    public var latencyMs = 0
    /// Share of resource requests answered `500 InternalError`.
    public var errorRate = 0.0
    /// Share of resource requests answered `429 TooManyRequests` with a `Retry-After` header.
    public var tooManyRequestsRate = 0.0
    /// The `Retry-After` (and `details.retryAfterSeconds`) a 429 carries.
    public var retryAfterSeconds = 1
    /// When set, every watch stream is closed after this many seconds (clients must re-watch).
    public var dropWatchAfterSeconds: Double?
    /// Seed for the fault draws (nil: a random seed).
    public var seed: UInt64?

    /// Creates settings; the defaults inject nothing.
    public init(latencyMs: Int = 0, errorRate: Double = 0, tooManyRequestsRate: Double = 0, retryAfterSeconds: Int = 1,
                dropWatchAfterSeconds: Double? = nil, seed: UInt64? = nil) {
        self.latencyMs = latencyMs; self.errorRate = errorRate; self.tooManyRequestsRate = tooManyRequestsRate
        self.retryAfterSeconds = retryAfterSeconds; self.dropWatchAfterSeconds = dropWatchAfterSeconds; self.seed = seed
    }

    /// Reads `{latencyMs, errorRate, tooManyRequestsRate, retryAfterSeconds, dropWatchAfterSeconds, seed}`;
    /// absent fields take their defaults. Errors name the offending field.
    init(json: Value) throws(APIError) {
        guard case .object = json else { throw APIError.badRequest("fault settings must be a JSON object") }
        let known: Set<String> = ["latencyMs", "errorRate", "tooManyRequestsRate", "retryAfterSeconds",
                                  "dropWatchAfterSeconds", "seed"]
        for key in (json.objectValue?.keys).map(Array.init) ?? [] where !known.contains(key) {
            throw APIError.badRequest("unknown fault setting \"\(key)\" (known: \(known.sorted().joined(separator: ", ")))")
        }
        latencyMs = Int(try Self.number(json, "latencyMs", range: 0...600_000) ?? 0)
        errorRate = try Self.number(json, "errorRate", range: 0...1) ?? 0
        tooManyRequestsRate = try Self.number(json, "tooManyRequestsRate", range: 0...1) ?? 0
        retryAfterSeconds = Int(try Self.number(json, "retryAfterSeconds", range: 0...3600) ?? 1)
        dropWatchAfterSeconds = try Self.number(json, "dropWatchAfterSeconds", range: 0.001...86_400)
        seed = try Self.number(json, "seed", range: 0...9_007_199_254_740_991).map { UInt64($0) }
    }

    /// The settings as the admin endpoint reports them.
    var json: Value {
        var out: Value = ["latencyMs": .int(Int64(latencyMs)), "errorRate": .double(errorRate),
                          "tooManyRequestsRate": .double(tooManyRequestsRate),
                          "retryAfterSeconds": .int(Int64(retryAfterSeconds))]
        if let dropWatchAfterSeconds { out["dropWatchAfterSeconds"] = .double(dropWatchAfterSeconds) }
        if let seed { out["seed"] = .int(Int64(seed)) }
        return out
    }

    private static func number(_ json: Value, _ field: String, range: ClosedRange<Double>) throws(APIError) -> Double? {
        guard let raw = json[field], !raw.isNull else { return nil }
        let value: Double?
        switch raw {
        case .int(let i): value = Double(i)
        case .double(let d): value = d
        default: value = nil
        }
        guard let number = value else { throw APIError.badRequest("fault setting \(field) must be a number") }
        guard range.contains(number) else {
            throw APIError.badRequest("fault setting \(field) must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return number
    }
}

/// What to do to one request.
struct FaultDecision: Sendable, Equatable {
    enum Outcome: Sendable, Equatable { case pass, internalError, tooManyRequests(retryAfter: Int) }
    var latency: Duration = .zero
    var outcome: Outcome = .pass
}

/// Holds the current `FaultSettings` and draws per-request decisions from a seeded generator.
final class FaultInjector: Sendable {
    private struct State {
        var settings: FaultSettings
        var random: SplitMix64
    }
    private let state: Mutex<State>

    init(_ settings: FaultSettings) {
        state = Mutex(State(settings: settings, random: SplitMix64(seed: settings.seed ?? UInt64.random(in: 0...UInt64.max))))
    }

    /// The settings in force.
    var settings: FaultSettings { state.withLock { $0.settings } }

    /// Replaces the settings and reseeds the generator.
    func update(_ settings: FaultSettings) {
        state.withLock { $0 = State(settings: settings, random: SplitMix64(seed: settings.seed ?? UInt64.random(in: 0...UInt64.max))) }
    }

    /// Draws the fate of one resource request: always two draws, so a seed gives the same sequence whatever
    /// the rates are.
    func decide() -> FaultDecision {
        state.withLock { state in
            let settings = state.settings
            let errorDraw = state.random.nextUnit(), throttleDraw = state.random.nextUnit()
            var decision = FaultDecision(latency: .milliseconds(settings.latencyMs))
            if errorDraw < settings.errorRate {
                decision.outcome = .internalError
            } else if throttleDraw < settings.tooManyRequestsRate {
                decision.outcome = .tooManyRequests(retryAfter: settings.retryAfterSeconds)
            }
            return decision
        }
    }

    /// How long watch streams may live before being dropped, if at all.
    var dropWatchAfter: Duration? {
        state.withLock { $0.settings.dropWatchAfterSeconds.map { .milliseconds(Int64($0 * 1000)) } }
    }

    /// The Status a faulted request is answered with.
    static func error(for outcome: FaultDecision.Outcome) -> APIError? {
        switch outcome {
        case .pass:
            return nil
        case .internalError:
            return .internalError("injected fault (sandbox errorRate)")
        case .tooManyRequests(let seconds):
            return APIError(code: 429, reason: "TooManyRequests", message: "Too many requests: please try again later",
                            details: ["retryAfterSeconds": .int(Int64(seconds))])
        }
    }
}

/// A small, fast, seedable generator (SplitMix64).
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
