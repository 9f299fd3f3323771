import FerryCore
import Foundation

/// Loads a chart from a file tree: Chart.yaml, values.yaml, values.schema.json, templates/, crds/, charts/
/// (subchart directories and `.tgz` archives), honouring `.helmignore`.
public enum ChartLoader {
    /// Loads the chart whose Chart.yaml sits at the root of `tree`; `displayPath` prefixes file names in errors.
    public static func load(tree: FileTree, displayPath: String) throws -> Chart {
        let ignore = HelmIgnore(text: tree[".helmignore"].flatMap { String(data: $0, encoding: .utf8) } ?? "")
        var kept: [String: Data] = [:]
        for (path, data) in tree.files where !ignore.isIgnored(path) { kept[path] = data }
        return try load(files: kept, displayPath: displayPath)
    }

    static func load(files: [String: Data], displayPath: String) throws -> Chart {
        func display(_ path: String) -> String { Renderer.join(displayPath, path) }
        func text(_ path: String) throws -> String {
            guard let data = files[path], let text = String(data: data, encoding: .utf8) else {
                throw RenderError(file: display(path), message: "file is not valid UTF-8")
            }
            return text
        }
        guard files["Chart.yaml"] != nil else {
            throw RenderError(file: display("Chart.yaml"), message: "Chart.yaml file is missing")
        }
        var metadata = try ChartMetadata(yaml: try text("Chart.yaml"), file: display("Chart.yaml"))
        if metadata.apiVersion == "v1", files["requirements.yaml"] != nil {
            let requirements = try YAML.parse(try text("requirements.yaml"), file: display("requirements.yaml"), dialect: .yaml11)
            metadata.dependencies = requirements["dependencies"]?.arrayValue?.map(ChartDependency.init) ?? []
        }
        var values: Value = .emptyObject
        if files["values.yaml"] != nil {
            values = HelmValues.goTyped(try YAML.parse(try text("values.yaml"), file: display("values.yaml"), dialect: .yaml11))
            if values.isNull { values = .emptyObject }
            guard case .object = values else {
                throw RenderError(file: display("values.yaml"), message: "values must be a mapping, found a \(values.typeName)")
            }
        }
        var schema: Value?
        if let data = files["values.schema.json"] {
            do { schema = try JSON.parse(data) } catch {
                throw RenderError(file: display("values.schema.json"), message: "\(error)")
            }
        }
        var templates: [(String, String)] = []
        var crds: [(String, Data)] = []
        var other: [String: Data] = [:]
        var subchartDirs = Set<String>()
        var archives: [String] = []
        for path in files.keys.sorted() {
            if path.hasPrefix("templates/") {
                templates.append((path, try text(path)))
            } else if path.hasPrefix("charts/") {
                let rest = path.dropFirst("charts/".count)
                if let slash = rest.firstIndex(of: "/") {
                    subchartDirs.insert(String(rest[..<slash]))
                } else if rest.hasSuffix(".tgz") || rest.hasSuffix(".tar.gz") {
                    archives.append(path)
                }
            } else {
                if path.hasPrefix("crds/") { crds.append((path, files[path] ?? Data())) }
                if !["Chart.yaml", "values.yaml", "requirements.yaml", "requirements.lock", "Chart.lock",
                     "values.schema.json"].contains(path) {
                    other[path] = files[path]
                }
            }
        }
        var dependencies: [Chart] = []
        for dir in subchartDirs.sorted() {
            var sub: [String: Data] = [:]
            for (path, data) in files where path.hasPrefix("charts/\(dir)/") {
                sub[String(path.dropFirst("charts/\(dir)/".count))] = data
            }
            guard sub["Chart.yaml"] != nil else { continue }
            dependencies.append(try load(files: ignoring(sub), displayPath: display("charts/\(dir)")))
        }
        for path in archives {
            let unpacked = try ChartArchive.unpack(files[path] ?? Data(), file: display(path))
            dependencies.append(try load(files: ignoring(unpacked.files), displayPath: display(path)))
        }
        return Chart(metadata: metadata, values: values, schema: schema, templates: templates, crds: crds,
                     files: other, dependencies: dependencies)
    }

    /// Applies a subchart's own `.helmignore`.
    static func ignoring(_ files: [String: Data]) -> [String: Data] {
        guard let data = files[".helmignore"], let text = String(data: data, encoding: .utf8) else { return files }
        let ignore = HelmIgnore(text: text)
        return files.filter { !ignore.isIgnored($0.key) }
    }
}

/// `.helmignore` rules: gitignore-like globs, `dir/` for directories, `!` to re-include.
struct HelmIgnore {
    struct Rule { var pattern: String; var negate: Bool; var directoryOnly: Bool }
    var rules: [Rule] = []

    init(text: String) {
        for raw in text.split(separator: "\n") {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            var negate = false
            if line.hasPrefix("!") { negate = true; line.removeFirst() }
            var directoryOnly = false
            if line.hasSuffix("/") { directoryOnly = true; line.removeLast() }
            if line.hasPrefix("/") { line.removeFirst() }
            if !line.isEmpty { rules.append(Rule(pattern: line, negate: negate, directoryOnly: directoryOnly)) }
        }
    }

    /// True when the file, or a directory holding it, is ignored.
    func isIgnored(_ path: String) -> Bool {
        if rules.isEmpty { return false }
        let parts = path.split(separator: "/").map(String.init)
        for depth in 1...max(parts.count, 1) {
            let prefix = parts.prefix(depth).joined(separator: "/")
            let isDirectory = depth < parts.count
            var ignored = false
            for rule in rules where !rule.directoryOnly || isDirectory {
                let subject = rule.pattern.contains("/") ? prefix : (parts.prefix(depth).last ?? "")
                if Glob.matches(rule.pattern, subject) { ignored = !rule.negate }
            }
            if ignored { return true }
        }
        return false
    }
}
