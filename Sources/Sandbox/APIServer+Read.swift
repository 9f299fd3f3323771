import FerryCore
import Foundation

extension APIServer {
    /// GET one object (or its status/scale view).
    func get(_ target: Target, _ request: APIRequest) throws -> APIResponse {
        let name = target.name ?? ""
        guard var object = try store.get(target.key(name)) else { throw APIError.notFound(target.type, name) }
        object["apiVersion"] = .string(target.type.apiVersion)
        if target.subresource == "scale" { return .json(Scale.view(of: object, target.type)) }
        if target.subresource == nil, Table.isRequested(request.headers["accept"]) {
            let rv = object[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
            return .json(Table.render([object], target.type, resourceVersion: rv))
        }
        return .json(object)
    }

    /// GET one object without content negotiation.
    func get(_ target: Target, _ name: String? = nil) throws -> APIResponse {
        let name = name ?? target.name ?? ""
        guard var object = try store.get(target.key(name)) else { throw APIError.notFound(target.type, name) }
        object["apiVersion"] = .string(target.type.apiVersion)
        if target.subresource == "scale" { return .json(Scale.view(of: object, target.type)) }
        return .json(object)
    }

    /// GET a collection, filtered by `labelSelector` and `fieldSelector`, paged by `limit` and `continue`.
    /// Every page of one list shows the snapshot at the first page's resourceVersion (rebuilt from the
    /// retained change history); a token older than that history gets 410 Expired.
    func list(_ target: Target, _ request: APIRequest) throws -> APIResponse {
        let page: ListPage
        do {
            page = try listPage(target, request)
        } catch let expired as ExpiredContinue {
            return ContinueToken.expired(continuing: expired.start)
        }
        var metadata: Value = ["resourceVersion": .string(String(page.resourceVersion))]
        if let next = page.next {
            metadata["continue"] = .string(next.encoded)
            if let remaining = page.remaining { metadata["remainingItemCount"] = .int(Int64(remaining)) }
        }
        if Table.isRequested(request.headers["accept"]) {
            var table = Table.render(page.items, target.type, resourceVersion: String(page.resourceVersion))
            table["metadata"] = metadata
            return .json(table)
        }
        return .json(["kind": .string(target.type.kind + "List"), "apiVersion": .string(target.type.apiVersion),
                      "metadata": metadata, "items": .array(page.items)])
    }

    /// A list at a `resourceVersion` the store has not reached: like the real watch cache, wait up to
    /// `freshnessTimeout` for it (`resourceVersionMatch=Exact` does not wait, as etcd refuses a future revision
    /// at once), then answer 504 Timeout "Too large resource version".
    func awaitResourceVersion(_ request: APIRequest) async throws {
        guard (request.query["continue"] ?? "").isEmpty, let text = request.query["resourceVersion"],
              let requested = Int64(text), requested > 0, requested > store.feed.latest else { return }
        if request.query["resourceVersionMatch"] != "Exact",
           await store.feed.waitUntil(reached: requested, timeout: freshnessTimeout) { return }
        throw APIError.tooLargeResourceVersion(requested, current: store.feed.latest)
    }

    /// One page of a list request.
    private func listPage(_ target: Target, _ request: APIRequest) throws -> ListPage {
        let filter = WatchFilter(type: target.type, namespace: target.type.namespaced ? target.namespace : nil,
                                 labels: try request.query["labelSelector"].map { try LabelSelector($0) },
                                 fields: try FieldSelector(request.query["fieldSelector"] ?? ""))
        let requestedRV = request.query["resourceVersion"] ?? ""
        var limit = try Self.limit(request.query["limit"])
        var snapshotRV: Int64?
        var start = ""
        if let text = request.query["continue"], !text.isEmpty {
            if !requestedRV.isEmpty && requestedRV != "0" {
                throw APIError.badRequest("specifying resource version is not allowed when using continue")
            }
            let token = try ContinueToken(decoding: text)
            snapshotRV = token.resourceVersion > 0 ? token.resourceVersion : nil
            start = token.start
        } else if request.query["resourceVersionMatch"] == "Exact" {
            guard let rv = Int64(requestedRV), rv > 0 else {
                throw APIError.badRequest("resourceVersionMatch \"Exact\" requires a resourceVersion greater than 0")
            }
            snapshotRV = rv
        } else if requestedRV == "0" {
            limit = nil  // served from the watch cache, which ignores paging
        }
        // Without selectors the limit goes down to the store, which then reads only this page.
        let unfiltered = filter.labels == nil && filter.fields.requirements.isEmpty
        let (items, total, rv) = try snapshot(filter, at: snapshotRV, start: start, limit: unfiltered ? limit : nil)
        let selected = items.filter { listKey($0) >= start && filter.matches($0) }
        let shown = limit.map { Array(selected.prefix($0)) } ?? selected
        var page = ListPage(items: shown.map { Self.versioned($0, target.type) }, resourceVersion: rv)
        let remaining = unfiltered ? total - shown.count : selected.count - shown.count
        if remaining > 0, let last = shown.last {
            page.next = ContinueToken(resourceVersion: rv, start: listKey(last) + "\u{0}")
            if unfiltered { page.remaining = remaining }
        }
        return page
    }

    /// The objects of one resource as of `resourceVersion` (now when nil) from the list key `start` on, sorted
    /// by list key — with `limit`, at least the first `limit` of them — and how many the snapshot holds from
    /// `start` on.
    private func snapshot(_ filter: WatchFilter, at resourceVersion: Int64?, start: String, limit: Int?) throws
        -> (items: [Value], total: Int, resourceVersion: Int64) {
        let stored: StoredPage
        do {
            stored = try store.page(group: filter.type.group, resource: filter.type.name, namespace: filter.namespace,
                                    from: start, limit: limit, changesAfter: resourceVersion)
        } catch is HistoryExpired {
            throw ExpiredContinue(start: start)
        }
        var byKey = Dictionary(stored.items.map { (listKey($0), $0) }, uniquingKeysWith: { first, _ in first })
        // Undo, newest first, every change made after the snapshot; count what it adds and removes.
        var existedBefore: [String: Bool] = [:], existsNow: [String: Bool] = [:]
        for event in stored.changes.reversed() {
            let key = ObjectStore.listKey(event.key)
            if existsNow[key] == nil { existsNow[key] = event.type != .deleted }
            existedBefore[key] = event.type != .added
            if event.type == .added { byKey[key] = nil } else { byKey[key] = event.previous }
        }
        let delta = existedBefore.reduce(0) { sum, entry in
            sum + (entry.value ? 1 : 0) - (existsNow[entry.key] == true ? 1 : 0)
        }
        return (byKey.keys.sorted().compactMap { byKey[$0] }, stored.total + delta, resourceVersion ?? stored.resourceVersion)
    }

    private static func limit(_ text: String?) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let limit = Int(text), limit >= 0 else { throw APIError.badRequest("invalid limit \"\(text)\"") }
        return limit == 0 ? nil : limit
    }

