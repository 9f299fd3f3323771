import FerryCore
import Foundation
import Testing
@testable import Sandbox

/// `limit` / `continue` paging: every object once, the first page's snapshot on every page, and the real
/// server's 400/410 answers for bad and expired tokens.
@Suite struct PaginationTests {
    static let configMaps = "/api/v1/namespaces/default/configmaps"

    @Test func chunkedListReturnsEveryObjectOnceWithRemainingItemCount() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        for name in ["e", "a", "d", "b", "c"] { try await sandbox.createConfigMap(name) }
        var names: [[String]] = [], remaining: [Value?] = [], versions: Set<Int64> = []
        var path = "\(Self.configMaps)?limit=2"
        for _ in 0..<5 {
            let (status, page, _) = try await sandbox.send("GET", path)
            #expect(status == 200)
            names.append(page["items"]?.arrayValue?.map(\.name) ?? [])
            remaining.append(page[path: ["metadata", "remainingItemCount"]])
            versions.insert(page.resourceVersion)
            guard let token = page[path: ["metadata", "continue"]]?.stringValue else { break }
            path = "\(Self.configMaps)?limit=2&continue=\(token)"
        }
        #expect(names == [["a", "b"], ["c", "d"], ["e"]])
        #expect(remaining == [.int(3), .int(1), nil])
        #expect(versions.count == 1)
    }

    @Test func laterPagesShowTheFirstPagesSnapshot() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        for name in ["a", "b", "c", "d"] { try await sandbox.createConfigMap(name) }
        let first = try await sandbox.send("GET", "\(Self.configMaps)?limit=2").json
        let token = first[path: ["metadata", "continue"]]?.stringValue ?? ""
        // Changes after the first page: a new object, a deletion and an update on the rest of the list.
        try await sandbox.createConfigMap("bb")
        _ = try await sandbox.send("DELETE", "\(Self.configMaps)/c")
        _ = try await sandbox.send("PATCH", "\(Self.configMaps)/d", body: ["data": ["k": "v"]],
                                   headers: [(name: "Content-Type", value: "application/merge-patch+json")])
        let second = try await sandbox.send("GET", "\(Self.configMaps)?limit=10&continue=\(token)").json
        #expect(second["items"]?.arrayValue?.map(\.name) == ["c", "d"])
        #expect(second["items"]?.arrayValue?.last?["data"] == nil)
        #expect(second.resourceVersion == first.resourceVersion)
        // A fresh list sees the changes.
        let fresh = try await sandbox.send("GET", Self.configMaps).json
        #expect(fresh["items"]?.arrayValue?.map(\.name) == ["a", "b", "bb", "d"])
    }

    /// Pages after many changes still show the first page's snapshot, with an exact remainingItemCount: the
    /// store reads only each page's rows and the counts come from SQL, corrected by the undone changes.
    @Test func pagesAndCountsStayExactWhenChangesCrowdTheRestOfTheList() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        let names = (0..<20).map { String(format: "cm%02d", $0 * 2) }
        for name in names { try await sandbox.createConfigMap(name) }
        let first = try await sandbox.send("GET", "\(Self.configMaps)?limit=3").json
        #expect(first[path: ["metadata", "remainingItemCount"]] == .int(17))
        // After the first page: creations in between and at the end, deletions ahead, an update, a re-creation.
        for name in ["cm05", "cm07", "cm99", "cm00a"] { try await sandbox.createConfigMap(name) }
        for name in ["cm08", "cm10", "cm12", "cm30", "cm38"] { _ = try await sandbox.send("DELETE", "\(Self.configMaps)/\(name)") }
        _ = try await sandbox.send("PATCH", "\(Self.configMaps)/cm14", body: ["data": ["k": "v"]],
                                   headers: [(name: "Content-Type", value: "application/merge-patch+json")])
        try await sandbox.createConfigMap("cm10")
        var seen = first["items"]?.arrayValue?.map(\.name) ?? []
        var token = first[path: ["metadata", "continue"]]?.stringValue
        while let next = token {
            let page = try await sandbox.send("GET", "\(Self.configMaps)?limit=3&continue=\(next)").json
            #expect(page.resourceVersion == first.resourceVersion)
            seen += page["items"]?.arrayValue?.map(\.name) ?? []
            token = page[path: ["metadata", "continue"]]?.stringValue
            let remaining = page[path: ["metadata", "remainingItemCount"]]
            #expect(remaining == (token == nil ? nil : .int(Int64(names.count - seen.count))), "after \(seen)")
            if page["items"]?.arrayValue?.contains(where: { $0.name == "cm14" }) == true {
                #expect(page["items"]?.arrayValue?.first { $0.name == "cm14" }?["data"] == nil)
            }
        }
        #expect(seen == names)
    }

    @Test func expiredTokensGet410WithAFreshTokenAndInvalidOnes400() async throws {
        let sandbox = try await SandboxHTTP.start(SandboxOptions(watchHistory: 3))
        defer { Task { await sandbox.cluster.stop() } }
        for name in ["a", "b", "c"] { try await sandbox.createConfigMap(name) }
        let first = try await sandbox.send("GET", "\(Self.configMaps)?limit=1").json
        let token = first[path: ["metadata", "continue"]]?.stringValue ?? ""
        for i in 0..<5 { try await sandbox.createConfigMap("z\(i)") }
        let expired = try await sandbox.send("GET", "\(Self.configMaps)?limit=1&continue=\(token)")
        #expect(expired.status == 410)
        #expect(expired.json["reason"] == "Expired")
        #expect(expired.json["message"]?.stringValue?.hasPrefix("The provided continue parameter is too old") == true)
        // The 410 carries a token that continues (inconsistently) from the current state.
        let fresh = expired.json[path: ["metadata", "continue"]]?.stringValue ?? ""
        let rest = try await sandbox.send("GET", "\(Self.configMaps)?continue=\(fresh)")
        #expect(rest.status == 200)
        #expect(rest.json["items"]?.arrayValue?.map(\.name) == ["b", "c", "z0", "z1", "z2", "z3", "z4"])

        let garbage = try await sandbox.send("GET", "\(Self.configMaps)?limit=1&continue=not-a-token")
        #expect(garbage.status == 400)
        #expect(garbage.json["message"]?.stringValue?.hasPrefix("invalid continue token: continue key is not valid") == true)
        let withVersion = try await sandbox.send("GET", "\(Self.configMaps)?limit=1&resourceVersion=5&continue=\(fresh)")
        #expect(withVersion.status == 400)
    }

    @Test func tokensRoundTripAndDecodeLikeTheRealServers() throws {
        let token = ContinueToken(resourceVersion: 42, start: "default/web\u{0}")
        #expect(try ContinueToken(decoding: token.encoded) == token)
        #expect(!token.encoded.contains("=") && !token.encoded.contains("+") && !token.encoded.contains("/"))
        // A token minted by kube-apiserver for the same position decodes to the same place.
        let real = Data(#"{"v":"meta.k8s.io/v1","rv":42,"start":"default/web\u0000"}"#.utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "")
        #expect(try ContinueToken(decoding: real) == token)
        #expect(throws: APIError.self) { try ContinueToken(decoding: Data(#"{"v":"v9","rv":1,"start":"a"}"#.utf8).base64EncodedString()) }
    }
}
