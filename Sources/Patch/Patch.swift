// # Patch
//
// The three ways Kubernetes patches an object, written once for the sandbox API server and the Kustomize
// renderer (patchesStrategicMerge, patchesJson6902, `patches:`):
//
// - `MergePatch.apply(_:to:)` — JSON merge patch (RFC 7386): objects merge, `null` deletes, lists replace.
// - `JSONPatch.apply(_:to:)` — JSON patch (RFC 6902): `add`, `remove`, `replace`, `move`, `copy`, `test`
//   with JSON pointers (`~0` = `~`, `~1` = `/`, `-` = past the end of an array). Errors name the failing
//   operation's index, op and path: `JSON patch operation 2 (remove /data/x) failed: the path does not exist`.
// - `StrategicMerge.apply(_:to:schema:)` — strategic merge patch as apimachinery applies it, driven by
//   `PatchSchema` (the Kubernetes 1.37 definitions' `x-kubernetes-patch-strategy`/`-merge-key`):
//
//       let schema = PatchSchema.kubernetes.type(apiVersion: "apps/v1", kind: "Deployment")
//       let patched = try StrategicMerge.apply(patch, to: deployment, schema: schema)
//
//   Containers merge by `name`, container ports by `containerPort`, Service ports by `port`, finalizers are
//   unioned, tolerations and args replace; `$patch: replace|delete`, `$setElementOrder/<list>`,
//   `$retainKeys` and `$deleteFromPrimitiveList/<list>` directives are honoured. A nil schema (custom
//   resources) means JSON merge semantics.
//
// Every failure is a `PatchError`. Golden tests in Tests/PatchTests compare results with
// `kubectl patch --local` (see Tests/PatchTests/regenerate.sh).
//
// `PatchSchema.kubernetes` reads Resources/patch-schema.json (≈190 KB, generated from the OpenAPI definitions
// by scripts/generate-patch-schema.py) on first use only; it also carries `x-kubernetes-list-type` and
// `-list-map-keys` so the sandbox's server-side apply knows which lists are keyed.
