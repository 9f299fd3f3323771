import FerryCore
import Foundation
import Store
import Testing

/// What only the SQLite store does: durability, migrations, WAL, and clear errors for bad files.
@Suite struct SQLiteStoreTests {
    @Test func historySurvivesClosingAndReopeningTheFile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ferry.db").path
        let id: Int64
        do {
            let store = try SQLiteStore(path: path)
            try store.createApplication(sampleApp("web"))
            id = try store.insertSyncRun(sampleRun("web", manifests: "kind: ConfigMap\n"))
            try store.finishSyncRun(id: id, phase: .succeeded, message: "ok", finishedAt: Date(), resources: sampleResults)
            try store.recordEvent(AppEvent(app: "web", time: Date(), reason: "SyncSucceeded", message: "ok"))
            try store.setSetting("admin.tokenHash", "sha256:abc")
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.application(named: "web") == sampleApp("web"))
        #expect(try reopened.syncRun(id: id)?.manifests == "kind: ConfigMap\n")
        #expect(try reopened.syncRun(id: id)?.resources == sampleResults)
        #expect(try reopened.events(app: "web", limit: 5).map(\.reason) == ["SyncSucceeded"])
        #expect(try reopened.setting("admin.tokenHash") == "sha256:abc")
        #expect(try reopened.insertSyncRun(sampleRun("web")) > id)
    }

    @Test func migrationsAreAppliedOnceAndRecordedInUserVersion() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ferry.db").path
        let first = try SQLiteStore(path: path)
        #expect(try first.database.userVersion() == StoreSchema.migrations.count)
        try first.createApplication(sampleApp("web"))
        // A second open must not re-run migration 1 (its CREATE TABLE would fail) nor lose data.
        let second = try SQLiteStore(path: path)
        #expect(try second.database.userVersion() == StoreSchema.migrations.count)
        #expect(try second.applications().map(\.name) == ["web"])
    }

    @Test func migrationVersionsAreConsecutiveFromOne() {
        #expect(StoreSchema.migrations.map(\.version) == Array(1...StoreSchema.migrations.count))
    }

    /// Shipped migrations are frozen. If this fails you edited migration 1: revert it and add migration 2.
    @Test func migrationOneIsFrozen() {
        #expect(StoreSchema.migrations[0].checksum == 4_466_709_358_321_094_746)
    }

    @Test func walModeIsOn() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(path: directory.appendingPathComponent("ferry.db").path)
        #expect(try store.database.query("PRAGMA journal_mode").first?.text("journal_mode") == "wal")
        #expect(try store.database.query("PRAGMA foreign_keys").first?.int("foreign_keys") == 1)
    }

    @Test func aCorruptFileGivesAnErrorNamingIt() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ferry.db").path
        try Data(String(repeating: "this is not a database. ", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error?.code == .database)
        #expect(error?.description == "\(path): file is not a database")
    }

    @Test func anUnopenablePathGivesAnErrorNamingIt() throws {
        let path = "/nonexistent-\(UUID().uuidString)/ferry.db"
        let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error?.code == .database)
        #expect(error?.description.hasPrefix("\(path): ") == true)
    }

    @Test func aDatabaseFromANewerFerryIsRefused() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ferry.db").path
        try SQLiteDatabase(path: path).execute("PRAGMA user_version = 99")
        let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error?.description.contains("schema version 99 is newer") == true)
        #expect(error?.description.hasPrefix(path) == true)
    }

    @Test func aFailingMigrationLeavesTheVersionUnchanged() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let broken = [Migration(version: 1, statements: ["CREATE TABLE t (x)"]),
                      Migration(version: 2, statements: ["CREATE TABLE u (y)", "THIS IS NOT SQL"])]
        #expect(throws: SQLiteError.self) { try database.migrate(broken) }
        #expect(try database.userVersion() == 1)
        #expect(try database.query("SELECT name FROM sqlite_master WHERE name = 'u'").isEmpty)
    }

    @Test func anInMemoryDatabaseWorksForOtherModulesTests() throws {
        let store = try SQLiteStore(path: ":memory:")
        try store.createApplication(sampleApp("web"))
        #expect(try store.applications().count == 1)
    }
}
