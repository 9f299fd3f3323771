import FerryCore
import Foundation
import Testing
@testable import Sandbox

/// Watches over HTTP: resuming from a resourceVersion, synthetic initial events, bookmarks, timeouts,
/// selector transitions and 410 for history that is gone.
@Suite struct WatchTests {
    static let configMaps = "/api/v1/namespaces/default/configmaps"

    @Test func watchFromAListsResourceVersionLosesNoEventsUnderConcurrentWrites() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        let listed = try await sandbox.send("GET", Self.configMaps)
        let count = 200
        let writer = Task {
            for i in 0..<count { try await sandbox.createConfigMap("cm-\(i)") }
        }
        // Writes are under way (and some done) before the watch starts: those come from the retained history.
        let started = Date()
        let events = sandbox.watch("\(Self.configMaps)?watch=1&resourceVersion=\(listed.json.resourceVersion)")
        let seen = try await collect(events, within: 30, "\(count) ADDED events") { $0.count >= count }
        let elapsed = Date().timeIntervalSince(started)
        try await writer.value
        #expect(seen.count == count)
        #expect(Set(seen.map { $0["object"]?.name ?? "" }) == Set((0..<count).map { "cm-\($0)" }))
        #expect(seen.allSatisfy { $0["type"] == "ADDED" })
        let versions = seen.map { $0["object"]?.resourceVersion ?? -1 }
        #expect(versions == versions.sorted() && Set(versions).count == count)
        print("watch delivered \(count) events written concurrently in \(String(format: "%.2f", elapsed)) s")
    }

    @Test func aWatchKeepsUpWithABurstOfWritesInOrder() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        let start = try await sandbox.createConfigMap("seed")
        let events = sandbox.watch("\(Self.configMaps)?watch=1&resourceVersion=\(start)", timeout: 60)
        let count = 2000
        let store = sandbox.cluster.store
        let began = Date()
        let writer = Task.detached {
            for i in 0..<count {
                let key = ObjectKey(group: "", resource: "configmaps", namespace: "default", name: "seed")
                try store.modify(key) { current in
                    guard var object = current else { return .keep }
                    object["data"] = ["n": .string(String(i))]
                    return .put(object)
                }
            }
        }
        let seen = try await collect(events, within: 60, "\(count) MODIFIED events") { $0.count >= count }
        let elapsed = Date().timeIntervalSince(began)
        try await writer.value
        #expect(seen.map { $0["object"]?["data"]?["n"]?.stringValue ?? "" } == (0..<count).map(String.init))
        print("watch streamed \(count) events in \(String(format: "%.2f", elapsed)) s "
            + "(\(Int(Double(count) / elapsed)) events/s, writes included)")
    }

    @Test func watchWithoutResourceVersionStartsWithSyntheticAddedEvents() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        for name in ["a", "b", "c"] { try await sandbox.createConfigMap(name) }
        var expected = ["a", "b", "c"]
        for (index, query) in ["watch=true", "watch=1&resourceVersion=0"].enumerated() {
            let events = sandbox.watch("\(Self.configMaps)?\(query)")
            let count = expected.count
            let initial = try await collect(events, "initial events for \(query)") { $0.count == count }
            #expect(initial.allSatisfy { $0["type"] == "ADDED" })
            #expect(initial.map { $0["object"]?.name ?? "" } == expected)
            try await sandbox.createConfigMap("d\(index)")
            let next = try await collect(events, "the next event") { $0.count == 1 }
            #expect(next.first?["type"] == "ADDED" && next.first?["object"]?.name == "d\(index)")
            expected.append("d\(index)")
        }
    }

    @Test func streamingListEndsItsInitialEventsWithAnAnnotatedBookmark() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        for name in ["a", "b"] { try await sandbox.createConfigMap(name) }
        let listed = try await sandbox.send("GET", Self.configMaps).json.resourceVersion
        let events = sandbox.watch("\(Self.configMaps)?watch=1&sendInitialEvents=true&allowWatchBookmarks=true"
            + "&resourceVersionMatch=NotOlderThan")
        let seen = try await collect(events, "initial events and their end") { $0.count == 3 }
        #expect(seen.map { $0["type"]?.stringValue ?? "" } == ["ADDED", "ADDED", "BOOKMARK"])
        let end = seen.last?["object"] ?? .null
        #expect(end[path: ["metadata", "annotations", "k8s.io/initial-events-end"]] == "true")
        #expect(end.resourceVersion == listed)
        let refused = try await sandbox.send("GET", "\(Self.configMaps)?watch=1&sendInitialEvents=true")
        #expect(refused.status == 400)
    }

    @Test func watchFromAResourceVersionOlderThanTheHistoryGets410Expired() async throws {
        let sandbox = try await SandboxHTTP.start(SandboxOptions(watchHistory: 5))
        defer { Task { await sandbox.cluster.stop() } }
        var last: Int64 = 0
        for i in 0..<10 { last = try await sandbox.createConfigMap("cm-\(i)") }
        let events = sandbox.watch("\(Self.configMaps)?watch=1&resourceVersion=2")
        let seen = try await collect(events, "the ERROR event") { $0.count == 1 }
        let status = seen.first?["object"] ?? .null
        #expect(seen.first?["type"] == "ERROR")
        #expect(status["kind"] == "Status" && status["code"] == .int(410) && status["reason"] == "Expired")
        #expect(status["message"]?.stringValue == "too old resource version: 2 (\(last - 5))")
        // The Status keeps apiVersion v1 whatever the watched group.
        let deployments = sandbox.watch("/apis/apps/v1/namespaces/default/deployments?watch=1&resourceVersion=2")
        let appsError = try await collect(deployments, "the apps ERROR event") { $0.count == 1 }
        #expect(appsError.first?["object"]?["apiVersion"] == "v1" && appsError.first?["object"]?["code"] == .int(410))
        // The newest retained window still works.
        let resumed = sandbox.watch("\(Self.configMaps)?watch=1&resourceVersion=\(last - 2)")
        let replay = try await collect(resumed, "replayed events") { $0.count == 2 }
        #expect(replay.map { $0["object"]?.name ?? "" } == ["cm-8", "cm-9"])
    }

    @Test func afterARestartOlderResourceVersionsAreExpiredAndNewerOnesResume() async throws {
        let first = try await SandboxHTTP.start()
        let before = try await first.createConfigMap("before")
        let last = try await first.createConfigMap("last")
        await first.cluster.stop()
        let second = try await SandboxHTTP.start(directory: first.cluster.dataDirectory)
        defer { Task { await second.cluster.stop() } }
        let old = second.watch("\(Self.configMaps)?watch=1&resourceVersion=\(before)")
        let expired = try await collect(old, "the ERROR event") { $0.count == 1 }
        #expect(expired.first?["object"]?["message"]?.stringValue == "too old resource version: \(before) (\(last))")
        let resumed = second.watch("\(Self.configMaps)?watch=1&resourceVersion=\(last)")
        let written = try await second.createConfigMap("after")
        let seen = try await collect(resumed, "the write after the restart") { $0.count == 1 }
        #expect(seen.first?["object"]?.resourceVersion == written && written == last + 1)
    }

    @Test func bookmarksCarryTheResourceVersionTheWatchReached() async throws {
        let sandbox = try await SandboxHTTP.start(SandboxOptions(bookmarkInterval: .milliseconds(50)))
        defer { Task { await sandbox.cluster.stop() } }
        let start = try await sandbox.createConfigMap("first")
        let events = sandbox.watch("\(Self.configMaps)?watch=1&allowWatchBookmarks=true&resourceVersion=\(start)")
        let first = try await collect(events, "a bookmark") { $0.last?["type"] == "BOOKMARK" }
        #expect(first.count == 1)
        #expect(first.last?["object"]?.resourceVersion == start)
        #expect(first.last?["object"]?["kind"] == "ConfigMap")
        let written = try await sandbox.createConfigMap("second")
        let later = try await collect(events, "a bookmark past the write") {
            $0.last?["type"] == "BOOKMARK" && $0.last?["object"]?.resourceVersion ?? 0 >= written
        }
        // Bookmarks never run ahead of events: the ADDED comes first, and the bookmark stops at the write.
        let added = later.firstIndex { $0["type"] == "ADDED" }
        #expect(added != nil && later[..<(added ?? 0)].allSatisfy { $0["object"]?.resourceVersion == start })
        #expect(later.last?["object"]?.resourceVersion == written)
        // Without allowWatchBookmarks, no bookmarks: the stream ends at its timeout with no events.
        let plain = sandbox.watch("\(Self.configMaps)?watch=1&resourceVersion=\(written)&timeoutSeconds=1")
        #expect(try await collect(plain, "the end of a quiet watch") { _ in false }.isEmpty)
    }

    @Test func timeoutSecondsEndsTheStreamCleanly() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        let started = Date()
        let events = sandbox.watch("\(Self.configMaps)?watch=1&timeoutSeconds=1")
        let seen = try await collect(events, "the stream's end") { _ in false }
        #expect(seen.isEmpty)
        #expect(Date().timeIntervalSince(started) >= 0.9)
    }

    @Test func objectsLeavingAndEnteringASelectorAppearAsDeletedAndAdded() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        let rv = try await sandbox.createConfigMap("unrelated")
        let events = sandbox.watch("\(Self.configMaps)?watch=1&labelSelector=app%3Dweb&resourceVersion=\(rv)")
        try await sandbox.createConfigMap("web", labels: ["app": "web"])
        try await relabel(sandbox, "web", to: "other")
        try await relabel(sandbox, "web", to: "web")
        _ = try await sandbox.send("DELETE", "\(Self.configMaps)/web")
        let seen = try await collect(events, "four selector events") { $0.count == 4 }
        #expect(seen.map { $0["type"]?.stringValue ?? "" } == ["ADDED", "DELETED", "ADDED", "DELETED"])
        // The DELETED for leaving the selector shows the last matching state at the new resourceVersion.
        #expect(seen[1]["object"]?[path: ["metadata", "labels", "app"]] == "web")
        #expect(seen[1]["object"]?.resourceVersion ?? 0 > seen[0]["object"]?.resourceVersion ?? 0)
    }

    private func relabel(_ sandbox: SandboxHTTP, _ name: String, to app: String) async throws {
        let patch: Value = ["metadata": ["labels": ["app": .string(app)]]]
        let (status, _, _) = try await sandbox.send("PATCH", "\(Self.configMaps)/\(name)", body: patch,
                                                   headers: [(name: "Content-Type", value: "application/merge-patch+json")])
        #expect(status == 200)
    }
}
