import Foundation
import Testing
@testable import Sandbox

@Test(.enabled(if: ProcessInfo.processInfo.environment["SANDBOX_MANUAL"] != nil))
func servesForManualTesting() async throws {
    let dir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["SANDBOX_MANUAL"] ?? "/tmp/sbx")
    let cluster = try SandboxCluster(dataDirectory: dir)
    let url = try await cluster.start()
    print("SANDBOX AT \(url)")
    try await Task.sleep(for: .seconds(600))
}
