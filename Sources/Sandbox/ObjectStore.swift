import FerryCore
import Foundation
import Store

/// Where one object lives: group, resource (plural), namespace ("" when cluster-scoped) and name.
struct ObjectKey: Hashable, Sendable, CustomStringConvertible {
    var group: String
    var resource: String
    var namespace: String
    var name: String

    var description: String {
        let r = group.isEmpty ? resource : "\(resource).\(group)"
        return namespace.isEmpty ? "\(r)/\(name)" : "\(r)/\(namespace)/\(name)"
    }
}

/// Objects read for one list page (see `ObjectStore.page`).
struct StoredPage {
    /// The objects read, in list-key order.
    var items: [Value]
    /// How many objects there are from the page's start on (all of them, not only those read).
    var total: Int
    /// The store's resourceVersion when read.
    var resourceVersion: Int64
    /// Retained changes to these objects after the requested snapshot, oldest first.
    var changes: [ChangeEvent]
}

/// What a read-modify-write decided to do with the stored object.
enum StoreChange {
    case put(Value)
    case delete
    case keep
}

/// All objects as JSON in SQLite, with one global, monotonically increasing resourceVersion.
/// Writes go through `modify`, which runs in one transaction and stamps `metadata.resourceVersion`.
final class ObjectStore: Sendable {
    let database: SQLiteDatabase
    /// Every committed write, for the control plane (and, later, watches).
    let feed = ChangeFeed()

    init(database: SQLiteDatabase) throws {
        self.database = database
        try database.execute("""
            CREATE TABLE IF NOT EXISTS objects (
                grp TEXT NOT NULL, resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
                rv INTEGER NOT NULL, body TEXT NOT NULL,
                PRIMARY KEY (grp, resource, namespace, name));
            CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            """)
    }

    /// The object at `key`, if stored.
    func get(_ key: ObjectKey) throws -> Value? {
        let rows = try database.query(
            "SELECT body FROM objects WHERE grp = ? AND resource = ? AND namespace = ? AND name = ?",
            [.text(key.group), .text(key.resource), .text(key.namespace), .text(key.name)])
        return try rows.first?.text("body").map { try decode($0, key: key) }
    }

    /// Objects of one resource, in one namespace or (with `nil`) all, and the store's current resourceVersion.
    func list(group: String, resource: String, namespace: String?) throws -> (items: [Value], resourceVersion: Int64) {
        let page = try page(group: group, resource: resource, namespace: namespace)
        return (page.items, page.resourceVersion)
    }

    /// Objects of one resource from the list key `start` on (`namespace/name`, or `name`), in list-key order.
    /// With `limit`, only the first `limit` — plus one per change `changes` holds, so that undoing them still
    /// leaves `limit` — are read and decoded, and `total` counts the rest in SQL: a page of a paged list costs
    /// its own size, not the size of the list after it. With `changesAfter`, the retained changes to these
    /// objects after that resourceVersion, read in the same transaction so they match the rows exactly.
    func page(group: String, resource: String, namespace: String?, from start: String = "", limit: Int? = nil,
              changesAfter snapshot: Int64? = nil) throws -> StoredPage {
        try database.transaction { tx in
            let current = try Self.counter("resourceVersion", tx)
            var changes: [ChangeEvent] = []
            if let snapshot, snapshot < current {
                changes = try feed.events(after: snapshot).filter { event in
                    event.resourceVersion <= current && event.key.group == group && event.key.resource == resource
                        && (namespace == nil || event.key.namespace == namespace) && Self.listKey(event.key) >= start
                }
            }
            let listKey = "(CASE namespace WHEN '' THEN name ELSE namespace || '/' || name END)"
            var condition = "grp = ? AND resource = ?"
            var params: [SQLiteValue] = [.text(group), .text(resource)]
            if let namespace { condition += " AND namespace = ?"; params.append(.text(namespace)) }
            if !start.isEmpty {
                // A continue key is the last key plus NUL, its immediate successor; SQLite text stops at NUL.
                let after = start.hasSuffix("\u{0}")
                condition += " AND \(listKey) \(after ? ">" : ">=") ?"
                params.append(.text(after ? String(start.dropLast()) : start))
            }
            var sql = "SELECT namespace, name, body FROM objects WHERE \(condition) ORDER BY \(listKey)"
            if let limit { sql += " LIMIT \(limit + changes.count + 1)" }
            let rows = try tx.query(sql, params)
            let items = try rows.map { row in
                try decode(row.text("body") ?? "", key: ObjectKey(group: group, resource: resource,
                                                                  namespace: row.text("namespace") ?? "",
                                                                  name: row.text("name") ?? ""))
            }
            let total = limit == nil ? items.count
                : Int(try tx.query("SELECT COUNT(*) AS n FROM objects WHERE \(condition)", params).first?.int("n") ?? 0)
            return StoredPage(items: items, total: total, resourceVersion: current, changes: changes)
        }
    }

    /// `namespace/name`, or `name` for cluster-scoped objects: the order lists are served in.
    static func listKey(_ key: ObjectKey) -> String {
        key.namespace.isEmpty ? key.name : "\(key.namespace)/\(key.name)"
    }

