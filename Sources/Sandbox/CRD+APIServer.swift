import FerryCore
import Foundation

/// Routing, writes and deletion for custom resources.
extension APIServer {
    /// The custom resource type a stored CRD serves at `/apis/<group>/<version>/<name>`.
    func customType(_ group: String, _ version: String, _ name: String) -> CRD.Served? {
        CRD.served(store).first { $0.type.group == group && $0.type.version == version && $0.type.name == name }
    }

    /// Sets a CRD's status, or fills a custom resource's schema defaults, before it is stored.
    /// Runs inside store transactions, so it must not read the store.
    func prepareCustom(_ object: inout Value, _ target: Target) throws {
        if CRD.isCRD(target.type) { try CRD.prepare(&object); return }
        CRD.applyDefaults(&object, schema: target.customSchema)
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
