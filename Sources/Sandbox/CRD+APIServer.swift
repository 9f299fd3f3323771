import FerryCore
import Foundation

/// Routing, writes and deletion for custom resources.
extension APIServer {
    /// The custom resource type a stored CRD serves at `/apis/<group>/<version>/<name>`.
    func customType(_ group: String, _ version: String, _ name: String) -> CRD.Served? {
        CRD.served(store).first { $0.type.group == group && $0.type.version == version && $0.type.name == name }
    }

    /// Sets a CRD's status, or prunes, defaults and validates a custom resource by its structural schema
    /// (`CRDSchema`), before it is stored; on updates errors in values unchanged from `old` are ratcheted away.
    /// Runs inside store transactions, so it must not read the store.
    func prepareCustom(_ object: inout Value, _ target: Target, old: Value? = nil) throws {
        if CRD.isCRD(target.type) { try CRD.prepare(&object); return }
        guard let schema = target.customSchema else { return }
        try target.decoding?.prune(&object, schema: schema, type: target.type)
        CRD.applyDefaults(&object, schema: schema)
        if let old { CRDSchema.keepGeneration(&object, old: old) }
        let errors = CRDSchema.ratchet(CRDSchema.validate(object, schema: schema), new: object, old: old)
        if !errors.isEmpty { throw APIError.invalid(target.type, KubeObject(object).name, errors) }
    }

    /// Deletes every object of the resource a CRD defines.
    func deleteCustomResources(of crd: Value) throws {
        guard let group = crd[path: ["spec", "group"]]?.stringValue,
              let plural = crd[path: ["spec", "names", "plural"]]?.stringValue else { return }
        let (items, _) = try store.list(group: group, resource: plural, namespace: nil)
        for item in items {
            let object = KubeObject(item)
            let key = ObjectKey(group: group, resource: plural, namespace: object.namespace, name: object.name)
            try store.modify(key) { _ in .delete }
        }
    }
}
