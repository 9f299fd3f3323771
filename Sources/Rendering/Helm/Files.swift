import FerryCore
import Foundation
import GoTemplate
import OrderedCollections

/// `.Files`: the chart's non-template files as a map of path → text, with Helm's methods as functions
/// (`helmFiles "Get" .Files "p"` after `HelmMethodRewriter`). A chart only ever sees its own files.
enum HelmFiles {
    /// The `.Files` value of a chart.
    static func value(_ files: [String: Data]) -> Value {
        var members = OrderedDictionary<String, Value>()
        for path in files.keys.sorted() { members[path] = .string(String(decoding: files[path] ?? Data(), as: UTF8.self)) }
        return .object(members)
    }

    static var functions: FunctionMap {
        [
            "helmFiles": { args in
                guard args.count >= 2, case .string(let method) = args[0].data else { throw FunctionError("helmFiles: bad call") }
                let files = args[1].data.objectValue ?? [:]
                let rest = Array(args.dropFirst(2))
                return .value(try call(method, files: files, args: rest))
            },
            "helmFilesAs": { args in
                guard args.count == 2, case .string(let method) = args[0].data else { throw FunctionError("helmFilesAs: bad call") }
                return .value(try call(method, files: args[1].data.objectValue ?? [:], args: []))
            },
            "helmAPIVersionsHas": { args in
                guard args.count == 2, case .string(let version) = args[1].data else {
                    throw FunctionError("wrong number of args for Has: want 1 got \(max(0, args.count - 1))")
                }
                let list = args[0].data.arrayValue ?? []
                return .value(.bool(list.contains(.string(version))))
            },
        ]
    }

    static func call(_ method: String, files: OrderedDictionary<String, Value>, args: [TemplateValue]) throws -> Value {
        func path() throws -> String {
            guard args.count == 1, case .string(let p) = args[0].data else {
                throw FunctionError("wrong number of args for \(method): want 1 got \(args.count)")
            }
            return p
        }
        switch method {
        case "Get":
            return files[try path()] ?? .string("")
        case "GetBytes":
            let text = files[try path()]?.stringValue ?? ""
            return .array(text.utf8.map { .int(Int64($0)) })
        case "Lines":
            guard var text = files[try path()]?.stringValue, !text.isEmpty else { return .array([]) }
            if text.hasSuffix("\n") { text.removeLast() }
            return .array(text.split(separator: "\n", omittingEmptySubsequences: false).map { .string(String($0)) })
        case "Glob":
            let pattern = try path()
            return .object(files.filter { Glob.matches(pattern, $0.key) })
        case "AsConfig", "AsSecrets":
            if files.isEmpty { return .string("") }
            var map = OrderedDictionary<String, Value>()
            for (key, value) in files {
                let base = String(key.split(separator: "/").last ?? Substring(key))
                let text = value.stringValue ?? ""
                map[base] = .string(method == "AsConfig" ? text : Data(text.utf8).base64EncodedString())
            }
            // Helm's yaml.Marshal: go-yaml v2 writes the keys sorted its way, without the final newline.
            return .string(YAML.encode(.object(map), style: .goYAMLv2, finalNewline: false))
        default:
            throw FunctionError("can't evaluate field \(method) in type engine.files")
        }
    }
}
