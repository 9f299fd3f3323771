import CCurl
import Foundation

/// One libcurl easy handle. Reusing a handle reuses its open connections (curl keeps them across
/// `curl_easy_reset`). Used by one transfer at a time; the pool hands it between threads.
final class CurlEasy: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer
    private var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

    init() throws {
        if let failure = CurlGlobal.failure {
            throw KubeError(code: 0, reason: "TransportError", message: failure)
        }
        guard let handle = curl_easy_init() else {
            throw KubeError(code: 0, reason: "TransportError", message: "libcurl could not create a handle")
        }
        self.handle = handle
    }

    deinit { curl_easy_cleanup(handle) }

    /// Runs one transfer, blocking the calling thread. `sink` receives status, headers and body.
    func perform(_ request: HTTPRequest, settings: TransportSettings, authorization: String?,
                 sink: ResponseSink) throws -> Int {
        curl_easy_reset(handle)
        var headerList: UnsafeMutablePointer<curl_slist>? = nil
        defer { curl_slist_free_all(headerList) }
        try configure(request, settings: settings)
        for header in request.headers where !header.name.isEmpty {
            headerList = curl_slist_append(headerList, "\(header.name): \(header.value)")
        }
        if let authorization { headerList = curl_slist_append(headerList, "Authorization: \(authorization)") }
        headerList = curl_slist_append(headerList, "Expect:")
        try check(ferry_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), "headers")
        try attach(sink)
        let code = errorBuffer.withUnsafeMutableBufferPointer { buffer -> CURLcode in
            buffer[0] = 0
            _ = ferry_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress)
            return curl_easy_perform(handle)
        }
        if code != CURLE_OK { throw transferError(code, request: request, sink: sink) }
        var connects = 0
        _ = ferry_curl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
        return connects
    }

    private func configure(_ request: HTTPRequest, settings: TransportSettings) throws {
        try set(CURLOPT_URL, request.url.absoluteString)
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        try set(CURLOPT_CONNECTTIMEOUT_MS, Int(settings.connectTimeout * 1000))
        try set(CURLOPT_TIMEOUT_MS, request.timeout.map { Int($0 * 1000) } ?? 0)
        try set(CURLOPT_ACCEPT_ENCODING, "")
        try set(CURLOPT_USERAGENT, settings.userAgent)
        try configureMethod(request)
        try configureTLS(settings.tls)
    }

    private func configureMethod(_ request: HTTPRequest) throws {
        let method = request.method.uppercased()
        if method == "HEAD" { try set(CURLOPT_NOBODY, 1); return }
        if method == "GET" && request.body == nil { try set(CURLOPT_HTTPGET, 1); return }
        if let body = request.body {
            try set(CURLOPT_POSTFIELDSIZE, body.count)
            let code = body.withUnsafeBytes { bytes -> CURLcode in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return ferry_curl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
                }
                return ferry_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
            }
            try check(code, "request body")
        }
        try set(CURLOPT_CUSTOMREQUEST, method)
    }

    private func configureTLS(_ tls: TLSOptions) throws {
        if tls.insecureSkipVerify {
            try set(CURLOPT_SSL_VERIFYPEER, 0)
            try set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        if let ca = tls.caPEM { try setBlob(CURLOPT_CAINFO_BLOB, ca, "certificate authority") }
        if let cert = tls.clientCertificatePEM {
            try set(CURLOPT_SSLCERTTYPE, "PEM")
            try setBlob(CURLOPT_SSLCERT_BLOB, cert, "client certificate")
        }
        if let key = tls.clientKeyPEM {
            try set(CURLOPT_SSLKEYTYPE, "PEM")
            try setBlob(CURLOPT_SSLKEY_BLOB, key, "client key")
        }
    }

    private func attach(_ sink: ResponseSink) throws {
        let context = Unmanaged.passUnretained(sink).toOpaque()
        try check(ferry_curl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let context else { return 0 }
            let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
            let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
            return sink.receiveBody(bytes) ? size * count : 0
        }, "write callback")
        try check(ferry_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context), "write callback")
        try check(ferry_curl_setopt_write_function(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let context else { return 0 }
            let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
            Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue().receiveHeader(bytes)
            return size * count
        }, "header callback")
        try check(ferry_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context), "header callback")
        try set(CURLOPT_NOPROGRESS, 0)
        try check(ferry_curl_setopt_xferinfo_function(handle, CURLOPT_XFERINFOFUNCTION) { context, _, _, _, _ in
            guard let context else { return 0 }
            return Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
        }, "progress callback")
        try check(ferry_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context), "progress callback")
    }

    private func transferError(_ code: CURLcode, request: HTTPRequest, sink: ResponseSink) -> Error {
        if sink.isCancelled { return CancellationError() }
        let target = "\(request.method) \(HTTPTransport.redacted(request.url))"
        if sink.overflowed {
            return KubeError(code: 0, reason: "ResponseTooLarge",
                             message: "\(target): response larger than \(sink.limit) bytes")
        }
        let detail = errorBuffer.withUnsafeBufferPointer { buffer -> String in
            let text = buffer.baseAddress.map { String(cString: $0) } ?? ""
            return text.isEmpty ? String(cString: curl_easy_strerror(code)) : text
        }
        return KubeError(code: 0, reason: "TransportError", message: "\(target): \(detail)")
    }

    private func set(_ option: CURLoption, _ value: Int) throws {
        try check(ferry_curl_setopt_long(handle, option, value), "option \(option.rawValue)")
    }

    private func set(_ option: CURLoption, _ value: String) throws {
        try check(ferry_curl_setopt_string(handle, option, value), "option \(option.rawValue)")
    }

    private func setBlob(_ option: CURLoption, _ data: Data, _ what: String) throws {
        let code = data.withUnsafeBytes { bytes -> CURLcode in
            var blob = curl_blob(data: UnsafeMutableRawPointer(mutating: bytes.baseAddress), len: bytes.count,
                                 flags: UInt32(CURL_BLOB_COPY))
            return ferry_curl_setopt_blob(handle, option, &blob)
        }
        try check(code, what)
    }

    private func check(_ code: CURLcode, _ what: String) throws {
        guard code == CURLE_OK else {
            throw KubeError(code: 0, reason: "TransportError",
                            message: "libcurl rejected \(what): \(String(cString: curl_easy_strerror(code)))")
        }
    }
}

/// Loading libcurl (it is opened on first use, see CCurl.h) and its process-wide initialisation, done once
/// before the first handle.
enum CurlGlobal {
    /// Why libcurl cannot be used, or nil once it is loaded and initialised.
    static let failure: String? = {
        var message = [CChar](repeating: 0, count: 512)
        guard ferry_curl_load(&message, message.count) == 0 else {
            return "libcurl could not be loaded (\(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))); install libcurl4 (Debian: apt-get install libcurl4)"
        }
        return curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK ? nil : "libcurl could not be initialised"
    }()
}
