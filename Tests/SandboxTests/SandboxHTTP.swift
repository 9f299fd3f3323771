import FerryCore
import Foundation
import KubeClient
@testable import Sandbox

/// A started sandbox spoken to over HTTP with KubeClient's transport (transfers run off the cooperative pool).
struct SandboxHTTP {
    let cluster: SandboxCluster
    let base: URL
    let transport: HTTPTransport

    static func start(_ options: SandboxOptions = SandboxOptions(simulationDelay: .milliseconds(50)),
                      directory: URL? = nil) async throws -> SandboxHTTP {
        let dir = directory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-http-\(UUID().uuidString)")
        let cluster = try SandboxCluster(dataDirectory: dir, options: options)
        let base = try await cluster.start()
        let transport = HTTPTransport(settings: TransportSettings(auth: .bearer(cluster.token)))
        return SandboxHTTP(cluster: cluster, base: base, transport: transport)
    }

    func url(_ path: String) -> URL { URL(string: base.absoluteString + path)! }

    /// Sends a request and parses the JSON body.
    func send(_ method: String = "GET", _ path: String, body: Value? = nil,
              headers: [(name: String, value: String)] = []) async throws -> (status: Int, json: Value, response: HTTPResponse) {
        var all = headers
        if body != nil, !all.contains(where: { $0.name == "Content-Type" }) { all.append((name: "Content-Type", value: "application/json")) }
        let request = HTTPRequest(method: method, url: url(path), headers: all,
                                  body: body.map { Data(JSON.encode($0).utf8) }, timeout: 15)
        let response = try await transport.send(request)
        let json = (try? JSON.parse(response.body)) ?? .null
        return (response.status, json, response)
    }

    /// Creates a ConfigMap; returns its resourceVersion.
    @discardableResult
    func createConfigMap(_ name: String, namespace: String = "default", labels: [String: String] = [:]) async throws -> Int64 {
        var metadata: Value = ["name": .string(name)]
        if !labels.isEmpty { metadata["labels"] = .object(.init(uniqueKeysWithValues: labels.map { ($0, .string($1)) })) }
        let (status, json, _) = try await send("POST", "/api/v1/namespaces/\(namespace)/configmaps",
                                               body: ["apiVersion": "v1", "kind": "ConfigMap", "metadata": metadata])
        guard status == 201 else { throw SandboxError("create \(name) answered \(status): \(JSON.encode(json))") }
        return json.resourceVersion
    }

    /// Opens a watch; each element is one decoded event.
    func watch(_ path: String, timeout: Double = 15) -> AsyncThrowingStream<Value, Error> {
        let lines = transport.lines(HTTPRequest(url: url(path), timeout: timeout))
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await line in lines where !line.isEmpty { continuation.yield(try JSON.parse(line)) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

extension Value {
    /// `metadata.resourceVersion` (of an object or a list) as a number.
    var resourceVersion: Int64 { self[path: ["metadata", "resourceVersion"]]?.stringValue.flatMap { Int64($0) } ?? -1 }
    var name: String { self[path: ["metadata", "name"]]?.stringValue ?? "" }
}

struct TimedOut: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
}

/// Runs `body`, failing with `TimedOut` after `seconds` (the body is cancelled).
func within<T: Sendable>(_ seconds: Double, _ what: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask { try? await Task.sleep(for: .milliseconds(Int64(seconds * 1000))); return nil }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw TimedOut(what: what) }
        return value
    }
}

/// Reads events from a watch until `done` says stop (returning the events read), within `seconds`.
func collect(_ events: AsyncThrowingStream<Value, Error>, within seconds: Double = 60, _ what: String,
             until done: @escaping @Sendable ([Value]) -> Bool) async throws -> [Value] {
    try await within(seconds, what) {
        var seen: [Value] = []
        for try await event in events {
            seen.append(event)
            if done(seen) { return seen }
        }
        return seen
    }
}
