import FerryCore
import Foundation
import Patch

extension APIServer {
    /// PATCH: merge, JSON, strategic merge patches and server-side apply.
    func patch(_ target: Target, _ request: APIRequest) throws -> APIResponse {
        let name = target.name ?? ""
        let kind = request.contentType
        if kind == "application/apply-patch+yaml" || kind == "application/apply-patch+cbor" {
            return try serverSideApply(target, request)
        }
        guard ["application/merge-patch+json", "application/json-patch+json",
               "application/strategic-merge-patch+json"].contains(kind) else {
            throw APIError.unsupportedMediaType(kind)
        }
        if kind == "application/strategic-merge-patch+json",
           discovery.resource(group: target.type.group, version: target.type.version, name: target.type.name) == nil {
            // Custom resources have no strategic-merge schema; a real server lists the patch types it takes.
            throw APIError(code: 415, reason: "UnsupportedMediaType",
                           message: "the body of the request was in an unknown format - accepted media types include: "
                               + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")
        }
        let patch = try request.decodedBody()
        let stored = try write(target.key(name), dryRun: request.isDryRun) { current in
            guard let current else { throw APIError.notFound(target.type, name) }
            var base = current
            if target.subresource == "scale" { base = Scale.view(of: current, target.type) }
            let patched = try Self.applyPatch(patch, kind, to: base, schema: Self.patchSchema(target, base))
            let expected = patched[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
            if !expected.isEmpty, target.subresource == nil,
               expected != current[path: ["metadata", "resourceVersion"]]?.stringValue {
                throw APIError.conflict(target.type, name)
            }
            return .put(try updated(current, with: patched, target, manager: request.fieldManager))
        }
        return .json(target.view(stored))
    }

    /// Applies a merge, JSON or strategic merge patch; the Patch module's errors become 400 Bad Request.
    static func applyPatch(_ patch: Value, _ contentType: String, to base: Value,
                           schema: PatchSchema.Node?) throws -> Value {
        do {
            switch contentType {
            case "application/json-patch+json": return try JSONPatch.apply(patch, to: base)
            case "application/merge-patch+json": return MergePatch.apply(patch, to: base)
            default: return try StrategicMerge.apply(patch, to: base, schema: schema)
            }
        } catch let error as PatchError {
            throw APIError.badRequest(error.message)
        }
    }

    /// The strategic-merge schema of the patched document: the resource's built-in type, or the Scale view's
    /// for `/scale`; nil for custom resources (which then patch with JSON merge semantics).
    static func patchSchema(_ target: Target, _ base: Value) -> PatchSchema.Node? {
        if target.subresource == "scale" { return PatchSchema.kubernetes.type(of: base) }
        return PatchSchema.kubernetes.type(apiVersion: target.type.apiVersion, kind: target.type.kind)
    }

    /// Server-side apply (`application/apply-patch+yaml`): creates the object when missing, otherwise merges
    /// the applied configuration for `fieldManager`, removing fields it no longer applies.
    func serverSideApply(_ target: Target, _ request: APIRequest) throws -> APIResponse {
        let name = target.name ?? ""
        guard let manager = request.query["fieldManager"], !manager.isEmpty else {
            throw APIError.badRequest("PATCH, application/apply-patch+yaml requires fieldManager to be set")
        }
        let applied = try request.decodedBody()
        guard case .object = applied else { throw APIError.badRequest("the applied configuration must be an object") }
        let object = KubeObject(applied)
        if object.name != name {
            throw APIError.badRequest("the name of the object (\(object.name)) does not match the name on the URL (\(name))")
        }
        if object.gvk.group != target.type.group || object.kind != target.type.kind {
            throw APIError.badRequest("the applied object is \(object.apiVersion) \(object.kind), but the URL is for "
                                      + "\(target.type.apiVersion) \(target.type.kind)")
        }
        let ssa = ServerSideApply(manager: manager, force: request.query["force"] == "true",
                                  apiVersion: target.type.apiVersion, now: ObjectRules.timestamp())
        var sanitized = applied
        sanitized[path: ["metadata", "managedFields"]] = nil
        sanitized[path: ["metadata", "resourceVersion"]] = nil
        try CRDSchema.requireDeclared(applied: sanitized, target)
        if try store.get(target.key(name)) == nil, target.subresource == nil {
            guard case .success(let created) = ssa.apply(sanitized, to: nil) else { throw APIError.internalError("apply") }
            let stored = try insert(created, name: name, target, request: request, manager: manager, operation: "Apply")
            return .json(stored, status: 201)
        }
        let stored = try write(target.key(name), dryRun: request.isDryRun) { current in
            guard let current else { throw APIError.notFound(target.type, name) }
            switch ssa.apply(sanitized, to: current) {
            case .failure(let conflicts): throw conflicts.apiError(target.type, name)
            case .success(var merged):
                if target.subresource == "status" { return .put(ObjectRules.prepareStatusUpdate(merged, old: current)) }
                ObjectRules.prepareUpdate(&merged, old: current, target.type)
                if !CRD.isCRD(target.type) { try prepareCustom(&merged, target, old: current) }
                return .put(merged)
            }
        }
        return .json(stored ?? .null)
    }
}

/// The `autoscaling/v1` Scale view of workloads (`/scale` subresource).
enum Scale {
    static func view(of object: Value, _ type: ResourceType) -> Value {
        let meta = object["metadata"] ?? .emptyObject
        var scaleMeta: Value = .emptyObject
        for field in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] { scaleMeta[field] = meta[field] }
        var status: Value = ["replicas": object[path: ["status", "replicas"]] ?? 0]
        if let selector = object[path: ["spec", "selector", "matchLabels"]]?.objectValue {
            status["selector"] = .string(selector.map { "\($0.key)=\($0.value.stringValue ?? "")" }.joined(separator: ","))
        }
        return ["kind": "Scale", "apiVersion": "autoscaling/v1", "metadata": scaleMeta,
                "spec": ["replicas": object[path: ["spec", "replicas"]] ?? 1], "status": status]
    }

    /// Writes a Scale's `spec.replicas` back into the workload.
    static func apply(_ scale: Value, to object: Value, _ type: ResourceType) throws -> Value {
        guard let replicas = scale[path: ["spec", "replicas"]]?.intValue, replicas >= 0 else {
            let given = scale[path: ["spec", "replicas"]].map { JSON.encode($0) } ?? "null"
            throw APIError.invalid(type, KubeObject(object).name,
                                   [("spec.replicas", "Invalid value: \(given): must be greater than or equal to 0")])
        }
        var result = object
        result[path: ["spec", "replicas"]] = .int(replicas)
        if !(object[path: ["spec", "replicas"]]?.semanticallyEquals(.int(replicas)) ?? false) {
            result[path: ["metadata", "generation"]] = .int((object[path: ["metadata", "generation"]]?.intValue ?? 0) + 1)
        }
        return result
    }
}
