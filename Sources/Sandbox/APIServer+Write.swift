import FerryCore
import Foundation

extension APIServer {
    /// POST: creates an object in the collection.
    func create(_ target: Target, _ request: APIRequest) throws -> APIResponse {
        if target.type.namespaced && target.namespace == nil { throw APIError.methodNotAllowed("POST", request.path) }
        guard target.type.verbs.contains("create") else { throw APIError.methodNotAllowed("POST", request.path) }
        var object = try request.decodedBody()
        guard case .object = object else { throw APIError.badRequest("the request body must be an object") }
        if let bodyNamespace = object[path: ["metadata", "namespace"]]?.stringValue, !bodyNamespace.isEmpty,
           target.type.namespaced, bodyNamespace != target.namespace {
            throw APIError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
        var name = KubeObject(object).name
        if name.isEmpty, let prefix = object[path: ["metadata", "generateName"]]?.stringValue {
            name = prefix + Self.randomSuffix()
            object[path: ["metadata", "name"]] = .string(name)
        }
        let created = try insert(object, name: name, target, request: request, manager: request.fieldManager,
                                 operation: "Update")
        return .json(created, status: 201)
    }

    /// Validates, stamps and stores a new object; 409 when it exists.
    func insert(_ body: Value, name: String, _ target: Target, request: APIRequest, manager: String,
                operation: String) throws -> Value {
        try requireNamespace(target, creating: name)
        let errors = ObjectRules.nameErrors(name, target.type) + ObjectRules.requiredFieldErrors(body, target.type)
        if !errors.isEmpty { throw APIError.invalid(target.type, name, errors) }
        var object = body
        ObjectRules.prepareCreate(&object, target.type, namespace: target.type.namespaced ? target.namespace : nil)
        try prepareCustom(&object, target)
        try ObjectRules.applyDefaults(&object, target.type) { ObjectRules.clusterIP(try store.nextValue(of: "clusterIP")) }
        if operation == "Update" {
            object[path: ["metadata", "managedFields"]] = nil
            ManagedFields.recordUpdate(manager: manager, old: nil, new: &object, apiVersion: target.type.apiVersion,
                                       now: ObjectRules.timestamp())
        }
        let stored = try write(target.key(name), dryRun: request.isDryRun) { current in
            if current != nil { throw APIError.alreadyExists(target.type, name) }
            return .put(object)
        }
        return stored ?? object
    }

    /// PUT: replaces an object (or its status), with optimistic concurrency on `resourceVersion`.
    func update(_ target: Target, _ request: APIRequest) throws -> APIResponse {
        let name = target.name ?? ""
        let body = try request.decodedBody()
        if let bodyName = body[path: ["metadata", "name"]]?.stringValue, bodyName != name {
            throw APIError.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
        let expected = body[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        let stored = try write(target.key(name), dryRun: request.isDryRun) { current in
            guard let current else { throw APIError.notFound(target.type, name) }
            if !expected.isEmpty && expected != current[path: ["metadata", "resourceVersion"]]?.stringValue {
                throw APIError.conflict(target.type, name)
            }
            return .put(try updated(current, with: body, target, manager: request.fieldManager))
        }
        return .json(target.view(stored))
    }

    /// The object after a non-apply write of `body` over `current` (main resource or status).
    func updated(_ current: Value, with body: Value, _ target: Target, manager: String) throws -> Value {
        if target.subresource == "status" {
            var object = ObjectRules.prepareStatusUpdate(body, old: current)
            if target.customSchema != nil { try prepareCustom(&object, target, old: current) }
            return object
        }
        if target.subresource == "scale" {
            var scaled = try Scale.apply(body, to: current, target.type)
            ManagedFields.recordUpdate(manager: manager, old: current, new: &scaled, apiVersion: target.type.apiVersion,
                                       now: ObjectRules.timestamp())
            return scaled
        }
        let errors = ObjectRules.requiredFieldErrors(body, target.type)
        if !errors.isEmpty { throw APIError.invalid(target.type, KubeObject(current).name, errors) }
        var object = body
        ObjectRules.prepareUpdate(&object, old: current, target.type)
        let isService = target.type.group.isEmpty && target.type.name == "services"
        for field in ["clusterIP", "clusterIPs"] where isService && object[path: ["spec", field]] == nil {
            object[path: ["spec", field]] = current[path: ["spec", field]]
        }
        try ObjectRules.applyDefaults(&object, target.type) { ObjectRules.clusterIP(try store.nextValue(of: "clusterIP")) }
        if CRD.isCRD(target.type) { object["status"] = current["status"] }
        try prepareCustom(&object, target, old: current)
        object[path: ["metadata", "managedFields"]] = current[path: ["metadata", "managedFields"]]
        ManagedFields.recordUpdate(manager: manager, old: current, new: &object, apiVersion: target.type.apiVersion,
                                   now: ObjectRules.timestamp())
        return object
    }

    /// DELETE one object; a deleted Namespace turns `Terminating` and the control plane removes its content.
    func delete(_ target: Target, _ request: APIRequest) throws -> APIResponse {
        let name = target.name ?? ""
        let isNamespace = target.type.group.isEmpty && target.type.name == "namespaces"
        if isNamespace && ["default", "kube-system", "kube-public"].contains(name) {
            throw APIError(code: 403, reason: "Forbidden",
                           message: "namespaces \"\(name)\" is forbidden: this namespace may not be deleted")
        }
        let options = try DeleteOptions(request)
        guard try store.get(target.key(name)) != nil else { throw APIError.notFound(target.type, name) }
        if CRD.isCRD(target.type) && !options.dryRun, let crd = try store.get(target.key(name)) {
            try deleteCustomResources(of: crd)
        }
        return .json(try deleteObject(target.key(name), target, options) ?? .null)
    }

    /// DELETE on a collection: deletes every selected object and returns them as a list.
    func deleteCollection(_ target: Target, _ request: APIRequest) throws -> APIResponse {
        guard target.type.verbs.contains("deletecollection") else {
            throw APIError.methodNotAllowed("DELETE", request.path)
        }
        let (items, _) = try matchingObjects(target, request)
        let options = try DeleteOptions(request)
        var deleted: [Value] = []
        for item in items {
            let key = target.key(KubeObject(item).name)
            let scoped = ObjectKey(group: key.group, resource: key.resource, namespace: KubeObject(item).namespace,
                                   name: key.name)
            if try store.get(scoped) != nil, let gone = try deleteObject(scoped, target, options) { deleted.append(gone) }
        }
        let rv = try store.list(group: "", resource: "", namespace: nil).resourceVersion
        return .json(["kind": .string(target.type.kind + "List"), "apiVersion": .string(target.type.apiVersion),
                      "metadata": ["resourceVersion": .string(String(rv))], "items": .array(deleted)])
    }

    /// Runs a store read-modify-write; with `dryRun` nothing is stored and the would-be result is returned.
    func write(_ key: ObjectKey, dryRun: Bool, _ decide: (Value?) throws -> StoreChange) throws -> Value? {
        var computed: Value?
        let stored = try store.modify(key) { current in
            var change = Self.finishingDeletion(try decide(current))
            if case .put(let object) = change, let current, Self.isNoOp(object, current) { change = .keep }
            switch change {
            case .put(let object): computed = object
            case .delete, .keep: computed = current
            }
            return dryRun ? .keep : change
        }
        return dryRun ? computed : stored
    }

    /// A write that changes nothing but `resourceVersion` and managed-field timestamps: like a real server,
    /// it is not stored (the object keeps its resourceVersion and no watch event is sent).
    static func isNoOp(_ object: Value, _ current: Value) -> Bool {
        func comparable(_ value: Value) -> Value {
            var copy = value
            copy[path: ["metadata", "resourceVersion"]] = nil
            if let fields = copy[path: ["metadata", "managedFields"]]?.arrayValue {
                copy[path: ["metadata", "managedFields"]] = .array(fields.map { var f = $0; f["time"] = nil; return f })
            }
            return copy
        }
        return comparable(object).semanticallyEquals(comparable(current))
    }

    /// 404 when a namespaced target's namespace does not exist; 403 when `creating` an object in a
    /// terminating one.
    func requireNamespace(_ target: Target, creating name: String? = nil) throws {
        guard target.type.namespaced, let namespace = target.namespace else { return }
        let key = ObjectKey(group: "", resource: "namespaces", namespace: "", name: namespace)
        guard let found = try store.get(key) else { throw APIError.namespaceNotFound(namespace) }
        if let name, found[path: ["metadata", "deletionTimestamp"]] != nil {
            throw APIError.namespaceTerminating(target.type, name, namespace: namespace)
        }
    }

    static func randomSuffix() -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<5).map { _ in alphabet.randomElement() ?? "x" })
    }
}
