import FerryCore
import Foundation
import Testing
@testable import Rendering

/// Each `charts/<case>/` is a chart with the real Helm engine's output (see README.md and regenerate.py).
@Suite struct HelmParityTests {
    static let casesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("charts")

    static var caseNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: casesDirectory.path)) ?? []).sorted()
    }

    struct Case {
        var tree: FileTree
        var options: HelmOptions
        var expected: String?
        var expectedError: String?
        var pending: String?
        var structureOnly: Bool
    }

    static func load(_ name: String) throws -> Case {
        let dir = casesDirectory.appendingPathComponent(name)
        let tree = try FileTree.load(directory: dir)
        func text(_ file: String) -> String? { tree[file].flatMap { String(data: $0, encoding: .utf8) } }
        var options = HelmOptions()
        if let flags = text("flags.json") {
            let value = try JSON.parse(flags)
            func list(_ key: String) -> [String] { value[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
            options.releaseName = value["release_name"]?.stringValue ?? options.releaseName
            options.namespace = value["namespace"]?.stringValue ?? options.namespace
            options.valueFiles = list("values_files").map { "../" + $0 }  // relative to chart/
            options.set = list("set")
            options.setString = list("set_string")
            options.setJSON = list("set_json")
            options.includeCRDs = value["include_crds"]?.boolValue ?? false
            options.kubeVersion = value["kube_version"]?.stringValue
            options.apiVersions = list("api_versions")
            options.isUpgrade = value["is_upgrade"]?.boolValue ?? false
        }
        return Case(tree: tree, options: options, expected: text("expected.yaml"), expectedError: text("expected-error.txt"),
                    pending: text("pending.txt"), structureOnly: text("compare.txt")?.contains("structure") ?? false)
    }

    static func render(_ c: Case) throws -> String {
        try HelmRenderer.renderText(tree: c.tree, directory: "chart", options: c.options, displayPath: "chart")
    }

    /// The documents of `helm template` output: (source, text) pairs.
    static func documents(_ text: String) -> [String] {
        text.components(separatedBy: "---\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    static func blankStrings(_ value: Value) -> Value {
        switch value {
        case .string: return .string("")
        case .array(let items): return .array(items.map(blankStrings))
        case .object(let members): return .object(members.mapValues(blankStrings))
        default: return value
        }
    }

    @Test func theSuiteHasEnoughCases() {
        #expect(Self.caseNames.count >= 25)
    }

    @Test(arguments: caseNames)
    func rendersLikeHelmTemplate(_ name: String) throws {
        let c = try Self.load(name)
        if let reason = c.pending {
            print("helm parity: \(name) skipped: \(reason.trimmingCharacters(in: .whitespacesAndNewlines))")
            return
        }
        if let expectedError = c.expectedError {
            do {
                let text = try Self.render(c)
                Issue.record("\(name): expected an error, rendered:\n\(text)")
            } catch {
                let message = "\(error)"
                for line in expectedError.split(separator: "\n") {
                    let needle = line.trimmingCharacters(in: .whitespaces)
                    #expect(message.contains(needle), "\(name): error lacks \(needle):\n\(message)")
                }
            }
            return
        }
        let expected = try #require(c.expected, "\(name) has neither expected.yaml nor expected-error.txt")
        let actual = try Self.render(c)
        let expectedDocs = Self.documents(expected), actualDocs = Self.documents(actual)
        #expect(actualDocs.count == expectedDocs.count, "\(name): document count")
        for (a, e) in zip(actualDocs, expectedDocs) {
            let av = try YAML.parse(a, file: "ferry"), ev = try YAML.parse(e, file: "helm")
            if c.structureOnly {
                #expect(Self.blankStrings(av) == Self.blankStrings(ev), "\(name): structure differs:\n\(a)\n---- helm:\n\(e)")
            } else {
                #expect(av.semanticallyEquals(ev), "\(name): object differs:\n\(a)\n---- helm:\n\(e)")
            }
        }
    }

    /// Byte-level comparison of every document (with its `# Source:` line) against Helm's output.
    @Test func countsByteIdenticalObjects() throws {
        var total = 0, identical = 0, wholeCases = 0, wholeIdentical = 0, skipped: [String] = []
        for name in Self.caseNames {
            let c = try Self.load(name)
            if let reason = c.pending { skipped.append("\(name) (\(reason.trimmingCharacters(in: .whitespacesAndNewlines)))"); continue }
            guard let expected = c.expected, !c.structureOnly else { continue }
            let text = try? Self.render(c)
            wholeCases += 1
            if text == expected { wholeIdentical += 1 }
            let actual = text.map(Self.documents) ?? []
            for (i, doc) in Self.documents(expected).enumerated() {
                total += 1
                if i < actual.count, actual[i] == doc { identical += 1 } else {
                    print("helm byte difference in \(name) document \(i):\n\(i < actual.count ? actual[i] : "<missing>")\n---- helm:\n\(doc)")
                }
            }
        }
        print("helm parity: \(identical)/\(total) documents byte-identical; \(wholeIdentical)/\(wholeCases) whole outputs identical; skipped: \(skipped.isEmpty ? "none" : skipped.joined(separator: ", "))")
        #expect(total > 0)
        #expect(wholeIdentical == wholeCases, "every rendered case should print exactly what helm template prints")
    }
}
