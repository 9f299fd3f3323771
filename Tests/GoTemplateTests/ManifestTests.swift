import FerryCore
import GoTemplate
import Testing

@Suite struct ManifestTests {
    static let configMap = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: {{ .Release.Name }}-config
      labels:
        {{- range $k, $v := .Values.labels }}
        {{ $k }}: {{ printf "%q" $v }}
        {{- end }}
    data:
      {{- if .Values.enabled }}
      enabled: "true"
      {{- end }}
      replicas: {{ .Values.replicas }}
      {{- /* a comment */}}
    """

    @Test func aHelmStyleManifestRendersWithExactWhitespace() throws {
        let set = try Template.parse(name: "chart/templates/cm.yaml", text: Self.configMap)
        let data: Value = ["Release": ["Name": "rel"],
                           "Values": ["labels": ["b": "2", "a": "1"], "enabled": true, "replicas": 3.0]]
        let out = try set.execute("chart/templates/cm.yaml", data: data, options: ExecOptions(missingKey: .zero))
        #expect(out == """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: rel-config
          labels:
            a: "1"
            b: "2"
        data:
          enabled: "true"
          replicas: 3
        """)
    }

    @Test func aHelmStyleNilPointerErrorNamesFileLineAndColumn() throws {
        let set = try Template.parse(name: "chart/templates/cm.yaml", text: "a: 1\nb: {{ .Values.image.tag }}\n")
        #expect {
            try set.execute("chart/templates/cm.yaml", data: ["Values": [:]], options: ExecOptions(missingKey: .zero))
        } throws: { error in
            "\(error)" == #"template: chart/templates/cm.yaml:2:13: executing "chart/templates/cm.yaml" at <.Values.image.tag>: nil pointer evaluating interface {}.tag"#
        }
    }

    @Test func deeplyNestedInputIsAnErrorNotACrash() {
        let text = String(repeating: "{{if true}}", count: 5000) + String(repeating: "{{end}}", count: 5000)
        #expect(throws: TemplateError.self) { try Template.parse(name: "t", text: text) }
        let parens = "{{" + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000) + "}}"
        #expect(throws: TemplateError.self) { try Template.parse(name: "t", text: parens) }
    }

    @Test func aLargeTemplateParsesQuickly() throws {
        let text = String(repeating: "line {{ .a }} {{ if .b }}x{{ end }}\n", count: 20_000)
        let set = try Template.parse(name: "big", text: text)
        #expect(try set.execute("big", data: ["a": 1]) == String(repeating: "line 1 \n", count: 20_000))
    }
}
