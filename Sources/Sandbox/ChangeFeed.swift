import FerryCore
import Foundation
import Synchronization

/// One committed write.
struct ChangeEvent: Sendable {
    enum Kind: String, Sendable { case added = "ADDED", modified = "MODIFIED", deleted = "DELETED" }
    var type: Kind
    var key: ObjectKey
    /// The stored object (for deletes: the last state, stamped with the deletion's resourceVersion).
    var object: Value
    /// The object before this write (nil for creates).
    var previous: Value? = nil
    /// Watch lines already encoded for this event, shared by every watch that sends the same line.
    var lines = EncodedLines()

    /// The resourceVersion this write was committed at.
    var resourceVersion: Int64 {
        object[path: ["metadata", "resourceVersion"]]?.stringValue.flatMap { Int64($0) } ?? 0
    }
}

/// Encoded watch lines of one event by what they depend on (event type as the watch sees it, apiVersion), so a
/// change seen by many watches is encoded once rather than once per watch.
final class EncodedLines: Sendable {
    private let lines = Mutex<[String: Data]>([:])

    /// The line stored under `key`, made (and stored) by `make` on first use.
    func line(_ key: String, _ make: () -> Data) -> Data {
        if let line = lines.withLock({ $0[key] }) { return line }
        let line = make()
        lines.withLock { $0[key] = line }
        return line
    }
}

/// A watch asked for events older than the retained window.
struct HistoryExpired: Error, Sendable {
    var requested: Int64
    /// The oldest resourceVersion a watch may still start from.
    var oldest: Int64
}

/// Fans committed writes out to any number of subscribers and keeps the newest `capacity` events, so a watch
/// can resume from a recent resourceVersion and a paged list can rebuild the snapshot its continue token names.
///
/// `publish` is called inside the store's write transaction, so events arrive here in resourceVersion order
/// and a reader that saw resourceVersion N in the store finds every event up to N here.
final class ChangeFeed: Sendable {
    private struct State {
        /// Watch subscribers are ended when their buffer fills; internal ones (the control plane) lose old events.
        var subscribers: [UUID: (continuation: AsyncStream<ChangeEvent>.Continuation, endWhenFull: Bool)] = [:]
        var history: [ChangeEvent] = []
        /// Index of the oldest retained event in `history` (a ring once full).
        var head = 0
        var capacity = 10_000
        /// Every event after this resourceVersion is retained (nil until the first write or `begin`).
        var compacted: Int64?
        var latest: Int64 = 0

        var ordered: [ChangeEvent] { Array(history[head...] + history[..<head]) }
    }

    /// Per-subscriber buffer: a watcher this far behind live events is cut off (as a real server drops slow
    /// watchers).
    static let subscriberBuffer = 50_000
    private let state = Mutex(State())
    /// Held while events are handed to subscribers (`yield`), so they arrive in order; `state` is not held then.
    /// Yielding can wait for the receiving task's status lock, and a task being cancelled holds that lock while its
    /// stream's `onTermination` takes `state`: yielding under `state` deadlocked against a watch ending.
    private let delivery = Mutex(())

    /// Sets how many events to retain and the resourceVersion the store is at before any event is seen.
    func begin(at resourceVersion: Int64, capacity: Int) {
        state.withLock { state in
            state.capacity = max(1, capacity)
            if state.compacted == nil { state.compacted = resourceVersion; state.latest = resourceVersion }
        }
    }