    /// The resourceVersion of the last committed write (0 for an empty store).
    func currentResourceVersion() throws -> Int64 {
        try database.transaction { tx in try Self.counter("resourceVersion", tx) }
    }

    /// Keys of every object in a namespace (for namespace deletion).
    func keys(inNamespace namespace: String) throws -> [ObjectKey] {
        try database.query("SELECT grp, resource, name FROM objects WHERE namespace = ?", [.text(namespace)]).map {
            ObjectKey(group: $0.text("grp") ?? "", resource: $0.text("resource") ?? "", namespace: namespace,
                      name: $0.text("name") ?? "")
        }
    }

    /// Keys of the objects in `namespace` ("" for cluster-scoped) whose `ownerReferences` name `uid`.
    func dependents(of uid: String, namespace: String) throws -> [ObjectKey] {
        try objects(containing: uid).compactMap { key, object in
            let owners = object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
            let owned = owners.contains { $0["uid"]?.stringValue == uid }
            return owned && (namespace.isEmpty || key.namespace == namespace) ? key : nil
        }
    }

    /// Every stored object whose JSON contains `text` (a cheap pre-filter; callers check the decoded object).
    func objects(containing text: String) throws -> [(key: ObjectKey, object: Value)] {
        let pattern = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        let rows = try database.query("SELECT grp, resource, namespace, name, body FROM objects WHERE body LIKE ? ESCAPE '\\'",
                                      [.text("%\(pattern)%")])
        return try rows.map { row in
            let key = ObjectKey(group: row.text("grp") ?? "", resource: row.text("resource") ?? "",
                                namespace: row.text("namespace") ?? "", name: row.text("name") ?? "")
            return (key, try decode(row.text("body") ?? "", key: key))
        }
    }

    /// Atomically reads the object at `key`, lets `decide` choose a change, and applies it.
    /// A put gets the next resourceVersion. Returns the stored object (the deleted one for deletes).
    @discardableResult
    func modify(_ key: ObjectKey, _ decide: (Value?) throws -> StoreChange) throws -> Value? {
        // Events are published while the write lock is held, so the feed sees them in resourceVersion order.
        try database.transaction { tx -> Value? in
            let (result, event) = try change(key, decide, tx)
            if let event { feed.publish(event) }
            return result
        }
    }

    private func change(_ key: ObjectKey, _ decide: (Value?) throws -> StoreChange,
                        _ tx: SQLiteDatabase.Transaction) throws -> (Value?, ChangeEvent?) {
        let rows = try tx.query(
            "SELECT body FROM objects WHERE grp = ? AND resource = ? AND namespace = ? AND name = ?",
            [.text(key.group), .text(key.resource), .text(key.namespace), .text(key.name)])
        let current = try rows.first?.text("body").map { try decode($0, key: key) }
        let keyParams: [SQLiteValue] = [.text(key.group), .text(key.resource), .text(key.namespace), .text(key.name)]
        switch try decide(current) {
        case .keep:
            return (current, nil)
        case .delete:
            guard let current else { return (nil, nil) }
            let rv = try Self.increment("resourceVersion", tx)
            try tx.query("DELETE FROM objects WHERE grp = ? AND resource = ? AND namespace = ? AND name = ?", keyParams)
            var deleted = current
            deleted[path: ["metadata", "resourceVersion"]] = .string(String(rv))
            return (deleted, ChangeEvent(type: .deleted, key: key, object: deleted, previous: current))
        case .put(var object):
            let rv = try Self.increment("resourceVersion", tx)
            object[path: ["metadata", "resourceVersion"]] = .string(String(rv))
            try tx.query("INSERT OR REPLACE INTO objects (grp, resource, namespace, name, rv, body) VALUES (?, ?, ?, ?, ?, ?)",
                         keyParams + [.integer(rv), .text(JSON.encode(object))])
            return (object, ChangeEvent(type: current == nil ? .added : .modified, key: key, object: object,
                                        previous: current))
        }
    }

    /// Increments and returns a named counter (used for cluster IPs).
    func nextValue(of counter: String) throws -> Int64 {
        try database.transaction { tx in try Self.increment(counter, tx) }
    }

    /// A persisted setting, created with `make()` on first use.
    func setting(_ name: String, orCreate make: () throws -> String) throws -> String {
        try database.transaction { tx in
            if let value = try tx.query("SELECT value FROM settings WHERE name = ?", [.text(name)]).first?.text("value") {
                return value
            }
            let value = try make()
            try tx.query("INSERT INTO settings (name, value) VALUES (?, ?)", [.text(name), .text(value)])
            return value
        }
    }

    private static func counter(_ name: String, _ tx: SQLiteDatabase.Transaction) throws -> Int64 {
        try tx.query("SELECT value FROM counters WHERE name = ?", [.text(name)]).first?.int("value") ?? 0
    }

    private static func increment(_ name: String, _ tx: SQLiteDatabase.Transaction) throws -> Int64 {
        let next = try counter(name, tx) + 1
        try tx.query("INSERT OR REPLACE INTO counters (name, value) VALUES (?, ?)", [.text(name), .integer(next)])
        return next
    }

    private func decode(_ text: String, key: ObjectKey) throws -> Value {
        do { return try JSON.parse(text) } catch { throw SandboxError("stored object \(key) is corrupt: \(error)") }
    }
}
