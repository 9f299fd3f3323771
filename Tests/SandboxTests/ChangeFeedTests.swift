import Dispatch
import FerryCore
import Testing
@testable import Sandbox

/// The change feed under a watch that ends while events are being published: yielding to a stream and the
/// stream's end (which unregisters it) must never wait on each other.
@Suite struct ChangeFeedTests {
    static func event(_ resourceVersion: Int64) -> ChangeEvent {
        ChangeEvent(type: .added, key: ObjectKey(group: "", resource: "configmaps", namespace: "default", name: "cm"),
                    object: ["metadata": ["name": "cm", "resourceVersion": .string(String(resourceVersion))]])
    }

    @Test(.timeLimit(.minutes(1)))
    func watchesEndingWhileEventsArePublishedDoNotDeadlock() async {
        let feed = ChangeFeed()
        feed.begin(at: 0, capacity: 100)
        // A publisher thread, outside Swift concurrency, as the store's write transactions are.
        let publisher = Task.detached {
            for rv in Int64(1)...40_000 { feed.publish(Self.event(rv)) }
        }
        // Meanwhile watches start, receive an event, and are cancelled.
        for _ in 0..<400 {
            let events = feed.subscribe()
            let reader = Task { for await _ in events {} }
            await Task.yield()
            reader.cancel()
            await reader.value
        }
        await publisher.value
        #expect(feed.latest == 40_000)
        #expect(feed.subscriberCount == 0)
    }

    @Test func aWatchFromAResourceVersionGetsTheRetainedEventsFirstAndInOrder() async throws {
        let feed = ChangeFeed()
        feed.begin(at: 0, capacity: 100)
        for rv in Int64(1)...5 { feed.publish(Self.event(rv)) }
        let events = try feed.subscribe(after: 2)
        for rv in Int64(6)...7 { feed.publish(Self.event(rv)) }
        var seen: [Int64] = []
        for await event in events {
            seen.append(event.resourceVersion)
            if seen.count == 5 { break }
        }
        #expect(seen == [3, 4, 5, 6, 7])
        #expect(throws: HistoryExpired.self) { _ = try feed.subscribe(after: -5) }
    }
}
