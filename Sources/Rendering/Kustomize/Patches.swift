import FerryCore

/// `patches` and `patchesJson6902`: not rendered yet; refused with an error naming the file.
enum Patches {
    static func run(_ k: Kustomization, resources: inout [KResource]) throws {
        for entry in try k.list("patches") {
            let isJSON6902 = entry["patch"]?.stringValue.map { $0.trimmingPrefixSpaces.hasPrefix("-") || $0.trimmingPrefixSpaces.hasPrefix("[") } ?? false
            if isJSON6902 {
                throw RenderError(file: k.file, message: "kustomization field 'patches' with JSON 6902 operations is not supported yet")
            }
            throw RenderError(file: k.file, message: "strategic-merge patches are not supported yet ('patches')")
        }
    }

    static func runJSON6902(_ k: Kustomization, resources: inout [KResource]) throws {
        if !(try k.list("patchesJson6902")).isEmpty {
            throw RenderError(file: k.file, message: "kustomization field 'patchesJson6902' is not supported yet")
        }
    }
}

extension String {
    var trimmingPrefixSpaces: Substring { drop { $0 == " " || $0 == "\n" || $0 == "\t" } }
}
