import Diff
import FerryCore

extension SyncRun {
    /// The run as users may see it: Secret values in the recorded manifests are masked. The store keeps the
    /// exact manifests (a rollback re-applies them); nothing leaves the process unmasked.
    var redacted: SyncRun {
        guard manifests.contains("Secret") else { return self }
        var copy = self
        do {
            let objects = try Manifests.parse(manifests, file: "sync run \(id)")
            copy.manifests = YAML.encodeStream(objects.map { SecretMasker.mask($0).value })
        } catch {
            copy.manifests = "# manifests of sync run \(id) are not shown: \(error)\n"
        }
        return copy
    }
}
