import Foundation
import Testing
@testable import FerryCLI

@Suite struct AgeTests {
    @Test(arguments: [(5, "5s"), (119, "119s"), (185, "3m5s"), (300, "5m"), (1800, "30m"), (11000, "3h3m"),
                      (36000, "10h"), (3 * 86400 + 7200, "3d2h"), (30 * 86400, "30d"), (800 * 86400, "2y70d")])
    func formatsDurationsLikeKubectl(seconds: Int, expected: String) {
        let now = Date()
        #expect(Age.since(now.addingTimeInterval(-TimeInterval(seconds)), now: now) == expected)
    }

    @Test func treatsFutureDatesAsZeroSeconds() {
        let now = Date()
        #expect(Age.since(now.addingTimeInterval(60), now: now) == "0s")
    }

    @Test func printsTimestampsInUTCWithoutFractions() {
        #expect(Age.timestamp(Date(timeIntervalSince1970: 1_714_557_600.5)) == "2024-05-01T10:00:00Z")
    }
}
