import FerryCore
import Foundation
import Synchronization

/// One committed write.
struct ChangeEvent: Sendable {
    enum Kind: String, Sendable { case added = "ADDED", modified = "MODIFIED", deleted = "DELETED" }
    var type: Kind
    var key: ObjectKey
    var object: Value
}

/// Fans committed writes out to any number of subscribers.
final class ChangeFeed: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<ChangeEvent>.Continuation]>([:])

    /// A stream of every event published after this call; ends when the subscriber stops iterating.
    func subscribe() -> AsyncStream<ChangeEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<ChangeEvent>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        continuation.onTermination = { [weak self] _ in self?.subscribers.withLock { _ = $0.removeValue(forKey: id) } }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    func publish(_ event: ChangeEvent) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(event) }
    }

    /// Ends every subscription.
    func finish() {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.finish() }
    }
}
