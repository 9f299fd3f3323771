import FerryCore
import Foundation
import KubeClient
import Testing
@testable import Sandbox

/// Injected faults: seeded and repeatable, set by options or `POST /sandbox/faults`, sparing discovery.
@Suite struct FaultTests {
    static let configMaps = "/api/v1/namespaces/default/configmaps"

    @Test func aSeedGivesTheSameFaultsEveryRun() {
        let settings = FaultSettings(errorRate: 0.3, tooManyRequestsRate: 0.3, seed: 42)
        let first = FaultInjector(settings), second = FaultInjector(settings)
        let a = (0..<200).map { _ in first.decide().outcome }, b = (0..<200).map { _ in second.decide().outcome }
        #expect(a == b)
        let errors = a.filter { $0 == .internalError }.count
        let throttled = a.filter { $0 == .tooManyRequests(retryAfter: 1) }.count
        #expect((40...80).contains(errors), "about 30% of 200 should fail, got \(errors)")
        #expect((25...65).contains(throttled), "about 30% of the other 70% should be throttled, got \(throttled)")
        #expect(FaultInjector(FaultSettings(seed: 42)).decide() == FaultDecision(latency: .zero, outcome: .pass))
    }

    @Test func errorRateOneFailsResourceRequestsButNotDiscoveryUntilCleared() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        let set = try await sandbox.send("POST", FaultInjector.adminPath, body: ["errorRate": 1, "seed": 7])
        #expect(set.status == 200 && set.json["errorRate"]?.intValue == 1 && set.json["seed"] == .int(7))
        let failed = try await sandbox.send("GET", Self.configMaps)
        #expect(failed.status == 500)
        #expect(failed.json["reason"] == "InternalError")
        #expect(try await sandbox.send("GET", "/api/v1").status == 200)
        #expect(try await sandbox.send("GET", "/version").status == 200)
        #expect(try await sandbox.send("DELETE", FaultInjector.adminPath).json["errorRate"]?.intValue == 0)
        #expect(try await sandbox.send("GET", Self.configMaps).status == 200)
    }

    @Test func throttledRequestsCarryRetryAfter() async throws {
        let sandbox = try await SandboxHTTP.start(SandboxOptions(faults: FaultSettings(tooManyRequestsRate: 1,
                                                                                       retryAfterSeconds: 3)))
        defer { Task { await sandbox.cluster.stop() } }
        let throttled = try await sandbox.send("GET", Self.configMaps)
        #expect(throttled.status == 429)
        #expect(throttled.response.header("Retry-After") == "3")
        #expect(throttled.json["reason"] == "TooManyRequests")
        #expect(throttled.json[path: ["details", "retryAfterSeconds"]] == .int(3))
    }

    @Test func latencyDelaysResourceRequests() async throws {
        let sandbox = try await SandboxHTTP.start(SandboxOptions(faults: FaultSettings(latencyMs: 300)))
        defer { Task { await sandbox.cluster.stop() } }
        let started = Date()
        #expect(try await sandbox.send("GET", Self.configMaps).status == 200)
        #expect(Date().timeIntervalSince(started) >= 0.29)
    }

    @Test func droppedWatchesEndAfterTheConfiguredTime() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        sandbox.cluster.faultSettings = FaultSettings(dropWatchAfterSeconds: 0.3)
        let started = Date()
        // Without the fault the stream would run for timeoutSeconds (an hour). The bound is generous: when the
        // whole suite runs, the two pool threads can be busy with other tests for tens of seconds.
        let events = sandbox.watch("\(Self.configMaps)?watch=1&timeoutSeconds=3600")
        let seen = try await collect(events, within: 300, "the dropped watch's end") { _ in false }
        #expect(seen.isEmpty)
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed >= 0.25 && elapsed < 300)
    }

    @Test func badFaultSettingsAreRejectedNamingTheField() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        let unknown = try await sandbox.send("POST", FaultInjector.adminPath, body: ["errorRat": 1])
        #expect(unknown.status == 400 && unknown.json["message"]?.stringValue?.contains("\"errorRat\"") == true)
        let range = try await sandbox.send("POST", FaultInjector.adminPath, body: ["errorRate": 2])
        #expect(range.status == 400 && range.json["message"]?.stringValue?.contains("errorRate") == true)
        let stranger = HTTPTransport(settings: TransportSettings(auth: .bearer("wrong-token")))
        let denied = try await stranger.send(HTTPRequest(method: "DELETE", url: sandbox.url(FaultInjector.adminPath)))
        #expect(denied.status == 401)
    }
}
