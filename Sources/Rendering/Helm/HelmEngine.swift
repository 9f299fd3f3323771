import FerryCore
import Foundation
import GoTemplate
import OrderedCollections

/// Renders every template of a chart and its enabled subcharts, the way Helm's `engine.Render` does:
/// all files parsed into one template set (so `define`s are shared), Helm's functions (`include`, `tpl`,
/// `required`, `fail`, `lookup`) on top of Sprig, `missingkey=zero`, and `<no value>` replaced by "".
/// Returns the output of each renderable template by its full name (`chart/charts/sub/templates/x.yaml`).
struct HelmEngine {
    /// One template with the data it runs against.
    struct Job {
        var name: String
        var text: String
        var data: Value
        var renderable: Bool
    }

    let release: Value
    let capabilities: Value
    let sprig: SprigOptions
    /// Whether templates may run in parallel: not with a seeded random source, whose draws must stay in order.
    var parallel = true
    /// Whether the parsed templates are freed after the run (on another thread) or left to the process's exit.
    var freesParsedTemplates = true

    func render(chart: Chart, values: Value) throws -> OrderedDictionary<String, String> {
        var jobs: [Job] = []
        collect(chart, values: values, parentID: "", isRoot: true, into: &jobs)
        PhaseTrace.mark("template contexts")
        var set = TemplateSet(functions: Self.functions(sprig), contextFunctions: Self.contextFunctions)
        PhaseTrace.mark("function table")
        // Files are rewritten and parsed, and templates run, in parallel; the first failure in Helm's order is
        // reported.
        do {
            try set.add(jobs.map { (name: $0.name, text: $0.text) }, rewriting: HelmMethodRewriter.rewrite)
        } catch let error as TemplateError {
            // Helm: `parse error at (file:line): <last part of Go's message>`.
            var location = error.name
            if error.line > 0 { location += ":\(error.line)" }
            let last = error.message.components(separatedBy: ": ").last ?? error.message
            throw RenderError(file: "", message: "parse error at (\(location)): \(last)")
        }
        PhaseTrace.mark("parse templates")
        // Helm renders deeper paths first, then by name descending; the first failure is the one reported.
        let keyed: [(depth: Int, job: Job)] = jobs.filter(\.renderable).map { job in
            (job.name.split(separator: "/").count, job)
        }
        let runs: [Job] = keyed.sorted { (a, b) -> Bool in
            a.depth != b.depth ? a.depth > b.depth : a.job.name > b.job.name
        }.map(\.job)
        let results = set.execute(runs.map { (name: $0.name, data: $0.data) }, options: ExecOptions(missingKey: .zero),
                                  parallel: parallel)
        PhaseTrace.mark("execute templates")
        if freesParsedTemplates { Self.releaseInBackground(&set) } else { Self.leaveToExit(&set) }
        var out = OrderedDictionary<String, String>()
        for (job, result) in zip(runs, results) {
            do { out[job.name] = TextScan.removingNoValue(try result.get()) } catch let error as TemplateError {
                throw RenderError(file: "", message: Self.cleanup(error, file: job.name))
            }
        }
        return out
    }

    /// Frees the parsed templates on another thread: a large chart's syntax trees are very many small objects,
    /// and freeing them on the render's own thread was up to a millisecond of its serial tail.
    static func releaseInBackground(_ set: inout TemplateSet) {
        let box = ReleaseBox(set)
        set = TemplateSet()
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }

    /// Keeps the parsed templates alive until the process exits: freeing them costs as much CPU as checking a
    /// tenth of the output, and a one-shot process gets the memory back at exit anyway.
    static func leaveToExit(_ set: inout TemplateSet) {
        _ = Unmanaged.passRetained(ReleaseBox(set))
        set = TemplateSet()
    }

    /// Holds the only reference to a template set until the background thread drops it.
    private final class ReleaseBox: @unchecked Sendable {
        var value: TemplateSet?
        init(_ value: TemplateSet) { self.value = value }
    }

    func collect(_ chart: Chart, values: Value, parentID: String, isRoot: Bool, into jobs: inout [Job]) {
        let id = isRoot ? chart.name : parentID + "/charts/" + chart.name
        var subcharts = OrderedDictionary<String, Value>()
        for sub in chart.dependencies {
            let subValues = values[sub.name]?.objectValue.map(Value.object) ?? .emptyObject
            subcharts[sub.name] = context(sub, values: subValues, basePath: "", files: HelmFiles.value(sub.files))
            collect(sub, values: subValues, parentID: id, isRoot: false, into: &jobs)
        }
        // One context per chart; each template's copy differs only in `.Template.Name`.
        var shared = context(chart, values: values, basePath: id + "/templates", files: HelmFiles.value(chart.files))
        shared["Subcharts"] = .object(subcharts)
        for template in chart.templates {
            let name = id + "/" + template.path
            var data = shared
            data[path: ["Template", "Name"]] = .string(name)
            let base = template.path.split(separator: "/").last ?? ""
            let renderable = !base.hasPrefix("_") && !chart.metadata.isLibrary
            jobs.append(Job(name: name, text: template.text, data: data, renderable: renderable))
        }
    }

    /// A chart's template context; `.Template.Name` is empty until a template's own copy sets it.
    func context(_ chart: Chart, values: Value, basePath: String, files: Value) -> Value {
        [
            "Values": values, "Release": release, "Chart": chart.metadata.templateValue, "Capabilities": capabilities,
            "Files": files, "Template": ["Name": "", "BasePath": .string(basePath)],
        ]
    }

    /// Marks the messages of `fail` and `required`, which Helm reports as `execution error at (…): message`.
    static let userErrorMark = "\u{1}HELM_ERR\u{1}"

    /// Helm v4's error text: `execution error at (file:line:col): message` for `fail`/`required`; otherwise
    /// the location, `executing "…" at <…>:` and the message indented below it (Go's own text when the error
    /// passed through nested executions).
    static func cleanup(_ error: TemplateError, file: String) -> String {
        var location = error.name
        if error.line > 0 { location += ":\(error.line)" }
        if let column = error.column { location += ":\(column)" }
        let message = error.message
        if let mark = message.range(of: userErrorMark) {
            return "execution error at (\(location)): \(message[mark.upperBound...])"
        }
        guard message.hasPrefix("executing "), let end = message.range(of: ">: "),
              message.components(separatedBy: "executing \"").count == 2 else { return error.description }
        let head = message[..<message.index(after: end.lowerBound)]
        var detail = String(message[end.upperBound...])
        if detail.hasPrefix("error calling "), let colon = detail.range(of: ": ") {
            detail = detail[..<colon.lowerBound] + ":\n" + detail[colon.upperBound...]
        }
        return "\(location)\n  \(head):\n    \(detail)"
    }
}
