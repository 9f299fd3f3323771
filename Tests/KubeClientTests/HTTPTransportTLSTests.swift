import FerryCore
import Foundation
import Testing
@testable import KubeClient

@Suite("HTTPTransport TLS with in-memory PEM material")
struct HTTPTransportTLSTests {
    @Test func mutualTLSWithCAAndClientCertificateBlobs() async throws {
        let certs = try TestCertificates()
        let server = try TestHTTPServer(tlsDirectory: certs.directory)
        defer { server.stop() }
        let tls = TLSOptions(caPEM: try certs.pem("ca.crt"), clientCertificatePEM: try certs.pem("client.crt"),
                             clientKeyPEM: try certs.pem("client.key"))
        let response = try await HTTPTransport(settings: TransportSettings(tls: tls)).send(HTTPRequest(url: server.url("/echo")))
        #expect(response.status == 200)
    }

    @Test func untrustedServerAndMissingClientCertificateFail() async throws {
        let certs = try TestCertificates()
        let server = try TestHTTPServer(tlsDirectory: certs.directory)
        defer { server.stop() }
        let client = TLSOptions(clientCertificatePEM: try certs.pem("client.crt"), clientKeyPEM: try certs.pem("client.key"))
        // The system store does not trust the test CA.
        await #expect(throws: KubeError.self) {
            _ = try await HTTPTransport(settings: TransportSettings(tls: client)).send(HTTPRequest(url: server.url("/echo")))
        }
        // Skipping verification gets past the server certificate.
        var insecure = client
        insecure.insecureSkipVerify = true
        #expect(try await HTTPTransport(settings: TransportSettings(tls: insecure)).send(HTTPRequest(url: server.url("/echo"))).status == 200)
        // The server requires a client certificate.
        let noClient = TLSOptions(caPEM: try certs.pem("ca.crt"))
        await #expect(throws: KubeError.self) {
            _ = try await HTTPTransport(settings: TransportSettings(tls: noClient)).send(HTTPRequest(url: server.url("/echo")))
        }
    }
}
