import FerryCore
import Foundation

/// A `continue` token: the snapshot's resourceVersion and the key the next page starts at. Encoded like the
/// real API server's: unpadded base64url of `{"v":"meta.k8s.io/v1","rv":N,"start":"<key>\u0000"}`.
struct ContinueToken: Equatable, Sendable {
    /// The snapshot's resourceVersion; -1 asks for the current state (an inconsistent continuation).
    var resourceVersion: Int64
    /// Items whose key sorts at or after this are on the next page.
    var start: String

    /// The opaque token text.
    var encoded: String {
        let json: Value = ["v": "meta.k8s.io/v1", "rv": .int(resourceVersion), "start": .string(start)]
        return Data(JSON.encode(json).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Parses a token; failures are 400s worded like the real server's.
    init(decoding text: String) throws(APIError) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let json = try? JSON.parse(data) else {
            throw Self.invalid("illegal base64 data or JSON")
        }
        guard json["v"]?.stringValue == "meta.k8s.io/v1" else {
            throw Self.invalid("server does not recognize this encoded key version")
        }
        guard let rv = json["rv"]?.intValue, rv != 0 else {
            throw Self.invalid("incorrect encoded start resourceVersion (version meta.k8s.io/v1)")
        }
        guard let start = json["start"]?.stringValue, !start.isEmpty else {
            throw Self.invalid("encoded start key empty (version meta.k8s.io/v1)")
        }
        self.init(resourceVersion: rv, start: start)
    }

    init(resourceVersion: Int64, start: String) {
        self.resourceVersion = resourceVersion
        self.start = start
    }

    private static func invalid(_ reason: String) -> APIError {
        .badRequest("invalid continue token: continue key is not valid: \(reason)")
    }

    /// 410 for a token whose snapshot is no longer retained; carries a token that continues from now.
    static func expired(continuing start: String) -> APIResponse {
        let error = APIError(code: 410, reason: "Expired", message: "The provided continue parameter is too old "
            + "to display a consistent list result. You can start a new list without the continue parameter, or use "
            + "the continue token in this response to retrieve the remainder of the results. Continuing with the "
            + "provided token results in an inconsistent list - objects that were created, modified, or deleted "
            + "between the time the first chunk was returned and now may show up in the list.")
        var status = error.status
        status["metadata"] = ["continue": .string(ContinueToken(resourceVersion: -1, start: start).encoded)]
        return .json(status, status: 410)
    }
}

/// The sort key the real API server pages by: `namespace/name` (just `name` when cluster-scoped).
func listKey(_ object: Value) -> String {
    let item = KubeObject(object)
    return item.namespace.isEmpty ? item.name : "\(item.namespace)/\(item.name)"
}
