import FerryCore
import Foundation

extension APIServer {
    /// `?watch=true`: streams `{"type":…,"object":…}` lines for changes after the request.
    /// (Replaying history from an older `resourceVersion` is not supported yet.)
    func watch(_ target: Target, _ request: APIRequest) throws -> APIResponse {
        if request.query["sendInitialEvents"] == "true" {
            throw APIError.badRequest("sendInitialEvents is not supported; use list and watch")
        }
        let selector = try request.query["labelSelector"].map { try LabelSelector($0) }
        let fields = try FieldSelector(request.query["fieldSelector"] ?? "")
        let timeout = request.query["timeoutSeconds"].flatMap(Int.init) ?? 1800
        let events = store.feed.subscribe()
        let type = target.type
        let namespace = type.namespaced ? target.namespace : nil
        let stream = AsyncStream<Data> { continuation in
            let task = Task {
                for await event in events {
                    guard event.key.group == type.group, event.key.resource == type.name,
                          namespace == nil || event.key.namespace == namespace,
                          selector?.matches(KubeObject(event.object).labels) ?? true,
                          fields.matches(event.object) else { continue }
                    var object = event.object
                    object["apiVersion"] = .string(type.apiVersion)
                    let line: Value = ["type": .string(event.type.rawValue), "object": object]
                    continuation.yield(Data((JSON.encode(line) + "\n").utf8))
                }
                continuation.finish()
            }
            let timer = Task {
                try? await Task.sleep(for: .seconds(timeout))
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel(); timer.cancel() }
        }
        return APIResponse(status: 200, body: Data(), stream: stream)
    }
}
