/// Serialises work per key (one reconcile or sync per application at a time) while different keys run in parallel.
actor KeyedLock {
    private var holders: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Runs `body` while holding the lock for `key`.
    func withLock<T: Sendable>(_ key: String, _ body: @Sendable () async throws -> T) async rethrows -> T {
        await acquire(key)
        defer { release(key) }
        return try await body()
    }

    private func acquire(_ key: String) async {
        if holders[key] == nil { holders[key] = []; return }
        await withCheckedContinuation { holders[key, default: []].append($0) }
    }

    private func release(_ key: String) {
        guard var waiters = holders[key] else { return }
        if waiters.isEmpty { holders[key] = nil; return }
        let next = waiters.removeFirst()
        holders[key] = waiters
        next.resume()
    }
}
