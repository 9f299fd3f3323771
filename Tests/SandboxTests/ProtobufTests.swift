import Foundation
import Testing
@testable import Sandbox

/// The protobuf envelope client-go sends (`k8s\0` + `runtime.Unknown`), decoded field by field. Bodies are
/// built here byte by byte from the field numbers of Kubernetes' generated.proto.
struct ProtobufTests {
    static func varint(_ value: UInt64) -> [UInt8] {
        var v = value, out: [UInt8] = []
        repeat { out.append(UInt8(v & 0x7F) | (v > 0x7F ? 0x80 : 0)); v >>= 7 } while v > 0
        return out
    }
    static func bytes(_ number: Int, _ payload: [UInt8]) -> [UInt8] {
        varint(UInt64(number << 3 | 2)) + varint(UInt64(payload.count)) + payload
    }
    static func string(_ number: Int, _ text: String) -> [UInt8] { bytes(number, Array(text.utf8)) }
    static func int(_ number: Int, _ value: UInt64) -> [UInt8] { varint(UInt64(number << 3)) + varint(value) }

    static func envelope(apiVersion: String, kind: String, _ raw: [UInt8]) -> Data {
        Data([0x6B, 0x38, 0x73, 0x00] + bytes(1, string(1, apiVersion) + string(2, kind)) + bytes(2, raw))
    }

    @Test func deleteOptionsAsHelmsUninstallSendsThem() throws {
        let raw = Self.int(1, 30) + Self.bytes(2, Self.string(1, "uid-1") + Self.string(2, "42"))
            + Self.string(4, "Orphan") + Self.string(5, "All")
        let options = try Protobuf.decode(Self.envelope(apiVersion: "v1", kind: "DeleteOptions", raw))
        #expect(options["gracePeriodSeconds"] == .int(30))
        #expect(options["preconditions"] == ["uid": "uid-1", "resourceVersion": "42"])
        #expect(options["propagationPolicy"] == "Orphan")
        #expect(options["dryRun"] == ["All"])
    }

    @Test func aKindWithoutAFieldTableIsUnsupportedMediaType() {
        let error = #expect(throws: APIError.self) {
            try Protobuf.decode(Self.envelope(apiVersion: "apps/v1", kind: "StatefulSet", []))
        }
        #expect(error?.code == 415)
    }
}