    private static func versioned(_ object: Value, _ type: ResourceType) -> Value {
        var copy = object
        copy["apiVersion"] = .string(type.apiVersion)
        return copy
    }

    /// The stored objects a collection request selects.
    func matchingObjects(_ target: Target, _ request: APIRequest) throws -> (items: [Value], resourceVersion: Int64) {
        let selector = try request.query["labelSelector"].map { try LabelSelector($0) }
        let fields = try FieldSelector(request.query["fieldSelector"] ?? "")
        let (items, rv) = try store.list(group: target.type.group, resource: target.type.name,
                                         namespace: target.type.namespaced ? target.namespace : nil)
        let selected = items.filter { item in
            (selector?.matches(KubeObject(item).labels) ?? true) && fields.matches(item)
        }.map { item -> Value in
            var copy = item
            copy["apiVersion"] = .string(target.type.apiVersion)
            return copy
        }
        return (selected, rv)
    }
}

/// A `fieldSelector` supporting `metadata.name` and `metadata.namespace` with `=`, `==`, `!=`.
struct FieldSelector: Sendable {
    var requirements: [(path: [String], value: String, equal: Bool)] = []

    init(_ text: String) throws {
        for part in text.split(separator: ",") {
            let raw = String(part)
            let equal = !raw.contains("!=")
            let pieces = raw.components(separatedBy: equal ? (raw.contains("==") ? "==" : "=") : "!=")
            guard pieces.count == 2 else { throw APIError.badRequest("invalid field selector \"\(raw)\"") }
            requirements.append((pieces[0].split(separator: ".").map(String.init), pieces[1], equal))
        }
    }

    func matches(_ object: Value) -> Bool {
        requirements.allSatisfy { requirement in
            let actual = object[path: requirement.path]?.stringValue ?? ""
            return (actual == requirement.value) == requirement.equal
        }
    }
}

/// One page of a list: its items, the snapshot's resourceVersion and, when more remain, how to continue.
struct ListPage: Sendable {
    var items: [Value]
    var resourceVersion: Int64
    var next: ContinueToken?
    /// Items after this page (only reported for lists without selectors, as the real server does).
    var remaining: Int?
}

/// A continue token named a snapshot older than the retained history.
struct ExpiredContinue: Error {
    var start: String
}
