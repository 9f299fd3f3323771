import FerryCore

/// One `helmCharts` entry (or `HelmChartInflationGenerator` configuration) with `helmGlobals.chartHome`,
/// its fields checked by type; unknown fields are refused by name.
struct HelmChartSpec {
    /// Where the entry sits, for messages (`helmCharts[0]`).
    var field: String
    var chartHome = "charts"
    var name = "", version = "", repo = "", releaseName = "", namespace = "", nameTemplate = ""
    var valuesFile = "", valuesMerge = "override", kubeVersion = ""
    var valuesInline: Value = .emptyObject
    var additionalValuesFiles: [String] = [], apiVersions: [String] = []
    var includeCRDs = false, skipHooks = false, skipTests = false

    static let mergeModes = ["merge", "override", "replace"]

    init(_ entry: Value, globals: Value, field: String, file: String) throws {
        self.field = field
        guard case .object(let members) = entry else {
            throw RenderError(file: file, message: "\(field) must be a mapping, found a \(entry.typeName)")
        }
        for key in members.keys where !HelmCharts.chartFields.contains(key) && !HelmCharts.globalFields.contains(key) {
            throw RenderError(file: file, message: "\(field): unknown field '\(key)'")
        }
        func string(_ key: String, in value: Value = entry) throws -> String {
            guard let v = value[key], !v.isNull else { return "" }
            switch v {
            case .string(let s): return s
            case .int(let i): return String(i)
            case .double(let d): return YAML.formatFloat(d)
            default: throw RenderError(file: file, message: "\(field).\(key) must be a string, found a \(v.typeName)")
            }
        }
        func bool(_ key: String) throws -> Bool {
            guard let v = entry[key], !v.isNull else { return false }
            guard let b = v.boolValue else { throw RenderError(file: file, message: "\(field).\(key) must be a boolean, found a \(v.typeName)") }
            return b
        }
        func strings(_ key: String) throws -> [String] {
            guard let v = entry[key], !v.isNull else { return [] }
            guard let items = v.arrayValue else { throw RenderError(file: file, message: "\(field).\(key) must be a list, found a \(v.typeName)") }
            return try items.map {
                guard let s = $0.stringValue else { throw RenderError(file: file, message: "\(field).\(key) entries must be strings, found a \($0.typeName)") }
                return s
            }
        }
        let home = try string("chartHome", in: entry["chartHome"] == nil ? globals : entry)
        if !home.isEmpty { chartHome = home }
        name = try string("name"); version = try string("version"); repo = try string("repo")
        releaseName = try string("releaseName"); namespace = try string("namespace")
        nameTemplate = try string("nameTemplate"); valuesFile = try string("valuesFile")
        kubeVersion = try string("kubeVersion")
        let mode = try string("valuesMerge")
        if !mode.isEmpty { valuesMerge = mode }
        additionalValuesFiles = try strings("additionalValuesFiles"); apiVersions = try strings("apiVersions")
        includeCRDs = try bool("includeCRDs"); skipHooks = try bool("skipHooks"); skipTests = try bool("skipTests")
        if let inline = entry["valuesInline"], !inline.isNull {
            guard inline.objectValue != nil else {
                throw RenderError(file: file, message: "\(field).valuesInline must be a mapping, found a \(inline.typeName)")
            }
            valuesInline = inline
        }
        guard !name.isEmpty else { throw RenderError(file: file, message: "\(field).name: chart name cannot be empty") }
        guard Self.mergeModes.contains(valuesMerge) else {
            throw RenderError(file: file, message: "\(field).valuesMerge must be one of merge, override, replace (found '\(valuesMerge)')")
        }
    }
}

extension HelmChartSpec {
    /// kustomize's deprecated `helmChartInflationGenerator` entries, folded into `helmCharts` (after its own
    /// entries) and `helmGlobals` (only when absent; the last non-empty `chartHome`/`helmHome` wins), as
    /// kustomize converts them. Their other fields (`releaseNamespace`, `extraArgs`, `helmBin`…) are ignored there too.
    static func foldDeprecated(_ raw: inout Value, file: String) throws {
        guard let old = raw["helmChartInflationGenerator"], !old.isNull else { return }
        guard let entries = old.arrayValue else {
            throw RenderError(file: file, message: "'helmChartInflationGenerator' must be a list, found a \(old.typeName)")
        }
        let renames = [("chartName", "name"), ("chartVersion", "version"), ("chartRepoUrl", "repo"), ("values", "valuesFile"),
                       ("valuesLocal", "valuesInline"), ("valuesMerge", "valuesMerge"), ("releaseName", "releaseName")]
        var charts = raw["helmCharts"]?.arrayValue ?? []
        var globals: Value = .emptyObject
        for entry in entries {
            var chart: Value = .emptyObject
            for (from, to) in renames { if let v = entry[from], !v.isNull { chart[to] = v } }
            charts.append(chart)
            for (from, to) in [("helmHome", "configHome"), ("chartHome", "chartHome")] {
                if let v = entry[from]?.stringValue, !v.isEmpty { globals[to] = .string(v) }
            }
        }
        raw["helmCharts"] = .array(charts)
        if raw["helmGlobals"] == nil || raw["helmGlobals"]?.isNull == true, globals.objectValue?.isEmpty == false {
            raw["helmGlobals"] = globals
        }
        raw["helmChartInflationGenerator"] = nil
    }
}
