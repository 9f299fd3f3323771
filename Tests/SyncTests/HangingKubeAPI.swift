import FerryCore
import Foundation
import KubeClient

/// A `KubeAPI` whose `get` takes a minute and ignores cancellation: exercises apply timeouts.
struct HangingKubeAPI: KubeAPI {
    func resources(refresh: Bool) async throws -> [APIResource] { [] }
    func resource(for gvk: GroupVersionKind) async throws -> APIResource { throw KubeError.unknownKind(gvk) }
    func get(_ gvk: GroupVersionKind, namespace: String, name: String) async throws -> KubeObject? {
        await Task.detached { try? await Task.sleep(for: .seconds(60)) }.value // not cancelled with the caller
        return nil
    }
    func list(_ gvk: GroupVersionKind, namespace: String?, labelSelector: String?) async throws -> [KubeObject] { [] }
    func apply(_ object: KubeObject, options: ApplyOptions) async throws -> KubeObject { object }
    func delete(_ gvk: GroupVersionKind, namespace: String, name: String, propagation: PropagationPolicy) async throws {}
}

/// A lock for test collectors.
final class NSLockLike: Sendable {
    private let lock = NSLock()
    func run<T>(_ body: () -> T) -> T { lock.lock(); defer { lock.unlock() }; return body() }
}
