import FerryCore
import OrderedCollections

/// Helm's dependency processing before rendering: aliases, `condition`/`tags` that disable subcharts,
/// and `import-values` that copy a child's values into its parent.
enum HelmDependencies {
    /// Fails when Chart.yaml names a dependency that `charts/` does not hold.
    static func checkPresent(_ chart: Chart, file: String) throws {
        let present = Set(chart.dependencies.map(\.name))
        let missing = chart.metadata.dependencies.map(\.name).filter { !present.contains($0) }
        if !missing.isEmpty {
            throw RenderError(file: file, message: "chart dependencies are missing; run dependency update/build first: "
                + "found in Chart.yaml, but missing in charts/ directory: \(missing.joined(separator: ", "))")
        }
    }

    /// Applies aliases and removes disabled subcharts, recursively; `values` are the user's values.
    static func processEnabled(_ chart: inout Chart, values: Value, path: String = "") {
        let requested = chart.metadata.dependencies
        var subcharts = chart.dependencies.filter { sub in !requested.contains { $0.name == sub.name } }
        for dependency in requested {
            guard var sub = chart.dependencies.first(where: { $0.name == dependency.name }) else { continue }
            if !dependency.alias.isEmpty {
                sub.metadata.name = dependency.alias
                sub.metadata.raw["name"] = .string(dependency.alias)
            }
            subcharts.append(sub)
        }
        chart.dependencies = subcharts
        let coalesced = HelmValues.coalesce(chart: chart, user: values)
        var disabled = Set<String>()
        for dependency in requested where !isEnabled(dependency, values: coalesced, path: path) {
            disabled.insert(dependency.effectiveName)
        }
        chart.dependencies.removeAll { disabled.contains($0.name) }
        chart.metadata.dependencies.removeAll { disabled.contains($0.effectiveName) }
        for index in chart.dependencies.indices {
            let subpath = path + chart.dependencies[index].name + "."
            processEnabled(&chart.dependencies[index], values: coalesced, path: subpath)
        }
    }

    /// Tags first (any true enables, only-false disables), then the first boolean condition decides.
    static func isEnabled(_ dependency: ChartDependency, values: Value, path: String) -> Bool {
        var enabled = true
        if let tags = values["tags"]?.objectValue {
            var hasTrue = false, hasFalse = false
            for tag in dependency.tags {
                if let flag = tags[tag]?.boolValue { if flag { hasTrue = true } else { hasFalse = true } }
            }
            if !hasTrue && hasFalse { enabled = false }
        }
        for condition in dependency.condition.split(separator: ",") {
            let key = path + condition.trimmingCharacters(in: .whitespaces)
            if case .bool(let flag)? = HelmValues.value(at: key, in: values) { enabled = flag; break }
        }
        return enabled
    }

    /// Copies `import-values` from children into parents, deepest charts first. The parent's own values win.
    static func processImports(_ chart: inout Chart) {
        for index in chart.dependencies.indices { processImports(&chart.dependencies[index]) }
        let withImports = chart.metadata.dependencies.filter { !$0.importValues.isEmpty }
        guard !withImports.isEmpty else { return }
        let coalesced = HelmValues.coalesce(chart: chart, user: .emptyObject, merge: true)
        var imported = OrderedDictionary<String, Value>()
        for dependency in withImports {
            for entry in dependency.importValues {
                let child: String, parent: String
                if let name = entry.stringValue {
                    child = "exports." + name; parent = ""
                } else if let c = entry["child"]?.stringValue, let p = entry["parent"]?.stringValue {
                    child = c; parent = p
                } else { continue }
                guard case .object(let table)? = HelmValues.value(at: dependency.effectiveName + "." + child, in: coalesced)
                else { continue }
                let addition = parent.isEmpty ? Value.object(table) : HelmValues.nest(.object(table), under: parent)
                HelmValues.coalesceTables(&imported, addition.objectValue ?? [:], merge: true)
            }
        }
        var result = coalesced.objectValue ?? [:]
        HelmValues.coalesceTables(&result, imported, merge: true)
        chart.values = .object(result)
    }
}
