import FerryCore
import Foundation

extension HTTPKubeAPI {
    /// GETs a URL, retrying transport errors, 429 and 5xx with a short backoff that honours `Retry-After`.
    /// Returns the last response (any status) or throws the last transport error.
    func read(_ url: URL) async throws -> HTTPResponse {
        let request = HTTPRequest(method: "GET", url: url, headers: [("Accept", "application/json")])
        var attempt = 0
        while true {
            attempt += 1
            let delay: Double
            do {
                let response = try await transport.send(request)
                guard Self.isTransientStatus(response.status), attempt < readAttempts else { return response }
                delay = Self.retryDelay(attempt: attempt, retryAfter: response.header("Retry-After"))
                logger.debug("retrying GET", metadata: ["url": "\(url.path)", "status": "\(response.status)"])
            } catch let error as KubeError where error.isTransient && attempt < readAttempts {
                delay = Self.retryDelay(attempt: attempt, retryAfter: nil)
                logger.debug("retrying GET", metadata: ["url": "\(url.path)", "error": "\(error.reason)"])
            }
            try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
        }
    }

    static func isTransientStatus(_ status: Int) -> Bool { status == 429 || (500...599).contains(status) }

    /// 0.2 s, 0.4 s, 0.8 s…, or the server's `Retry-After` seconds (capped at 5 s).
    static func retryDelay(attempt: Int, retryAfter: String?) -> Double {
        if let retryAfter, let seconds = Double(retryAfter.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return min(seconds, 5)
        }
        return 0.2 * Double(1 << min(attempt - 1, 5))
    }

    func decodeValue(_ response: HTTPResponse, subject: String) throws -> Value {
        do {
            return try JSON.parse(response.body)
        } catch {
            throw KubeError(code: response.status, reason: "InvalidResponse",
                            message: "\(subject): the server sent a response that is not JSON: \(error)")
        }
    }

    func decodeObject(_ response: HTTPResponse, subject: String) throws -> KubeObject {
        let value = try decodeValue(response, subject: subject)
        guard value.objectValue != nil else {
            throw KubeError(code: response.status, reason: "InvalidResponse",
                            message: "\(subject): the server sent a \(value.typeName), not an object")
        }
        return KubeObject(value)
    }
}
