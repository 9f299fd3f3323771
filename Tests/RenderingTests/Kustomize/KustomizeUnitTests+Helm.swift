import FerryCore
import Foundation
import Testing
@testable import Rendering

/// helmCharts behaviour the parity cases cannot record (the helm shim refuses `--kube-version`,
/// `--api-versions` and random release names) and the values merge on its own.
extension KustomizeUnitTests {
    static func helmTree(kustomization: String, template: String = "") throws -> FileTree {
        var tree = FileTree()
        try tree.add("kustomization.yaml", Data(kustomization.utf8))
        try tree.add("charts/c/Chart.yaml", Data("apiVersion: v2\nname: c\nversion: 0.1.0\n".utf8))
        try tree.add("charts/c/values.yaml", Data("greeting: hello\nnested:\n  a: 1\n  b: 2\nlist: [1, 2]\n".utf8))
        let body = template.isEmpty
            ? "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\ndata:\n  greeting: {{ .Values.greeting }}\n"
            : template
        try tree.add("charts/c/templates/cm.yaml", Data(body.utf8))
        return tree
    }

    func helmError(_ kustomization: String) throws -> String {
        let tree = try Self.helmTree(kustomization: kustomization)
        do {
            _ = try KustomizeRenderer.render(tree: tree)
            return ""
        } catch let error as RenderError {
            return error.description
        }
    }

    @Test func helmValuesOverrideLetsInlineWinDeletesNullsAndReplacesLists() throws {
        let k = try Kustomization(file: "kustomization.yaml", directory: "", text: "{}")
        let inline = try YAML.parse("nested:\n  b: 3\n  c: 4\nlist: [9]\ngreeting: null\n")
        let file = "greeting: hello\nnested:\n  a: 1\n  b: 2\nlist: [1, 2]\n"
        let override = try YAML.parse(HelmValuesMerge.combine(file: file, inline: inline, mode: "override",
                                                             valuesFile: "values.yaml", field: "helmCharts[0]", k: k))
        #expect(override == (try YAML.parse("nested:\n  a: 1\n  b: 3\n  c: 4\nlist: [9]\n")))
        let merge = try YAML.parse(HelmValuesMerge.combine(file: file, inline: inline, mode: "merge",
                                                          valuesFile: "values.yaml", field: "helmCharts[0]", k: k))
        #expect(merge == (try YAML.parse("nested:\n  b: 2\n  c: 4\n  a: 1\nlist: [1, 2]\ngreeting: hello\n")))
        let replace = try YAML.parse(HelmValuesMerge.combine(file: file, inline: inline, mode: "replace",
                                                            valuesFile: "values.yaml", field: "helmCharts[0]", k: k))
        #expect(replace == inline)
    }

    @Test func helmValuesMergeRefusesAMappingAgainstAScalar() throws {
        let message = try helmError("helmCharts:\n- name: c\n  valuesInline:\n    greeting: {x: 1}\n")
        #expect(message.contains("helmCharts[0].valuesInline: cannot merge 'greeting'"))
    }

    @Test func helmChartsPassKubeVersionAndAPIVersionsToTheEngine() throws {
        let template = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: caps
            data:
              kube: {{ .Capabilities.KubeVersion.Version }}
              foo: "{{ .Capabilities.APIVersions.Has "foo.example.com/v1" }}"
            """
        let k = "helmCharts:\n- name: c\n  releaseName: r\n  kubeVersion: \"1.29\"\n  apiVersions: [foo.example.com/v1]\n"
        let result = try KustomizeRenderer.render(tree: try Self.helmTree(kustomization: k, template: template))
        #expect(result.objects.map { $0.value[path: ["data", "kube"]] } == [.string("v1.29.0")])
        #expect(result.objects.map { $0.value[path: ["data", "foo"]] } == [.string("true")])
    }

    @Test func helmChartWithoutReleaseNameUsesReleaseNameAndWarns() throws {
        let result = try KustomizeRenderer.render(tree: try Self.helmTree(kustomization: "helmCharts:\n- name: c\n"))
        #expect(result.objects.map(\.name) == ["release-name-cm"])
        #expect(result.diagnostics.contains { $0.message.contains("no releaseName") })
    }

    @Test func helmChartObjectsThatCollideWithAnotherObjectAreRefused() throws {
        let message = try helmError("helmCharts:\n- name: c\n  releaseName: r\n- name: c\n  releaseName: r\n")
        #expect(message.contains("ConfigMap 'r-cm'") && message.contains("is already defined"))
    }

    @Test func helmChartEntriesAreCheckedByField() throws {
        #expect(try helmError("helmCharts:\n- name: c\n  valuesMerge: deep\n").contains("helmCharts[0].valuesMerge must be one of merge, override, replace"))
        #expect(try helmError("helmCharts:\n- name: c\n  valueFile: x.yaml\n").contains("helmCharts[0]: unknown field 'valueFile'"))
        #expect(try helmError("helmCharts:\n- releaseName: r\n").contains("helmCharts[0].name: chart name cannot be empty"))
        #expect(try helmError("helmCharts:\n- name: c\n  nameTemplate: x\n").contains("helmCharts[0].nameTemplate"))
        #expect(try helmError("helmCharts:\n- name: c\n  includeCRDs: maybe\n").contains("helmCharts[0].includeCRDs must be a boolean"))
        #expect(try helmError("helmCharts:\n- name: c\n  valuesFile: missing.yaml\n").contains("file 'missing.yaml' not found"))
        #expect(try helmError("helmChartInflationGenerator: {chartName: c}\n").contains("'helmChartInflationGenerator' must be a list"))
    }
}