    /// The newest resourceVersion published (or the one `begin` set).
    var latest: Int64 { state.withLock { $0.latest } }
    /// How many subscribers (watches and the control plane) are attached; tests wait on it.
    var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Waits until `resourceVersion` (or a later one) has been published, for at most `timeout`; whether it was.
    func waitUntil(reached resourceVersion: Int64, timeout: Duration) async -> Bool {
        let events = subscribe()  // before the check, so an event published in between is not missed
        if latest >= resourceVersion { return true }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await event in events where event.resourceVersion >= resourceVersion { return true }
                return false
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let reached = await group.next() ?? false
            group.cancelAll()
            return reached
        }
    }

    /// A stream of every event published from now on; ends when the subscriber stops iterating. When the
    /// subscriber falls `subscriberBuffer` events behind, the oldest unread ones are dropped.
    func subscribe() -> AsyncStream<ChangeEvent> {
        (try? open(after: nil)) ?? AsyncStream { $0.finish() }
    }

    /// A stream of every event after `resourceVersion`, retained ones first; it ends when the subscriber falls
    /// `subscriberBuffer` events behind. Throws `HistoryExpired` when events after `resourceVersion` were
    /// already dropped.
    func subscribe(after resourceVersion: Int64) throws(HistoryExpired) -> AsyncStream<ChangeEvent> {
        try open(after: resourceVersion)
    }

    private func open(after resourceVersion: Int64?) throws(HistoryExpired) -> AsyncStream<ChangeEvent> {
        let id = UUID()
        // Room for a full replay of the history on top of the per-subscriber allowance.
        let room = Self.subscriberBuffer + state.withLock { $0.capacity }
        let (stream, continuation) = AsyncStream<ChangeEvent>.makeStream(
            bufferingPolicy: resourceVersion == nil ? .bufferingNewest(Self.subscriberBuffer) : .bufferingOldest(room))
        continuation.onTermination = { [weak self] _ in self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) } }
        try delivery.withLock { _ throws(HistoryExpired) in
            // Registered and replayed under `delivery`, so no live event reaches the stream before the replay.
            let replay = try state.withLock { (state: inout State) throws(HistoryExpired) -> [ChangeEvent] in
                state.subscribers[id] = (continuation, resourceVersion != nil)
                guard let resourceVersion else { return [] }
                let compacted = state.compacted ?? state.latest
                if resourceVersion < compacted {
                    state.subscribers[id] = nil
                    throw HistoryExpired(requested: resourceVersion, oldest: compacted)
                }
                return state.ordered.filter { $0.resourceVersion > resourceVersion }
            }
            for event in replay { continuation.yield(event) }
        }
        return stream
    }

    /// The retained events after `resourceVersion`, oldest first; throws when some were already dropped.
    func events(after resourceVersion: Int64) throws(HistoryExpired) -> [ChangeEvent] {
        try state.withLock { (state: inout State) throws(HistoryExpired) in
            let compacted = state.compacted ?? state.latest
            if resourceVersion < compacted { throw HistoryExpired(requested: resourceVersion, oldest: compacted) }
            return state.ordered.filter { $0.resourceVersion > resourceVersion }
        }
    }

    /// Records an event and hands it to every subscriber; a subscriber whose buffer is full is ended.
    func publish(_ event: ChangeEvent) {
        let slow = delivery.withLock { _ in deliver(event) }
        // Finished outside the locks: finishing runs `onTermination`, which takes `state`.
        for continuation in slow { continuation.finish() }
    }

    /// Records `event` and yields it to every subscriber (the caller holds `delivery`); returns the subscribers
    /// to end because their buffer is full.
    private func deliver(_ event: ChangeEvent) -> [AsyncStream<ChangeEvent>.Continuation] {
        let subscribers = state.withLock { state -> [(continuation: AsyncStream<ChangeEvent>.Continuation, endWhenFull: Bool)] in
            let rv = event.resourceVersion
            if state.compacted == nil { state.compacted = rv - 1 }
            state.latest = max(state.latest, rv)
            if state.history.count < state.capacity {
                state.history.append(event)
            } else {
                state.compacted = state.history[state.head].resourceVersion
                state.history[state.head] = event
                state.head = (state.head + 1) % state.history.count
            }
            return Array(state.subscribers.values)
        }
        return subscribers.compactMap { subscriber in
            if case .dropped = subscriber.continuation.yield(event), subscriber.endWhenFull { return subscriber.continuation }
            return nil
        }
    }

    /// Ends every subscription.
    func finish() {
        for subscriber in state.withLock({ Array($0.subscribers.values) }) { subscriber.continuation.finish() }
    }
}
