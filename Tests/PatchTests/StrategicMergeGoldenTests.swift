import FerryCore
import Patch
import Testing

/// Strategic merge results compared with `kubectl patch --local --type strategic` (apimachinery).
@Suite struct StrategicMergeGoldenTests {
    @Test func thereAreEnoughGoldenCases() {
        #expect(GoldenCase.names("StrategicMerge").count >= 25)
    }

    @Test(arguments: GoldenCase.names("StrategicMerge"))
    func matchesKubectl(_ name: String) throws {
        let golden = GoldenCase("StrategicMerge", name)
        let original = try golden.original
        let schema = PatchSchema.kubernetes.type(of: original)
        try golden.check { try StrategicMerge.apply(try golden.patch, to: original, schema: schema) }
    }
}

/// JSON patch results compared with `kubectl patch --local --type json` (evanphx/json-patch).
@Suite struct JSONPatchGoldenTests {
    @Test(arguments: GoldenCase.names("JSONPatch"))
    func matchesKubectl(_ name: String) throws {
        let golden = GoldenCase("JSONPatch", name)
        try golden.check { try JSONPatch.apply(try golden.patch, to: try golden.original) }
    }
}
