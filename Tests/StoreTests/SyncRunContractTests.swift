import FerryCore
import Foundation
import Store
import Testing

/// The sync-run history part of the `FerryStore` contract, run against every implementation.
@Suite struct SyncRunContractTests {
    static let manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            note: "tabs\tand unicode: ü 漢字 🚢, trailing spaces   "
        spec:
          replicas: 3
        ---
        # a comment, CRLF line ending follows\r
        apiVersion: v1
        kind: Service
        metadata: {name: web}

        """

    @Test(arguments: StoreFactory.all)
    func insertedRunReadsBackWithItsAssignedID(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        try fixture.store.createApplication(sampleApp("web"))
        var run = sampleRun("web", manifests: Self.manifests)
        run.id = 999
        run.rollbackOf = 3
        let id = try fixture.store.insertSyncRun(run)
        let stored = try #require(try fixture.store.syncRun(id: id))
        run.id = id
        #expect(stored == run)
        #expect(stored.phase == .running)
        #expect(stored.finishedAt == nil)
    }

    @Test(arguments: StoreFactory.all)
    func manifestsRoundTripByteForByte(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        try fixture.store.createApplication(sampleApp("web"))
        let large = String(repeating: Self.manifests + "---\n", count: 2_000)
        for manifests in [Self.manifests, large, "", "nul\u{0}inside\n"] {
            let id = try fixture.store.insertSyncRun(sampleRun("web", manifests: manifests))
            let stored = try #require(try fixture.store.syncRun(id: id)?.manifests)
            #expect(Array(stored.utf8) == Array(manifests.utf8))
        }
    }

    @Test(arguments: StoreFactory.all)
    func finishingRecordsOutcomeAndResources(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        try fixture.store.createApplication(sampleApp("web"))
        let id = try fixture.store.insertSyncRun(sampleRun("web", manifests: Self.manifests))
        let finishedAt = Date(timeIntervalSince1970: 1_700_000_042.25)
        try fixture.store.finishSyncRun(id: id, phase: .failed, message: "one or more resources failed",
                                        finishedAt: finishedAt, resources: sampleResults)
        let run = try #require(try fixture.store.syncRun(id: id))
        #expect(run.phase == .failed)
        #expect(run.message == "one or more resources failed")
        #expect(run.finishedAt == finishedAt)
        #expect(run.resources == sampleResults)
        #expect(run.resources.map(\.description).last == "ConfigMap/prod/old failed: forbidden: cannot delete")
        #expect(run.manifests == Self.manifests)
    }

    @Test(arguments: StoreFactory.all)
    func aFinishedRunCannotBeFinishedAgain(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        try fixture.store.createApplication(sampleApp("web"))
        let id = try fixture.store.insertSyncRun(sampleRun("web"))
        try fixture.store.finishSyncRun(id: id, phase: .succeeded, message: "ok", finishedAt: Date(), resources: [])
        let error = #expect(throws: StoreError.self) {
            try fixture.store.finishSyncRun(id: id, phase: .failed, message: "rewrite", finishedAt: Date(), resources: [])
        }
        #expect(error?.code == .invalid)
        #expect(try fixture.store.syncRun(id: id)?.message == "ok")
    }

    @Test(arguments: StoreFactory.all)
    func finishingAsRunningOrAnUnknownRunFails(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        try fixture.store.createApplication(sampleApp("web"))
        let id = try fixture.store.insertSyncRun(sampleRun("web"))
        let running = #expect(throws: StoreError.self) {
            try fixture.store.finishSyncRun(id: id, phase: .running, message: "", finishedAt: Date(), resources: [])
        }
        #expect(running?.code == .invalid)
        let unknown = #expect(throws: StoreError.self) {
            try fixture.store.finishSyncRun(id: 4242, phase: .succeeded, message: "", finishedAt: Date(), resources: [])
        }
        #expect(unknown?.description == "sync run 4242 not found")
    }

    @Test(arguments: StoreFactory.all)
    func runsAreListedNewestFirstPerAppWithALimit(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        try fixture.store.createApplication(sampleApp("web"))
        try fixture.store.createApplication(sampleApp("api"))
        var webIDs: [Int64] = []
        for i in 0..<5 {
            webIDs.append(try fixture.store.insertSyncRun(sampleRun("web", revision: "rev\(i)", second: Double(i))))
            _ = try fixture.store.insertSyncRun(sampleRun("api", second: Double(i)))
        }
        #expect(webIDs == webIDs.sorted())
        #expect(try fixture.store.syncRuns(app: "web", limit: 3).map(\.revision) == ["rev4", "rev3", "rev2"])
        #expect(try fixture.store.syncRuns(app: "web", limit: 100).map(\.id) == webIDs.reversed())
        #expect(try fixture.store.syncRuns(app: "web", limit: 0).isEmpty)
        #expect(try fixture.store.syncRuns(app: "nope", limit: 10).isEmpty)
    }

    @Test(arguments: StoreFactory.all)
    func runsNeedAnExistingApplication(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        let error = #expect(throws: StoreError.self) { try fixture.store.insertSyncRun(sampleRun("ghost")) }
        #expect(error?.code == .notFound)
        #expect(error?.description == "application \"ghost\" not found")
    }

    @Test(arguments: StoreFactory.all)
    func deletingAnApplicationDeletesItsHistoryButNeverReusesIDs(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        try fixture.store.createApplication(sampleApp("web"))
        try fixture.store.createApplication(sampleApp("api"))
        let first = try fixture.store.insertSyncRun(sampleRun("web"))
        let kept = try fixture.store.insertSyncRun(sampleRun("api"))
        let last = try fixture.store.insertSyncRun(sampleRun("web"))
        try fixture.store.deleteApplication(named: "web")
        #expect(try fixture.store.syncRun(id: first) == nil)
        #expect(try fixture.store.syncRun(id: last) == nil)
        #expect(try fixture.store.syncRun(id: kept)?.app == "api")
        try fixture.store.createApplication(sampleApp("web"))
        #expect(try fixture.store.syncRuns(app: "web", limit: 10).isEmpty)
        #expect(try fixture.store.insertSyncRun(sampleRun("web")) > last)
    }

    @Test(arguments: StoreFactory.all)
    func startTimesKeepMillisecondPrecision(_ factory: StoreFactory) throws {
        let fixture = try factory.make()
        try fixture.store.createApplication(sampleApp("web"))
        let started = Date(timeIntervalSince1970: 1_700_000_000.987_654)
        let id = try fixture.store.insertSyncRun(SyncRun(app: "web", revision: "r", startedAt: started, initiatedBy: "x"))
        let stored = try #require(try fixture.store.syncRun(id: id)?.startedAt)
        #expect(abs(stored.timeIntervalSince(started)) <= 0.001)
    }

    @Test(arguments: StoreFactory.all)
    func concurrentInsertsGetDistinctIDs(_ factory: StoreFactory) async throws {
        let fixture = try factory.make()
        try fixture.store.createApplication(sampleApp("web"))
        let store = fixture.store
        let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
            for i in 0..<64 {
                group.addTask {
                    let id = try store.insertSyncRun(sampleRun("web", second: Double(i)))
                    try store.finishSyncRun(id: id, phase: .succeeded, message: "run \(i)", finishedAt: Date(),
                                            resources: sampleResults)
                    return id
                }
            }
            return try await group.reduce(into: [Int64]()) { $0.append($1) }
        }
        #expect(Set(ids).count == 64)
        let runs = try store.syncRuns(app: "web", limit: 1_000)
        #expect(runs.count == 64)
        #expect(runs.allSatisfy { $0.phase == .succeeded && $0.resources == sampleResults })
    }
}
