import FerryCore

/// `namePrefix` and `nameSuffix`: prepend/append to `metadata/name` (and any other field a `namePrefix`
/// / `nameSuffix` configuration lists), skipping CRDs, Namespaces and APIServices, and remembering the
/// affixes so name references can prefer objects built in the same layer.
enum NameAffixes {
    static func run(_ k: Kustomization, resources: inout [KResource]) throws {
        let prefix = try k.string("namePrefix") ?? ""
        let suffix = try k.string("nameSuffix") ?? ""
        if !prefix.isEmpty { apply(prefix, specs: k.config.namePrefix, isPrefix: true, to: &resources) }
        if !suffix.isEmpty { apply(suffix, specs: k.config.nameSuffix, isPrefix: false, to: &resources) }
    }

    static func apply(_ affix: String, specs: [FieldSpec], isPrefix: Bool, to resources: inout [KResource]) {
        for i in resources.indices where !Transformers.skipsPrefix(resources[i]) {
            for spec in specs where spec.applies(to: resources[i].value) {
                if spec.path == ["metadata", "name"] {
                    if isPrefix { resources[i].prefixes.append(affix) } else { resources[i].suffixes.append(affix) }
                    let name = resources[i].name
                    resources[i].rename(isPrefix ? affix + name : name + affix)
                    continue
                }
                spec.apply(to: &resources[i].value) { current in
                    guard case .string(let s)? = current else { return current }
                    return .string(isPrefix ? affix + s : s + affix)
                }
            }
        }
    }
}
