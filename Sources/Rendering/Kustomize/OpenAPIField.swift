import FerryCore
import Patch

/// `openapi`: the schema strategic-merge patches consult for merge keys and patch strategies.
///
/// - `path: FILE` loads a custom OpenAPI v2 document (JSON or YAML, with `definitions`). It replaces the
///   built-in Kubernetes schema rather than extending it: a Deployment patched under a custom schema that
///   does not define Deployment replaces its `containers` list, as kustomize does. kustomize keeps one
///   global table of definitions, so the built-in types stay known when a strategic-merge patch had already
///   used them before the custom schema was loaded (a base without `openapi` built earlier).
/// - `version: v1.21.2` names kustomize's only built-in schema version, which is its default; Ferry's
///   built-in schema serves it. Any other version is refused, as kustomize refuses it.
///
/// Only the first kustomization met that sets the field counts: the top one, else the first base or
/// component (in build order) that has it; later ones are ignored, though their schema file must exist.
enum OpenAPIField {
    /// kustomize's built-in schema versions.
    static let builtinVersions = ["v1.21.2"]

    /// Checks the field's shape when the kustomization is read: a mapping of strings.
    static func validate(_ k: Kustomization) throws {
        guard let value = k.raw["openapi"], !value.isNull else { return }
        guard case .object(let members) = value else {
            throw RenderError(file: k.file, message: "'openapi' must be a mapping (path or version), found a \(value.typeName)")
        }
        for (key, member) in members where member.stringValue == nil {
            throw RenderError(file: k.file, message: "'openapi.\(key)' must be a string, found a \(member.typeName)")
        }
    }
}

/// The schema choice of one build, shared by every kustomization in it (a reference, like kustomize's
/// global schema): set once by the first `openapi` field met, consulted by every strategic-merge patch.
final class OpenAPISchemas {
    /// Whether a kustomization has chosen the schema (by `path` or `version`).
    private(set) var isChosen = false
    /// The schema patches use; nil while the built-in one applies.
    private var custom: PatchSchema?
    /// Whether a strategic-merge patch has already consulted the built-in schema.
    private var builtinUsed = false

    /// The schema of a whole object (from its `apiVersion` and `kind`), or nil when the schema in effect
    /// does not know the kind (the patch then merges like a JSON merge patch).
    func type(of object: Value) -> PatchSchema.Node? {
        guard let custom else {
            builtinUsed = true
            return PatchSchema.kubernetes.type(of: object)
        }
        return custom.type(of: object)
    }

    /// Applies kustomization `k`'s `openapi` field when no earlier kustomization chose the schema.
    func configure(_ k: Kustomization, builder: Builder) throws {
        guard let field = k.raw["openapi"]?.objectValue else { return }
        let path = field["path"]?.stringValue
        // kustomize reads the file before it checks whether the schema is already chosen.
        let file = try path.map { try builder.file($0, from: k, field: "openapi.path") }
        guard !isChosen else { return }
        let version = field["version"]?.stringValue
        if let file {
            if version != nil {
                throw RenderError(file: k.file, message: "openapi: 'version' and 'path' cannot both be set (builtin version and custom schema)")
            }
            let schema = try Self.load(file.text, file: builder.display(file.path))
            custom = builtinUsed ? PatchSchema.kubernetes.merging(schema) : schema
            isChosen = true
        } else if let version, !version.isEmpty {
            guard OpenAPIField.builtinVersions.contains(version) else {
                throw RenderError(file: k.file, message: "openapi.version: OpenAPI version '\(version)' is not built in (kustomize has "
                                  + OpenAPIField.builtinVersions.joined(separator: ", ") + ")")
            }
            isChosen = true
        }
    }

    /// Parses a custom schema file (JSON is YAML too) into a patch schema.
    static func load(_ text: String, file: String) throws -> PatchSchema {
        let document = try YAML.parse(text, file: file)
        do { return try PatchSchema(openAPIDefinitions: document) } catch let error as PatchError {
            throw RenderError(file: file, message: "openapi.path: invalid schema file: \(error.message)")
        }
    }
}
