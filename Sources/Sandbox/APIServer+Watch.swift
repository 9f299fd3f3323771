import FerryCore
import Foundation

/// What drives a watch stream forward.
private enum WatchInput: Sendable {
    case event(ChangeEvent)
    case bookmark
    case end
}

extension APIServer {
    /// `?watch=true`: streams `{"type":…,"object":…}` lines.
    ///
    /// - `resourceVersion` absent or `0`: synthetic ADDED events for the current objects, then changes.
    /// - `resourceVersion=N`: replays the retained changes after N, then streams; when N is older than the
    ///   retained window the stream carries one ERROR event (410 Expired), as the real watch cache does.
    /// - `allowWatchBookmarks=true`: a BOOKMARK every `bookmarkInterval` carrying the resourceVersion reached.
    /// - `sendInitialEvents=true`: the current objects as ADDED, then an initial-events-end BOOKMARK.
    /// - `timeoutSeconds` (default 1800) ends the stream cleanly; so does an injected `dropWatchAfterSeconds`.
    func watch(_ target: Target, _ request: APIRequest) throws -> APIResponse {
        let sendInitialEvents = try Self.wantsInitialEvents(request)
        let filter = WatchFilter(type: target.type, namespace: target.type.namespaced ? target.namespace : nil,
                                 labels: try request.query["labelSelector"].map { try LabelSelector($0) },
                                 fields: try FieldSelector(request.query["fieldSelector"] ?? ""))
        let encoder = WatchEncoder(type: target.type, asTable: Table.isRequested(request.headers["accept"]))
        let start: (initial: [Value], after: Int64)
        let events: AsyncStream<ChangeEvent>
        do {
            let rv = sendInitialEvents ? "" : request.query["resourceVersion"] ?? ""
            (start, events) = try subscribe(filter, resourceVersion: rv)
        } catch let expired as HistoryExpired {
            let error = APIError(code: 410, reason: "Expired",
                                 message: "too old resource version: \(expired.requested) (\(expired.oldest))")
            let line = encoder.line("ERROR", error.status)
            return APIResponse(status: 200, body: Data(), stream: AsyncStream { $0.yield(line); $0.finish() })
        }
        var timeout = Duration.seconds(Int64(request.query["timeoutSeconds"] ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 1800)
        if let drop = faults.dropWatchAfter { timeout = min(timeout, drop) }
        let inputs = Self.inputs(events, timeout: timeout,
                                 bookmarks: request.query["allowWatchBookmarks"] == "true" ? bookmarkInterval : nil)
        let stream = Self.stream(inputs, start: start, filter: filter, encoder: encoder,
                                 initialEventsEnd: sendInitialEvents)
        return APIResponse(status: 200, body: Data(), stream: stream)
    }

    /// The response body: initial events, then each input turned into lines until the end.
    private static func stream(_ inputs: AsyncStream<WatchInput>, start: (initial: [Value], after: Int64),
                               filter: WatchFilter, encoder: WatchEncoder, initialEventsEnd: Bool) -> AsyncStream<Data> {
        AsyncStream<Data> { continuation in
            let task = Task {
                for object in start.initial { continuation.yield(encoder.line("ADDED", object)) }
                if initialEventsEnd {
                    var end = Self.bookmark(filter.type, start.after)
                    end[path: ["metadata", "annotations"]] = ["k8s.io/initial-events-end": "true"]
                    continuation.yield(encoder.line("BOOKMARK", end))
                }
                var reached = start.after
                loop: for await input in inputs {
                    switch input {
                    case .event(let event):
                        guard event.resourceVersion > start.after else { continue }
                        reached = event.resourceVersion
                        if let (type, object) = filter.translate(event) {
                            // Tables carry an age, so only plain JSON lines are shared between watches.
                            continuation.yield(encoder.asTable ? encoder.line(type, object)
                                : event.lines.line("\(type) \(filter.type.apiVersion)") { encoder.line(type, object) })
                        }
                    case .bookmark:
                        continuation.yield(encoder.line("BOOKMARK", Self.bookmark(filter.type, reached)))
                    case .end:
                        break loop
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// `sendInitialEvents=true` (a streaming list): allowed with `resourceVersionMatch=NotOlderThan` and
    /// bookmarks, as the real server requires; the initial ADDED events end with a BOOKMARK annotated
    /// `k8s.io/initial-events-end: "true"`.
    private static func wantsInitialEvents(_ request: APIRequest) throws -> Bool {
        guard let value = request.query["sendInitialEvents"], value == "true" else { return false }
        guard request.query["resourceVersionMatch"] == "NotOlderThan" else {
            throw APIError.badRequest("sendInitialEvents requires resourceVersionMatch=NotOlderThan")
        }
        guard request.query["allowWatchBookmarks"] == "true" else {
            throw APIError.badRequest("sendInitialEvents requires allowWatchBookmarks=true")
        }
        return true
    }

    /// The initial objects (for `resourceVersion` absent/0) and the feed subscription after them.
    private func subscribe(_ filter: WatchFilter, resourceVersion: String)
        throws -> ((initial: [Value], after: Int64), AsyncStream<ChangeEvent>) {
        if !resourceVersion.isEmpty && resourceVersion != "0" {
            guard let rv = Int64(resourceVersion), rv > 0 else {
                throw APIError.badRequest("invalid resourceVersion \"\(resourceVersion)\": must be a positive integer")
            }
            return (([], rv), try store.feed.subscribe(after: rv))
        }
        // List, then subscribe after the list's resourceVersion: retained events close the gap between them.
        var attempts = 0
        while true {
            let (items, rv) = try store.list(group: filter.type.group, resource: filter.type.name,
                                             namespace: filter.namespace)
            do {
                return ((items.filter(filter.matches), rv), try store.feed.subscribe(after: rv))
            } catch {
                attempts += 1
                if attempts >= 3 { throw error }
            }
        }
    }

    /// Merges feed events, bookmark ticks and the deadline into one ordered input stream.
    private static func inputs(_ events: AsyncStream<ChangeEvent>, timeout: Duration,
                               bookmarks: Duration?) -> AsyncStream<WatchInput> {
        AsyncStream { continuation in
            let pump = Task {
                for await event in events { continuation.yield(.event(event)) }
                continuation.yield(.end)
            }
            let deadline = Task {
                try? await Task.sleep(for: timeout)
                continuation.yield(.end)
            }
            let ticker = Task {
                guard let bookmarks else { return }
                while !Task.isCancelled {
                    do { try await Task.sleep(for: bookmarks) } catch { return }
                    continuation.yield(.bookmark)
                }
            }
            continuation.onTermination = { _ in pump.cancel(); deadline.cancel(); ticker.cancel() }
        }
    }

    /// A BOOKMARK's object: only the kind and the resourceVersion the watch has reached.
    private static func bookmark(_ type: ResourceType, _ resourceVersion: Int64) -> Value {
        ["kind": .string(type.kind), "apiVersion": .string(type.apiVersion),
         "metadata": ["resourceVersion": .string(String(resourceVersion)), "creationTimestamp": .null]]
    }
}

/// Turns watch events into response lines: JSON, or Tables for `kubectl get -w`.
private struct WatchEncoder: Sendable {
    var type: ResourceType
    var asTable: Bool

    /// One `{"type":…,"object":…}` line.
    func line(_ eventType: String, _ object: Value) -> Data {
        var object = object
        guard eventType != "ERROR" else {  // a Status keeps its own apiVersion
            return Data((JSON.encode(["type": "ERROR", "object": object]) + "\n").utf8)
        }
        object["apiVersion"] = .string(type.apiVersion)
        if asTable && eventType != "BOOKMARK" {
            let rv = object[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
            object = Table.render([object], type, resourceVersion: rv)
        }
        return Data((JSON.encode(["type": .string(eventType), "object": object]) + "\n").utf8)
    }
}
