import FerryCore
import Patch

/// Server-side apply: merges an applied configuration into the live object for one field manager,
/// removing fields that manager applied before but no longer applies (unless someone else owns them).
struct ServerSideApply {
    var manager: String
    var force: Bool
    var apiVersion: String
    var now: String

    /// A field owned by another manager with a different value.
    struct Conflict: Sendable {
        var manager: String
        var apiVersion: String
        var path: FieldPath
    }

    /// The new object, or the conflicts that block it.
    func apply(_ applied: Value, to live: Value?) -> Result<Value, ConflictError> {
        let appliedFields = FieldSet(of: applied)
        var entries = ManagedFields.entries(of: live)
        guard var result = live else {
            var created = applied
            ManagedFields.set([entry(appliedFields)], on: &created)
            return .success(created)
        }
        let conflicts = findConflicts(applied, appliedFields, live: result, entries: entries)
        if !conflicts.isEmpty && !force { return .failure(ConflictError(conflicts: conflicts)) }
        // Forced: the other managers lose the contested fields.
        let contested = FieldSet(Set(conflicts.map(\.path)))
        for i in entries.indices { entries[i].fields = entries[i].fields.subtracting(contested) }

        let mine = entries.firstIndex { $0.belongs(to: manager, "Apply") }
        let previous = mine.map { entries[$0].fields } ?? FieldSet()
        let others = entries.enumerated().filter { $0.offset != mine }.map(\.element.fields)
            .reduce(FieldSet()) { $0.union($1) }
        let removed = previous.subtracting(appliedFields).subtracting(others)
        // Remove deepest paths first so item removal does not hide field removal.
        for path in removed.paths.sorted(by: { $0.count > $1.count }) { result.remove(path) }
        result = Self.merge(applied, into: result, field: nil, type: ListKeys.schema(of: applied))

        if let mine { entries[mine] = entry(appliedFields) } else { entries.append(entry(appliedFields)) }
        for i in entries.indices { entries[i].fields = entries[i].fields.present(in: result) }
        ManagedFields.set(entries, on: &result)
        return .success(result)
    }

    private func entry(_ fields: FieldSet) -> ManagedFieldsEntry {
        ManagedFieldsEntry(manager: manager, operation: "Apply", apiVersion: apiVersion, time: now, fields: fields)
    }

    private func findConflicts(_ applied: Value, _ fields: FieldSet, live: Value,
                               entries: [ManagedFieldsEntry]) -> [Conflict] {
        var conflicts: [Conflict] = []
        for entry in entries where !entry.belongs(to: manager, "Apply") {
            for path in entry.fields.intersection(fields).paths.sorted(by: { $0.display < $1.display })
            where !FieldSet.isItem(path) {
                guard let mine = applied.lookup(path), let theirs = live.lookup(path) else { continue }
                if !mine.semanticallyEquals(theirs) {
                    conflicts.append(Conflict(manager: entry.manager, apiVersion: entry.apiVersion, path: path))
                }
            }
        }
        return conflicts
    }

    /// Merges `applied` over `live`: objects recursively, associative lists (per the schema) by key, everything
    /// else replaced. `type` is the schema of the values (of list items, for lists); `field` describes a list.
    static func merge(_ applied: Value, into live: Value, field: PatchSchema.Field?, type: PatchSchema.Node?) -> Value {
        switch (applied, live) {
        case (.object(let a), .object(var l)):
            for (name, value) in a {
                let child = type?.field(name)
                l[name] = l[name].map { merge(value, into: $0, field: child, type: child?.type) } ?? value
            }
            return .object(l)
        case (.array(let a), .array(var l))
            where ListKeys.isAssociative(field, items: a) && ListKeys.isAssociative(field, items: l):
            for item in a {
                let key = ListKeys.key(field, item: item)
                if let i = l.firstIndex(where: { ListKeys.key(field, item: $0) == key }) {
                    l[i] = merge(item, into: l[i], field: nil, type: type)
                } else {
                    l.append(item)
                }
            }
            return .array(l)
        default:
            return applied
        }
    }
}

/// Apply conflicts, reported as a 409 with one cause per field.
struct ConflictError: Error, Sendable {
    var conflicts: [ServerSideApply.Conflict]

    func apiError(_ type: ResourceType, _ name: String) -> APIError {
        let lines = conflicts.map { "conflict with \"\($0.manager)\" using \($0.apiVersion): \($0.path.display)" }
        let count = conflicts.count == 1 ? "1 conflict" : "\(conflicts.count) conflicts"
        var details = APIError.details(type, name)
        details["causes"] = .array(conflicts.map {
            ["reason": "FieldManagerConflict", "message": .string("conflict with \"\($0.manager)\" using \($0.apiVersion)"),
             "field": .string($0.path.display)]
        })
        return APIError(code: 409, reason: "Conflict",
                        message: "Apply failed with \(count): " + lines.joined(separator: "\n"), details: details)
    }
}
