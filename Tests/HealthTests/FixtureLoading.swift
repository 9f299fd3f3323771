import Foundation
import FerryCore
import Health
import Testing

/// Loads `Fixtures/<name>` as one Kubernetes object.
func fixture(_ name: String) throws -> KubeObject {
    let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    return try #require(Manifests.parse(text, file: name).first)
}

/// The two-line assertion: the fixture's health status (and message, when given).
func expectHealth(_ name: String, _ status: HealthStatus?, message: String? = nil,
                  sourceLocation: SourceLocation = #_sourceLocation) throws {
    let health = HealthAssessor.health(of: try fixture(name))
    #expect(health?.status == status, "\(name)", sourceLocation: sourceLocation)
    if let message { #expect(health?.message == message, "\(name)", sourceLocation: sourceLocation) }
}
