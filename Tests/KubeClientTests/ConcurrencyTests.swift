import FerryCore
import Foundation
import Testing
@testable import KubeClient

/// Blocking curl transfers must not starve Swift concurrency: with the sandbox in the same process (as
/// `ferry serve` runs it), concurrent requests once waited ~1 s each for a free worker thread (20 GETs: 19 s).
/// Fixed, they take well under a second alone; the bound leaves room for other suites running in the same
/// test process (which share its two worker threads) while still failing clearly if starvation returns.
@Suite struct ConcurrencyTests {
    @Test func concurrentRequestsToAnInProcessServerDoNotStarveIt() async throws {
        try await SandboxIntegrationTests.withSandbox { api in
            let clock = ContinuousClock()
            let start = clock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<20 {
                    group.addTask { _ = try await api.get(SandboxIntegrationTests.configMap, namespace: "default", name: "x\(i)") }
                }
                try await group.waitForAll()
            }
            #expect(clock.now - start < .seconds(10))
        }
    }
}
