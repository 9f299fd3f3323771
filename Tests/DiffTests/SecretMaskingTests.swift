import Foundation
import FerryCore
import Testing
@testable import Diff

@Suite struct SecretMaskingTests {
    @Test func changedSecretValueNeverShowsThePlaintext() {
        var desired = DiffFixtures.secret
        desired.value["data"] = nil
        desired.value["stringData"] = ["password": "s3cr3t-new", "user": "admin"]
        var live = DiffFixtures.secret
        live.setAnnotation(WellKnown.lastApplied, #"{"data":{"password":"aHVudGVyMg=="}}"#)
        let result = Differ.diff(desired: desired, live: live, options: .default)
        #expect(result.status == .outOfSync)
        let shownLive = YAML.encode(result.normalizedLive?.value ?? .null)
        let shownDesired = YAML.encode(result.normalizedDesired?.value ?? .null)
        for secret in ["s3cr3t-new", Data("s3cr3t-new".utf8).base64EncodedString(), "hunter2", "aHVudGVyMg==",
                       "admin", "YWRtaW4="] {
            #expect(!result.unifiedDiff.contains(secret), "diff leaks \(secret)")
            #expect(!shownLive.contains(secret) && !shownDesired.contains(secret))
        }
        #expect(result.unifiedDiff.contains("-  password: ++++++++\n+  password: +++++++++\n"))
    }

    @Test func equalValuesGetEqualMasksAndDifferentValuesDifferentMasks() {
        var desired = DiffFixtures.secret
        desired.value[path: ["data", "password"]] = "bmV3"
        let masked = SecretMasker.mask(desired: desired, live: DiffFixtures.secret)
        #expect(masked.live?.value[path: ["data", "password"]] == "++++++++")
        #expect(masked.desired?.value[path: ["data", "password"]] == "+++++++++")
        #expect(masked.live?.value[path: ["data", "user"]] == masked.desired?.value[path: ["data", "user"]])
    }

    @Test func nonSecretsAreLeftAlone() {
        let configMap = DiffFixtures.object("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          mode: fast
        """)
        #expect(SecretMasker.mask(configMap) == configMap)
    }

    @Test func newSecretKeyIsShownMaskedOnTheDesiredSideOnly() {
        var desired = DiffFixtures.secret
        desired.value[path: ["data", "token"]] = "dG9rZW4="
        let result = Differ.diff(desired: desired, live: DiffFixtures.secret, options: .default)
        #expect(result.unifiedDiff.contains("+  token: ++++++++\n"))
        #expect(!result.unifiedDiff.contains("dG9rZW4="))
    }
}
