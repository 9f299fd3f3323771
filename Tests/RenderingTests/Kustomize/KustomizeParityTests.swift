import FerryCore
import Foundation
import Testing
@testable import Rendering

/// Each directory under `cases/` is a small input tree with `expected.yaml` from `kubectl kustomize`
/// (see regenerate.sh) or `error.txt`/`unsupported.txt` (lines Ferry's error message must contain).
@Suite struct KustomizeParityTests {
    static let casesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("cases")

    static var caseNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: casesDirectory.path)) ?? []).sorted()
    }

    struct Case {
        var tree: FileTree
        var entry: String
        var expected: String?
        var errorSubstrings: [String]
    }

    static func load(_ name: String) throws -> Case {
        let dir = casesDirectory.appendingPathComponent(name)
        let tree = try FileTree.load(directory: dir)
        func text(_ file: String) -> String? { tree[file].flatMap { String(data: $0, encoding: .utf8) } }
        let entry = text("entry")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let errors = (text("error.txt") ?? text("unsupported.txt"))?.split(separator: "\n").map(String.init).filter { !$0.isEmpty } ?? []
        return Case(tree: tree, entry: entry == "." ? "" : entry, expected: text("expected.yaml"), errorSubstrings: errors)
    }

    @Test func theSuiteHasCases() {
        #expect(Self.caseNames.count >= 15)
    }

    @Test(arguments: caseNames)
    func rendersLikeKubectlKustomize(_ name: String) throws {
        let c = try Self.load(name)
        if !c.errorSubstrings.isEmpty {
            do {
                let result = try KustomizeRenderer.render(tree: c.tree, directory: c.entry)
                Issue.record("\(name): expected an error, rendered \(result.objects.count) objects")
            } catch let error as RenderError {
                for substring in c.errorSubstrings {
                    #expect(error.description.contains(substring), "\(name): \(error.description)")
                }
            }
            return
        }
        let expectedText = try #require(c.expected, "\(name) has no expected.yaml")
        let expected = try YAML.parseAll(expectedText, file: "\(name)/expected.yaml").map(\.value).filter { !$0.isNull }
        let result = try KustomizeRenderer.render(tree: c.tree, directory: c.entry)
        let actual = result.objects.map(\.value)
        #expect(actual.count == expected.count, "\(name): object count")
        for (a, e) in zip(actual, expected) {
            #expect(a == e, "\(name): \(KubeObject(e).kind) \(KubeObject(e).name) differs:\n\(YAML.encode(a))")
        }
    }

    /// Byte-level comparison: every object's YAML text against kubectl's (recorded as a count).
    @Test func countsByteIdenticalObjects() throws {
        var total = 0, identical = 0
        for name in Self.caseNames {
            let c = try Self.load(name)
            guard c.errorSubstrings.isEmpty, let expected = c.expected,
                  let result = try? KustomizeRenderer.render(tree: c.tree, directory: c.entry) else { continue }
            let expectedDocs = expected.components(separatedBy: "\n---\n")
            for (i, object) in result.objects.enumerated() {
                total += 1
                var doc = i < expectedDocs.count ? expectedDocs[i] : ""
                if !doc.hasSuffix("\n") { doc += "\n" }
                if YAML.encode(object.value) == doc { identical += 1 } else {
                    print("byte difference in \(name) object \(i):\n\(YAML.encode(object.value))---- kubectl:\n\(doc)")
                }
            }
        }
        print("kustomize parity: \(identical)/\(total) objects byte-identical")
        #expect(total > 0)
    }
}
