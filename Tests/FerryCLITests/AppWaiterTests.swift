import FerryCore
import Foundation
import Testing
@testable import FerryCLI

/// Hands out a scripted sequence of results, one per poll.
actor Script {
    private var results: [Result<Application, CLIError>]
    private(set) var polls = 0
    init(_ results: [Result<Application, CLIError>]) { self.results = results }
    func next() throws -> Application {
        polls += 1
        return try (results.count > 1 ? results.removeFirst() : results[0]).get()
    }
}

/// Virtual time: each sleep advances the clock at once, so the tests don't depend on how busy the machine is.
final class VirtualTime: @unchecked Sendable {
    private let lock = NSLock()
    private var elapsed = Duration.zero
    var timer: WaitTimer {
        WaitTimer(now: { self.lock.withLock { self.elapsed } },
                  sleep: { d in self.lock.withLock { self.elapsed += d } })
    }
}

@Suite struct AppWaiterTests {
    @Test func neitherFlagMeansBothConditions() {
        #expect(WaitCondition(sync: false, health: false) == WaitCondition(sync: true, health: true))
        #expect(WaitCondition(sync: true, health: false).goal == "Synced")
    }

    @Test func conditionChecksOnlyWhatWasAskedAndWaitsForRunningOperations() {
        let syncedButProgressing = Fixtures.app(sync: .synced, health: .progressing)
        #expect(WaitCondition(sync: true, health: false).isMet(by: syncedButProgressing))
        #expect(!WaitCondition(sync: false, health: true).isMet(by: syncedButProgressing))
        var running = Fixtures.app()
        running.status.operationState = OperationState(phase: .running, message: "", startedAt: Fixtures.t0)
        #expect(!WaitCondition(sync: true, health: true).isMet(by: running))
    }

    @Test func pollsUntilTheConditionHolds() async throws {
        let script = Script([.success(Fixtures.app(sync: .outOfSync)), .failure(.unreachable("http://x", detail: "refused")),
                             .success(Fixtures.app())])
        let waiter = AppWaiter(name: "guestbook", condition: WaitCondition(sync: true, health: true),
                               timeout: .seconds(10), interval: .milliseconds(1), timer: VirtualTime().timer)
        let app = try await waiter.wait { try await script.next() }
        #expect(app.status.sync.status == .synced)
        #expect(await script.polls == 3)
    }

    @Test func timesOutWithTheCurrentStateInTheMessage() async throws {
        let script = Script([.success(Fixtures.app(sync: .outOfSync, health: .progressing))])
        let waiter = AppWaiter(name: "guestbook", condition: WaitCondition(sync: false, health: true),
                               timeout: .milliseconds(50), interval: .milliseconds(5), timer: VirtualTime().timer)
        let error = await #expect(throws: CLIError.self) { try await waiter.wait { try await script.next() } }
        #expect(error?.message.contains("waiting for application 'guestbook' to be Healthy") == true)
        #expect(error?.message.contains("health Progressing") == true)
    }

    @Test func stopsAtOnceOnAServerError() async throws {
        let script = Script([.failure(CLIError("application 'guestbook' not found", status: 404))])
        let waiter = AppWaiter(name: "guestbook", condition: WaitCondition(sync: true, health: true),
                               timeout: .seconds(10), interval: .milliseconds(1), timer: VirtualTime().timer)
        await #expect(throws: CLIError.self) { try await waiter.wait { try await script.next() } }
        #expect(await script.polls == 1)
    }
}
