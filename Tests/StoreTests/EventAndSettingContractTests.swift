import FerryCore
import Foundation
import Store
import Testing

/// The events and settings part of the `FerryStore` contract, run against every implementation.
@Suite struct EventAndSettingContractTests {
    static func event(_ app: String, _ second: Double, _ reason: String, type: String = AppEvent.normal) -> AppEvent {
        AppEvent(app: app, time: Date(timeIntervalSince1970: 1_700_000_000 + second), type: type, reason: reason,
                 message: "\(reason) at \(second)")
    }

    @Test(arguments: StoreFactory.all)
    func eventsAreListedNewestFirstPerAppWithALimit(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        try fixture.store.createApplication(sampleApp("web"))
        try fixture.store.createApplication(sampleApp("api"))
        try fixture.store.recordEvent(Self.event("web", 1, "SyncStarted"))
        try fixture.store.recordEvent(Self.event("web", 3, "SyncFailed", type: AppEvent.warning))
        try fixture.store.recordEvent(Self.event("api", 4, "SyncStarted"))
        try fixture.store.recordEvent(Self.event("web", 2, "ResourceUpdated"))
        let events = try fixture.store.events(app: "web", limit: 10)
        #expect(events.map(\.reason) == ["SyncFailed", "ResourceUpdated", "SyncStarted"])
        #expect(events.first == Self.event("web", 3, "SyncFailed", type: AppEvent.warning))
        #expect(try fixture.store.events(app: "web", limit: 1).map(\.reason) == ["SyncFailed"])
        #expect(try fixture.store.events(app: "api", limit: 10).count == 1)
    }

    @Test(arguments: StoreFactory.all)
    func eventsAtTheSameTimeListTheLastRecordedFirst(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        try fixture.store.createApplication(sampleApp("web"))
        for reason in ["First", "Second", "Third"] { try fixture.store.recordEvent(Self.event("web", 5, reason)) }
        #expect(try fixture.store.events(app: "web", limit: 10).map(\.reason) == ["Third", "Second", "First"])
    }

    @Test(arguments: StoreFactory.all)
    func eventsNeedAnApplicationAndGoWithIt(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        let error = #expect(throws: StoreError.self) { try fixture.store.recordEvent(Self.event("ghost", 0, "X")) }
        #expect(error?.code == .notFound)
        try fixture.store.createApplication(sampleApp("web"))
        try fixture.store.recordEvent(Self.event("web", 0, "Created"))
        try fixture.store.deleteApplication(named: "web")
        try fixture.store.createApplication(sampleApp("web"))
        #expect(try fixture.store.events(app: "web", limit: 10).isEmpty)
    }

    @Test(arguments: StoreFactory.all)
    func settingsAreSetReplacedAndReadBack(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        #expect(try fixture.store.setting("admin.tokenHash") == nil)
        try fixture.store.setSetting("admin.tokenHash", "sha256:aaaa")
        try fixture.store.setSetting("other", "x")
        try fixture.store.setSetting("admin.tokenHash", "sha256:bbbb")
        #expect(try fixture.store.setting("admin.tokenHash") == "sha256:bbbb")
        #expect(try fixture.store.setting("other") == "x")
    }
}
