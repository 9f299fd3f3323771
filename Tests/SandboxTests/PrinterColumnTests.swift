import FerryCore
import Foundation
import Testing
@testable import Sandbox

/// CRD `additionalPrinterColumns`: the JSONPath subset, cell conversion and the Table kubectl prints.
struct PrinterColumnTests {
    static let object: Value = [
        "metadata": ["name": "w", "labels": ["app.kubernetes.io/name": "web"], "creationTimestamp": "2026-01-01T00:00:00Z"],
        "spec": ["replicas": 3, "ratio": 1.5, "items": [["name": "a"], ["name": "b"]]],
        "status": ["conditions": [["type": "Synced", "status": "False"], ["type": "Ready", "status": "True"]]],
    ]

    private func select(_ path: String) -> [Value]? { SimpleJSONPath(path)?.evaluate(Self.object) }

    @Test func simpleJSONPathSelectsFieldsIndexesWildcardsAndFilters() {
        #expect(select(".spec.replicas") == [3])
        #expect(select("{.spec.replicas}") == [3])
        #expect(select("$.spec.items[1].name") == ["b"])
        #expect(select(".spec.items[-1].name") == ["b"])
        #expect(select(".spec.items[*].name") == ["a", "b"])
        #expect(select(#".status.conditions[?(@.type=="Ready")].status"#) == ["True"])
        #expect(select(".status.conditions[?(@.type!='Ready')].type") == ["Synced"])
        #expect(select(".status.conditions[?(@.reason)].type") == [])
        #expect(select(#".metadata.labels.app\.kubernetes\.io/name"#) == ["web"])
        #expect(select(".metadata.labels['app.kubernetes.io/name']") == ["web"])
        #expect(select(".spec.missing") == [])
        #expect(select(".spec.items[3]") == [])
        #expect(SimpleJSONPath("spec.replicas") == nil)
        #expect(SimpleJSONPath(".spec[?(@.a ~ 1)]") == nil)
        #expect(SimpleJSONPath(".spec.items[") == nil)
    }

    @Test func cellsConvertToTheColumnType() throws {
        func column(_ type: String, _ path: String) -> PrinterColumn {
            PrinterColumn(name: "X", type: type, format: "", description: "", priority: 0, path: SimpleJSONPath(path))
        }
        let now = try #require(APICoding.parseDate("2026-01-01T05:04:00Z"))
        #expect(column("integer", ".spec.replicas").cell(Self.object) == 3)
        #expect(column("integer", ".spec.ratio").cell(Self.object) == 1)
        #expect(column("number", ".spec.ratio").cell(Self.object) == 1.5)
        #expect(column("string", ".spec.replicas").cell(Self.object) == "3")
        #expect(column("string", ".spec.items[0]").cell(Self.object) == #"{"name":"a"}"#)
        #expect(column("boolean", ".spec.replicas").cell(Self.object) == .null)
        #expect(column("string", ".spec.nothing").cell(Self.object) == .null)
        #expect(column("date", ".metadata.name").cell(Self.object) == "<invalid>")
        #expect(column("date", ".metadata.creationTimestamp").cell(Self.object, now: now) == "5h4m")
        #expect(PrinterColumn(name: "X", type: "string", format: "", description: "", priority: 0, path: nil)
            .cell(Self.object) == .null)
    }

    @Test func humanDurationWordsAgesLikeTheAPIServer() {
        let cases: [(TimeInterval, String)] = [
            (-5, "<invalid>"), (-0.5, "0s"), (45, "45s"), (119, "119s"), (192, "3m12s"), (300, "5m"),
            (25 * 60, "25m"), (179 * 60, "179m"), (5 * 3600 + 240, "5h4m"), (6 * 3600, "6h"), (30 * 3600, "30h"),
            (3 * 86400 + 7200, "3d2h"), (200 * 86400, "200d"), (734 * 86400, "2y4d"), (3000 * 86400, "8y"),
        ]
        for (interval, expected) in cases { #expect(HumanDuration.format(interval) == expected, "\(interval)") }
        let created: Value = ["metadata": ["creationTimestamp": "2026-01-01T00:00:00Z"]]
        let later = Date(timeIntervalSince1970: 1_767_225_600 + 3 * 86400 + 7200)
        #expect(Table.age(created, now: later) == "3d2h", "built-in AGE columns word ages the same way")
    }

    @Test func crdWithoutColumnsGetsNameAndAge() {
        let version: Value = ["name": "v1", "served": true, "storage": true]
        #expect(PrinterColumn.columns(of: version) == [PrinterColumn.age])
        let table = Table.render([Self.object], columns: PrinterColumn.columns(of: version), resourceVersion: "7")
        #expect(table["columnDefinitions"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Name", "Age"])
        #expect(table["columnDefinitions"]?.arrayValue?.last?["type"] == "date")
        #expect(table["rows"]?.arrayValue?.first?["cells"]?.arrayValue?.first == "w")
    }
}

