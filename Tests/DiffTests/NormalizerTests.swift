import FerryCore
import Testing
@testable import Diff

@Suite struct NormalizerTests {
    @Test func stripsServerPopulatedFields() {
        let normalized = Normalizer.normalize(DiffFixtures.liveDeployment).value
        #expect(normalized["status"] == nil)
        for field in ["uid", "resourceVersion", "generation", "creationTimestamp", "managedFields"] {
            #expect(normalized[path: ["metadata", field]] == nil, "\(field)")
        }
        #expect(normalized[path: ["metadata", "annotations", WellKnown.lastApplied]] == nil)
        #expect(normalized[path: ["metadata", "annotations", "deployment.kubernetes.io/revision"]] == "3")
    }

    @Test func dropsEmptyAnnotationMaps() {
        var object = DiffFixtures.deployment
        object.value[path: ["metadata", "annotations"]] = [WellKnown.lastApplied: "{}"]
        #expect(Normalizer.normalize(object).value[path: ["metadata", "annotations"]] == nil)
    }

    @Test func foldsSecretStringDataIntoBase64Data() {
        var secret = DiffFixtures.secret
        secret.value["stringData"] = ["token": "abc"]
        let normalized = Normalizer.normalize(secret).value
        #expect(normalized["stringData"] == nil)
        #expect(normalized[path: ["data", "token"]] == "YWJj")
        #expect(normalized[path: ["data", "user"]] == "YWRtaW4=")
    }

    @Test func jsonPointersUnescapeAndRemove() throws {
        let pointer = try #require(JSONPointer("/metadata/annotations/example.com~1team"))
        #expect(pointer.tokens == ["metadata", "annotations", "example.com/team"])
        #expect(pointer.description == "/metadata/annotations/example.com~1team")
        let value: Value = ["metadata": ["annotations": ["example.com/team": "a", "keep": "b"]]]
        #expect(pointer.removing(from: value) == ["metadata": ["annotations": ["keep": "b"]]])
        #expect(JSONPointer("spec") == nil)
        let list: Value = ["items": [1, 2, 3]]
        #expect(try #require(JSONPointer("/items/1")).removing(from: list) == ["items": [1, 3]])
        #expect(try #require(JSONPointer("/items/9")).removing(from: list) == list)
    }
}
