// # Diff
//
// Decides whether a live Kubernetes object matches what Git wants, and says how it differs.
//
// 1. `Normalizer` strips what the API server writes (status, uid, resourceVersion, managedFields, …),
//    kubectl's last-applied annotation, null members and empty label/annotation maps, and folds a
//    Secret's `stringData` into base64 `data` the way the API server does.
// 2. `DiffOptions.ignoreRules` remove fields (JSON pointers such as `/spec/replicas`) from both sides,
//    for resources matching a group/kind/namespace/name pattern (Argo CD's `ignoreDifferences`).
// 3. `SecretMasker` replaces every Secret value by a run of `+` signs: equal values get equal masks,
//    different values different masks, so a diff shows that a value changed but never the value.
// 4. `Differ` compares with the subset rule: every field Git sets must be present and equal in live;
//    fields only live has (server defaults, other field managers) are ignored. Numbers compare by
//    value, lists element by element, and a list of another length differs.
// 5. `UnifiedDiff` renders live (projected onto the desired shape) against desired as a unified diff:
//
//        --- Deployment/prod/web (live)
//        +++ Deployment/prod/web (desired)
//        @@ -14,7 +14,7 @@
//         …
//        -        image: nginx:1.25
//        +        image: nginx:1.26
//
// Everything here is pure: no I/O, no clocks.