/// `kubectl get` of custom resources shows the CRD's printer columns.
extension KubectlTests {
    static let columnsCRD = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            schema:
              openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
            additionalPrinterColumns:
            - {name: Replicas, type: integer, jsonPath: .spec.replicas}
            - {name: Ready, type: string, jsonPath: '.status.conditions[?(@.type=="Ready")].status'}
            - {name: Color, type: string, jsonPath: .spec.color, priority: 1, description: The paint.}
            - {name: Created, type: date, jsonPath: .metadata.creationTimestamp}
        """

    static let gadgets = """
        apiVersion: example.com/v1
        kind: Gadget
        metadata: {name: g1, namespace: default}
        spec: {replicas: 2, color: red}
        ---
        apiVersion: example.com/v1
        kind: Gadget
        metadata: {name: g2, namespace: default}
        spec: {color: blue}
        """

    /// The whitespace-separated words of each output line.
    static func words(_ output: String) -> [[String]] {
        output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }

    @Test func kubectlGetShowsAdditionalPrinterColumnsAndWideOnes() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let kubectl = sandbox.kubectl
        try await kubectl.succeed(["apply", "-f", "-"], stdin: Self.columnsCRD)
        try await kubectl.succeed(["apply", "-f", "-"], stdin: Self.gadgets)
        try await kubectl.succeed(["patch", "gadget", "g1", "--subresource=status", "--type=merge", "-p",
                        #"{"status":{"conditions":[{"type":"Synced","status":"False"},{"type":"Ready","status":"True"}]}}"#])

        let plain = Self.words(try await kubectl.succeed(["get", "gadgets"]))
        #expect(plain.first == ["NAME", "REPLICAS", "READY", "CREATED"])
        #expect(plain.count == 3)
        #expect(plain.dropFirst().first?.prefix(3) == ["g1", "2", "True"])
        // Nothing selected: kubectl prints an empty cell, so g2's line is only its name and age.
        #expect(plain.last?.count == 2 && plain.last?.first == "g2")
        #expect(plain.last?.last?.hasSuffix("s") == true, "an age like 1s: \(plain)")

        let wide = Self.words(try await kubectl.succeed(["get", "gadgets", "-o", "wide"]))
        #expect(wide.first == ["NAME", "REPLICAS", "READY", "COLOR", "CREATED"])
        #expect(wide.dropFirst().first?.prefix(4) == ["g1", "2", "True", "red"])
        #expect(wide.last?.prefix(2) == ["g2", "blue"])

        try await kubectl.succeed(["apply", "-f", "-"], stdin: Self.widgetCRD)
        try await kubectl.succeed(["apply", "-f", "-"], stdin: Self.widget)
        let widgets = Self.words(try await kubectl.succeed(["get", "widgets"]))
        #expect(widgets.first == ["NAME", "AGE"] && widgets.last?.first == "w")
        #expect(Self.words(try await kubectl.succeed(["get", "gadget", "g1", "--no-headers"])).first?.prefix(3) == ["g1", "2", "True"])
    }
}
