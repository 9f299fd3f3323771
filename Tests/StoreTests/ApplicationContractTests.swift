import FerryCore
import Foundation
import Store
import Testing

/// The application part of the `FerryStore` contract, run against every implementation.
@Suite struct ApplicationContractTests {
    @Test(arguments: StoreFactory.all)
    func createdApplicationReadsBackEqual(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        let app = sampleApp("guestbook")
        try fixture.store.createApplication(app)
        let stored = try #require(try fixture.store.application(named: "guestbook"))
        #expect(stored == app)
        #expect(stored.spec.syncPolicy?.syncOptions == ["CreateNamespace=true"])
        #expect(stored.status.health == Health(.progressing, "Deployment web: 1 of 3 replicas available"))
    }

    @Test(arguments: StoreFactory.all)
    func missingApplicationIsNil(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        #expect(try fixture.store.application(named: "nope") == nil)
    }

    @Test(arguments: StoreFactory.all)
    func creatingADuplicateNameFailsAndKeepsTheOriginal(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        try fixture.store.createApplication(sampleApp("web", namespace: "first"))
        let error = #expect(throws: StoreError.self) { try fixture.store.createApplication(sampleApp("web", namespace: "second")) }
        #expect(error?.code == .alreadyExists)
        #expect(error?.description == "application \"web\" already exists")
        #expect(try fixture.store.application(named: "web")?.spec.destination.namespace == "first")
    }

    @Test(arguments: StoreFactory.all)
    func applicationsAreListedByName(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        for name in ["zeta", "alpha", "mid-2", "mid-10"] { try fixture.store.createApplication(sampleApp(name)) }
        #expect(try fixture.store.applications().map(\.name) == ["alpha", "mid-10", "mid-2", "zeta"])
    }

    @Test(arguments: StoreFactory.all)
    func updateReplacesSpecAndStatus(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        try fixture.store.createApplication(sampleApp("web"))
        var app = sampleApp("web")
        app.spec.source.targetRevision = "v2.0.0"
        app.status.sync = .init(status: .synced, revision: "feedbeef")
        app.status.reconciledAt = Date(timeIntervalSince1970: 1_700_000_100.5) // binary-exact
        app.status.pinned = .init(syncRunID: 7, gitRevision: "0123abcd")
        try fixture.store.updateApplication(app)
        #expect(try fixture.store.application(named: "web") == app)
    }

    @Test(arguments: StoreFactory.all)
    func updatingAMissingApplicationFails(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        let error = #expect(throws: StoreError.self) { try fixture.store.updateApplication(sampleApp("ghost")) }
        #expect(error?.code == .notFound)
        #expect(error?.description.contains("\"ghost\"") == true)
        #expect(try fixture.store.application(named: "ghost") == nil)
    }

    @Test(arguments: StoreFactory.all)
    func deleteRemovesOnlyThatApplication(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        try fixture.store.createApplication(sampleApp("a"))
        try fixture.store.createApplication(sampleApp("b"))
        try fixture.store.deleteApplication(named: "a")
        #expect(try fixture.store.application(named: "a") == nil)
        #expect(try fixture.store.applications().map(\.name) == ["b"])
        let error = #expect(throws: StoreError.self) { try fixture.store.deleteApplication(named: "a") }
        #expect(error?.code == .notFound)
    }

    @Test(arguments: StoreFactory.all)
    func aDeletedNameCanBeCreatedAgain(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        try fixture.store.createApplication(sampleApp("web", namespace: "old"))
        try fixture.store.deleteApplication(named: "web")
        try fixture.store.createApplication(sampleApp("web", namespace: "new"))
        #expect(try fixture.store.application(named: "web")?.spec.destination.namespace == "new")
    }

    @Test(arguments: StoreFactory.all)
    func datesKeepMillisecondPrecision(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        var app = sampleApp("web")
        let reconciled = Date(timeIntervalSince1970: 1_700_000_000.456_789)
        app.status.reconciledAt = reconciled
        try fixture.store.createApplication(app)
        let stored = try #require(try fixture.store.application(named: "web")?.status.reconciledAt)
        #expect(abs(stored.timeIntervalSince(reconciled)) <= 0.001)
    }
}
