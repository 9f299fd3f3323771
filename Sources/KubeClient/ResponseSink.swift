import Foundation

/// Collects what curl delivers for one transfer: status line, headers and body (or body lines when streaming).
///
/// Curl calls into it from the transfer's thread only; `cancel()` may come from any thread.
final class ResponseSink: @unchecked Sendable {
    /// Largest body (or, when streaming, largest line) accepted.
    let limit: Int
    /// Called with each complete line (without the newline) of a 2xx streamed body.
    private let onLine: (@Sendable (Data) -> Void)?
    private let cancelled = Locked(false)

    private(set) var status = 0
    private(set) var headers: [(name: String, value: String)] = []
    private(set) var body = Data()
    private(set) var overflowed = false

    init(limit: Int, onLine: (@Sendable (Data) -> Void)? = nil) {
        self.limit = limit; self.onLine = onLine
    }

    /// Asks curl to abort the transfer at its next progress callback.
    func cancel() { cancelled.withLock { $0 = true } }
    var isCancelled: Bool { cancelled.withLock { $0 } }

    /// One raw header line, including the status line that starts each response.
    func receiveHeader(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            // A new response (after 100 Continue or a redirect) starts over.
            headers = []
            let parts = line.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((name: name, value: value))
        }
    }

    /// A chunk of body; returns false to make curl abort (too large).
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        body.append(contentsOf: bytes)
        if let onLine, (200..<300).contains(status) {
            emitLines(onLine)
        }
        if body.count > limit { overflowed = true; return false }
        return true
    }

    /// Delivers a final unterminated line of a streamed body.
    func flush() {
        guard let onLine, (200..<300).contains(status), !body.isEmpty else { return }
        onLine(body)
        body = Data()
    }

    private func emitLines(_ onLine: (Data) -> Void) {
        while let newline = body.firstIndex(of: UInt8(ascii: "\n")) {
            var line = body[body.startIndex..<newline]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if !line.isEmpty { onLine(Data(line)) }
            body.removeSubrange(body.startIndex...newline)
        }
    }
}
