import FerryCore
import Foundation

extension HTTPKubeAPI {
    public func resources(refresh: Bool) async throws -> [APIResource] {
        try await discovery.resources(refresh: refresh) { [self] in try await discover() }
    }

    public func resource(for gvk: GroupVersionKind) async throws -> APIResource {
        if let found = try await resources(refresh: false).first(where: { $0.gvk == gvk }) { return found }
        // The kind may be new (a CRD installed since discovery ran): look once more.
        if let found = try await resources(refresh: true).first(where: { $0.gvk == gvk }) { return found }
        throw KubeError.unknownKind(gvk)
    }

    /// Reads `/api`, `/apis` and every group version. Group versions that fail (e.g. an unavailable
    /// aggregated API) are skipped with a warning; the core group must answer.
    func discover() async throws -> [APIResource] {
        let core = try await fetchDiscovery("/api", subject: "API discovery")
        var groupVersions = (core["versions"]?.arrayValue ?? []).compactMap(\.stringValue).map { ("", $0) }
        let groups = try await fetchDiscovery("/apis", subject: "API group discovery")
        for group in groups["groups"]?.arrayValue ?? [] {
            guard let name = group["name"]?.stringValue else { continue }
            for version in group["versions"]?.arrayValue ?? [] {
                if let v = version["version"]?.stringValue { groupVersions.append((name, v)) }
            }
        }
        return try await withThrowingTaskGroup(of: [APIResource].self) { tasks in
            for (group, version) in groupVersions {
                tasks.addTask { try await self.discoverGroupVersion(group: group, version: version) }
            }
            var all: [APIResource] = []
            for try await found in tasks { all += found }
            return all.sorted { ($0.gvk.group, $0.gvk.version, $0.name) < ($1.gvk.group, $1.gvk.version, $1.name) }
        }
    }

    private func discoverGroupVersion(group: String, version: String) async throws -> [APIResource] {
        let path = ResourcePath.groupVersionPath(group: group, version: version)
        do {
            let list = try await fetchDiscovery(path, subject: "discovery of \(path)")
            return Self.resources(in: list, group: group, version: version)
        } catch let error as KubeError where !group.isEmpty {
            logger.warning("skipping API group version", metadata: ["path": "\(path)", "error": "\(error)"])
            return []
        }
    }

    private func fetchDiscovery(_ path: String, subject: String) async throws -> Value {
        let response = try await read(paths.url(path))
        guard response.status == 200 else { throw KubeError.fromResponse(response, subject: subject, verb: "get") }
        return try decodeValue(response, subject: subject)
    }

    /// The top-level resources of an `APIResourceList` (subresources such as `deployments/status` skipped).
    static func resources(in list: Value, group: String, version: String) -> [APIResource] {
        (list["resources"]?.arrayValue ?? []).compactMap { entry in
            guard let name = entry["name"]?.stringValue, !name.contains("/"),
                  let kind = entry["kind"]?.stringValue else { return nil }
            return APIResource(gvk: GroupVersionKind(group: group, version: version, kind: kind), name: name,
                               namespaced: entry["namespaced"]?.boolValue ?? false,
                               verbs: (entry["verbs"]?.arrayValue ?? []).compactMap(\.stringValue),
                               shortNames: (entry["shortNames"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
    }
}

/// Discovery results shared by concurrent callers: one load at a time, reused until refreshed.
actor DiscoveryCache {
    private var current: Task<[APIResource], Error>?

    func resources(refresh: Bool, load: @escaping @Sendable () async throws -> [APIResource]) async throws -> [APIResource] {
        let task: Task<[APIResource], Error>
        if let current, !refresh {
            task = current
        } else {
            task = Task { try await load() }
            current = task
        }
        do {
            return try await task.value
        } catch {
            if current == task { current = nil }  // do not cache failures
            throw error
        }
    }
}
