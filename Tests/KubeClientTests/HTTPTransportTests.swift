import FerryCore
import Foundation
import Testing
@testable import KubeClient

@Suite("HTTPTransport against a real HTTP server")
struct HTTPTransportTests {
    @Test func getReturnsStatusHeadersAndBody() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let response = try await HTTPTransport().send(HTTPRequest(url: server.url("/echo?x=1")))
        #expect(response.status == 200)
        #expect(response.header("content-type") == "application/json")
        let echo = try JSON.parse(response.body)
        #expect(echo["method"] == "GET")
        #expect(echo["path"] == "/echo?x=1")
    }

    @Test func repeatedRequestsReuseOneConnection() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let transport = HTTPTransport()
        let first = try await transport.send(HTTPRequest(url: server.url("/echo")))
        let second = try await transport.send(HTTPRequest(url: server.url("/echo")))
        #expect(first.newConnections == 1)
        #expect(second.newConnections == 0)
        // The server saw both requests arrive from the same client port.
        #expect(try JSON.parse(first.body)["peerPort"] == JSON.parse(second.body)["peerPort"])
    }

    @Test func sendsMethodBodyHeadersAndBearerToken() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let transport = HTTPTransport(settings: TransportSettings(auth: .bearer("s3cret")))
        let request = HTTPRequest(method: "PATCH", url: server.url("/echo"), headers: [("Content-Type", "application/apply-patch+yaml")],
                                  body: Data(#"{"a":1}"#.utf8))
        let echo = try JSON.parse(try await transport.send(request).body)
        #expect(echo["method"] == "PATCH")
        #expect(echo["body"] == #"{"a":1}"#)
        #expect(echo["contentType"] == "application/apply-patch+yaml")
        #expect(echo["authorization"] == "Bearer s3cret")
    }

    @Test func sendsBasicAuthAndTokenFromFile() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let basic = HTTPTransport(settings: TransportSettings(auth: .basic(username: "admin", password: "pw")))
        let basicEcho = try JSON.parse(try await basic.send(HTTPRequest(url: server.url("/echo"))).body)
        #expect(basicEcho["authorization"] == "Basic YWRtaW46cHc=")

        let tokenFile = server.directory.appendingPathComponent("token")
        try "file-token\n".write(to: tokenFile, atomically: true, encoding: .utf8)
        let fromFile = HTTPTransport(settings: TransportSettings(auth: .bearerTokenFile(tokenFile.path)))
        let fileEcho = try JSON.parse(try await fromFile.send(HTTPRequest(url: server.url("/echo"))).body)
        #expect(fileEcho["authorization"] == "Bearer file-token")
    }

    @Test func errorStatusesAreResponsesNotThrows() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let response = try await HTTPTransport().send(HTTPRequest(url: server.url("/plain-error")))
        #expect(response.status == 500)
        #expect(response.text == "boom")
    }

    @Test func bodiesOverTheLimitFailClearly() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let transport = HTTPTransport(settings: TransportSettings(maxResponseBytes: 1 << 20))
        await #expect(throws: KubeError.self) {
            _ = try await transport.send(HTTPRequest(url: server.url("/big")))
        }
        do {
            _ = try await transport.send(HTTPRequest(url: server.url("/big")))
        } catch let error as KubeError {
            #expect(error.code == 0 && error.reason == "ResponseTooLarge")
            #expect(error.message.contains("/big"))
        }
    }

    @Test func connectionFailuresBecomeTransportErrors() async throws {
        let server = try TestHTTPServer()
        let url = server.url("/echo")
        server.stop()
        do {
            _ = try await HTTPTransport().send(HTTPRequest(url: url))
            Issue.record("expected a transport error")
        } catch let error as KubeError {
            #expect(error.code == 0)
            #expect(error.reason == "TransportError")
            #expect(error.message.contains("GET \(url.absoluteString)"))
        }
    }

    @Test func streamsResponseLines() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        var lines: [String] = []
        for try await line in HTTPTransport().lines(HTTPRequest(url: server.url("/lines"))) {
            lines.append(String(decoding: line, as: UTF8.self))
        }
        #expect(lines == [#"{"n":1}"#, #"{"n":2}"#, #"{"n":3}"#])
    }

    @Test func redactsCredentialsInURLs() {
        let url = URL(string: "https://user:pw@example.com:6443/api")!
        #expect(HTTPTransport.redacted(url) == "https://example.com:6443/api")
    }
}
