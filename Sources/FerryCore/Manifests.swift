/// Turning YAML/JSON files into Kubernetes objects, with errors that name file and line.
public enum Manifests {
    /// Parses a YAML (or JSON) stream into objects. Empty documents are skipped; `List` kinds are flattened.
    /// Every object must have `apiVersion`, `kind` and `metadata.name` (or `generateName`).
    public static func parse(_ text: String, file: String) throws -> [KubeObject] {
        var objects: [KubeObject] = []
        for doc in try YAML.parseAll(text, file: file) {
            objects += try self.objects(in: doc.value, file: file, line: doc.line)
        }
        return objects
    }

    /// The objects one parsed document holds: none for an empty document, the items of a `List` kind, else the
    /// document itself; each checked as `parse` does, errors naming `file` and `line`.
    public static func objects(in document: Value, file: String, line: Int) throws -> [KubeObject] {
        if document.isNull { return [] }
        guard case .object = document else {
            throw DocumentError(file: file, line: line, column: 1,
                                message: "expected a Kubernetes object, found a \(document.typeName)")
        }
        let object = KubeObject(document)
        if object.kind.hasSuffix("List"), let items = document["items"]?.arrayValue {
            return try items.map { try validated(KubeObject($0), file: file, line: line) }
        }
        return [try validated(object, file: file, line: line)]
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
