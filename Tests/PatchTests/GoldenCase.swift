import FerryCore
import Foundation
import Testing

/// One directory of a golden patch case: `original.yaml`, `patch.yaml`, and either `expected.yaml` (what
/// `kubectl patch --local` printed) or `kubectl-error.txt` (kubectl refused the patch). See regenerate.sh.
struct GoldenCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    let directory: URL

    /// The case names under `<suite>/cases`, sorted.
    static func names(_ suite: String) -> [String] {
        let dir = root.appendingPathComponent(suite).appendingPathComponent("cases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    init(_ suite: String, _ name: String) {
        directory = GoldenCase.root.appendingPathComponent(suite).appendingPathComponent("cases").appendingPathComponent(name)
    }

    func yaml(_ file: String) throws -> Value {
        let url = directory.appendingPathComponent(file)
        return try YAML.parse(try String(contentsOf: url, encoding: .utf8), file: url.path)
    }

    var original: Value { get throws { try yaml("original.yaml") } }
    var patch: Value { get throws { try yaml("patch.yaml") } }

    /// The expected document, or nil when kubectl refused the patch (the error text is then returned).
    func expectation() throws -> Result<Value, KubectlRefusal> {
        let errorFile = directory.appendingPathComponent("kubectl-error.txt")
        if let text = try? String(contentsOf: errorFile, encoding: .utf8) { return .failure(KubectlRefusal(message: text)) }
        return .success(try yaml("expected.yaml"))
    }

    /// Checks `run` against the recorded outcome.
    func check(_ run: () throws -> Value, sourceLocation: SourceLocation = #_sourceLocation) throws {
        switch try expectation() {
        case .success(let expected):
            let actual = try run()
            let difference = GoldenCase.firstDifference(actual, expected, at: "")
            #expect(difference == nil, "\(directory.lastPathComponent): \(difference ?? "")", sourceLocation: sourceLocation)
        case .failure(let refusal):
            #expect(throws: (any Error).self, "kubectl refused: \(refusal.message)", sourceLocation: sourceLocation) {
                _ = try run()
            }
        }
    }
}

extension GoldenCase {
    /// Where `actual` first differs from `expected` (object member order ignored, list order kept), or nil.
    static func firstDifference(_ actual: Value, _ expected: Value, at path: String) -> String? {
        switch (actual, expected) {
        case (.object(let a), .object(let e)):
            for (key, value) in e {
                guard let other = a[key] else { return "\(path).\(key): missing, expected \(JSON.encode(value))" }
                if let difference = firstDifference(other, value, at: path + "." + key) { return difference }
            }
            if let extra = a.keys.first(where: { e[$0] == nil }) {
                return "\(path).\(extra): unexpected \(JSON.encode(a[extra] ?? .null))"
            }
            return nil
        case (.array(let a), .array(let e)) where a.count == e.count:
            for (i, pair) in zip(a, e).enumerated() {
                if let difference = firstDifference(pair.0, pair.1, at: "\(path)[\(i)]") { return difference }
            }
            return nil
        default:
            return actual.semanticallyEquals(expected) ? nil
                : "\(path): got \(JSON.encode(actual)), expected \(JSON.encode(expected))"
        }
    }
}

struct KubectlRefusal: Error { var message: String }
