import FerryCore
import Foundation
import Testing
@testable import FerryCLI
import Rendering

/// `ferry render CHART` prints what `helm template` prints and takes its flags.
@Suite struct RenderCommandHelmTests {
    static func chartDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-helm-\(UUID().uuidString)")
        let files = [
            "chart/Chart.yaml": "apiVersion: v2\nname: web\nversion: 0.1.0\n",
            "chart/values.yaml": "replicas: 1\nimage: nginx\n",
            "chart/templates/deploy.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ .Release.Name }}-web
              namespace: {{ .Release.Namespace }}
            spec:
              replicas: {{ .Values.replicas }}
              template:
                spec:
                  containers:
                    - name: web
                      image: {{ .Values.image }}:{{ .Values.tag | default "latest" }}
            """,
            "prod.yaml": "replicas: 3\n",
        ]
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    @Test func printsHelmTemplateOutputWithValuesAndSetFlags() throws {
        let dir = try Self.chartDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let chart = dir.appendingPathComponent("chart").path
        let command = try #require(try FerryCommand.parseAsRoot([
            "render", chart, "-f", dir.appendingPathComponent("prod.yaml").path, "--set", "tag=1.27",
            "--release-name", "shop", "--namespace", "store",
        ]) as? RenderCommand)
        let text = try RenderCommand.helmTemplate(directory: chart, options: try RenderCommand.resolved(command.helmOptions()))
        #expect(text.hasPrefix("---\n# Source: web/templates/deploy.yaml\n"))
        #expect(text.contains("name: shop-web\n  namespace: store\n"))
        #expect(text.contains("replicas: 3\n"))
        #expect(text.contains("image: nginx:1.27\n"))
    }

    @Test func aMissingValuesFileIsAnError() throws {
        let dir = try Self.chartDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: CLIError.self) {
            try RenderCommand.resolved(HelmOptions(valueFiles: [dir.appendingPathComponent("nope.yaml").path]))
        }
    }
}
