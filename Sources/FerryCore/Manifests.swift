/// Turning YAML/JSON files into Kubernetes objects, with errors that name file and line.
public enum Manifests {
    /// Parses a YAML (or JSON) stream into objects. Empty documents are skipped; `List` kinds are flattened.
    /// Every object must have `apiVersion`, `kind` and `metadata.name` (or `generateName`).
    public static func parse(_ text: String, file: String) throws -> [KubeObject] {
        var objects: [KubeObject] = []
        for doc in try YAML.parseAll(text, file: file) {
            if doc.value.isNull { continue }
            guard case .object = doc.value else {
                throw DocumentError(file: file, line: doc.line, column: 1,
                                    message: "expected a Kubernetes object, found a \(doc.value.typeName)")
            }
            let object = KubeObject(doc.value)
            if object.kind.hasSuffix("List"), let items = doc.value["items"]?.arrayValue {
                for item in items { objects.append(try validated(KubeObject(item), file: file, line: doc.line)) }
                continue
            }
            objects.append(try validated(object, file: file, line: doc.line))
        }
        return objects
    }

    static func validated(_ object: KubeObject, file: String, line: Int) throws -> KubeObject {
        func fail(_ message: String) -> DocumentError { DocumentError(file: file, line: line, column: 1, message: message) }
        if object.apiVersion.isEmpty { throw fail("object has no apiVersion") }
        if object.kind.isEmpty { throw fail("object has no kind") }
        if object.name.isEmpty && object.value[path: ["metadata", "generateName"]] == nil {
            throw fail("\(object.kind) has no metadata.name")
        }
        return object
    }
}
